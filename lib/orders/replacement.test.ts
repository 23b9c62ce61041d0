import { describe, expect, it } from 'vitest';
import { money, type Money } from '../money.ts';
import type { Offer, ProviderId, Tier } from '../providers/types.ts';
import type { LimitRefusal } from './limits.ts';
import { chooseReplacement, type ReplacementInput } from './replacement.ts';

// Shared country ids (SMS-Activate's): 6 Indonesia, 7 Malaysia, 16 United Kingdom, 43 Germany.
const ISO: Record<string, string> = { '6': 'ID', '7': 'MY', '16': 'GB', '43': 'DE' };
const NAME: Record<string, string> = {
  '6': 'Indonesia',
  '7': 'Malaysia',
  '16': 'United Kingdom',
  '43': 'Germany',
};

const offer = (
  country: string,
  tier: Tier,
  cents: number,
  stock: number | null = 10,
  providerId: ProviderId = 'codasms',
  currency = 'USD',
): Offer => ({
  providerId,
  providerName: providerId,
  country,
  countryName: NAME[country] ?? country,
  countryIso: ISO[country] ?? null,
  tier,
  price: money(cents, currency),
  priceIsCap: false,
  stock,
});

/** The old order: Indonesia Standard at CODASMS, bought at 10 ¢ under a 10 ¢ cap. */
const OLD: ReplacementInput['old'] = {
  providerId: 'codasms',
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: money(10),
  price: money(10),
};

function choose(offers: Offer[] | null, extra: Partial<ReplacementInput> = {}) {
  return chooseReplacement({
    old: OLD,
    offers,
    priceCapCents: null,
    siteCountries: null,
    avoidCountry: false,
    refusal: () => null,
    ...extra,
  });
}

/** Which offer was chosen, as "country tier cents provider", or the reason for none. */
function picked(r: ReturnType<typeof chooseReplacement>): string {
  if (r.kind === 'none') return `none: ${r.reason.why}`;
  return `${r.country.code} ${r.tier} ${r.maxPrice?.cents} ${r.providerId}${r.same ? ' (same)' : ''}`;
}

describe('the number that replaces a refused or swapped one', () => {
  it('orders the same offer again when it is in stock and within the price accepted', () => {
    const r = choose([offer('7', 'standard', 5), offer('6', 'standard', 9)]);
    // The same offer keeps the old cap (the price the user accepted), not the price now.
    expect(picked(r)).toBe('6 standard 10 codasms (same)');
  });

  it('takes the next best offer of the same band when the same one is sold out', () => {
    const r = choose([
      offer('6', 'standard', 10, 0),
      offer('16', 'standard', 30),
      offer('7', 'standard', 20),
      offer('7', 'priority', 15),
    ]);
    expect(picked(r)).toBe('7 standard 20 codasms');
  });

  it('takes the next best offer when the same one now costs more than the price accepted', () => {
    const r = choose([offer('6', 'standard', 12), offer('43', 'standard', 25)]);
    expect(picked(r)).toBe('43 standard 25 codasms');
  });

  it('the other band only when the same band has nothing left', () => {
    const r = choose([
      offer('6', 'standard', 10, 0),
      offer('7', 'standard', 20, 0),
      offer('16', 'priority', 40),
      offer('6', 'priority', 35),
    ]);
    expect(picked(r)).toBe('6 priority 35 codasms');
  });

  it('the same country from another provider counts as another offer', () => {
    const r = choose([
      offer('6', 'standard', 10, 0),
      offer('6', 'standard', 14, 3, 'fivesim'),
      offer('7', 'standard', 20),
    ]);
    expect(picked(r)).toBe('6 standard 14 fivesim');
  });

  it('an unknown stock (null) is not sold out', () => {
    expect(picked(choose([offer('6', 'standard', 10, null)]))).toBe('6 standard 10 codasms (same)');
  });

  it('never the refused country when the site refused the number for its country', () => {
    const r = choose(
      [offer('6', 'standard', 10), offer('6', 'priority', 12), offer('7', 'standard', 20)],
      { avoidCountry: true },
    );
    expect(picked(r)).toBe('7 standard 20 codasms');
  });

  it('the refused country by ISO code, whatever id a provider gives it', () => {
    const virtual = { ...offer('6', 'standard', 8), country: '6v', countryName: 'Indonesia (v)' };
    const r = choose([virtual, offer('7', 'standard', 20)], { avoidCountry: true });
    expect(picked(r)).toBe('7 standard 20 codasms');
  });

  it('countries the site lists come first, before the band and the price', () => {
    const r = choose(
      [
        offer('6', 'standard', 10, 0),
        offer('7', 'standard', 11),
        offer('16', 'priority', 50),
        offer('43', 'standard', 45),
      ],
      { siteCountries: ['GB', 'DE'] },
    );
    expect(picked(r)).toBe('43 standard 45 codasms');
  });

  it('a country the site does not list is still taken when nothing listed is left', () => {
    const r = choose([offer('6', 'standard', 10, 0), offer('7', 'standard', 11)], {
      siteCountries: ['GB'],
    });
    expect(picked(r)).toBe('7 standard 11 codasms');
  });

  it('stays within the price cap', () => {
    const r = choose(
      [offer('6', 'standard', 10, 0), offer('7', 'standard', 30), offer('43', 'priority', 20)],
      { priceCapCents: 25 },
    );
    expect(picked(r)).toBe('43 priority 20 codasms');
  });

  it('prices in another currency than the old order are not compared with its cap', () => {
    const r = choose([
      offer('6', 'standard', 10, 0),
      offer('7', 'standard', 5, 10, 'fivesim', 'RUB'),
      offer('16', 'standard', 40),
    ]);
    expect(picked(r)).toBe('16 standard 40 codasms');
  });

  it('skips an offer a spending limit refuses and takes the next', () => {
    const floor: LimitRefusal = { limit: 'floor', floor: money(100), balance: money(120) };
    const refusal = (_: ProviderId, price: Money) => (price.cents > 25 ? floor : null);
    const r = choose(
      [offer('6', 'standard', 10, 0), offer('7', 'standard', 30), offer('43', 'standard', 20)],
      { refusal },
    );
    expect(picked(r)).toBe('43 standard 20 codasms');
  });

  describe('none, with the reason the popup gives', () => {
    it('every offer sold out', () => {
      const r = choose([offer('6', 'standard', 10, 0), offer('7', 'priority', 20, 0)]);
      expect(r).toEqual({ kind: 'none', reason: { why: 'sold_out', avoided: null } });
    });

    it('only the refused country has numbers: says which country was left out', () => {
      const r = choose([offer('6', 'standard', 10), offer('7', 'standard', 20, 0)], {
        avoidCountry: true,
      });
      expect(r).toEqual({
        kind: 'none',
        reason: { why: 'sold_out', avoided: { name: 'Indonesia', iso: 'ID' } },
      });
    });

    it('numbers left only above the price cap: the cheapest of them and the cap', () => {
      const r = choose(
        [offer('6', 'standard', 10, 0), offer('7', 'standard', 40), offer('43', 'standard', 30)],
        { priceCapCents: 25 },
      );
      expect(r).toEqual({
        kind: 'none',
        reason: { why: 'above_cap', cheapest: money(30), cap: money(25) },
      });
    });

    it('only the same offer left, dearer than the price accepted', () => {
      const r = choose([offer('6', 'standard', 14)]);
      expect(r).toEqual({
        kind: 'none',
        reason: { why: 'above_cap', cheapest: money(14), cap: money(10) },
      });
    });

    it('a spending limit refuses every offer (the same one too)', () => {
      const visit: LimitRefusal = { limit: 'visit', max: 3, domain: 'discord.com' };
      const r = choose([offer('6', 'standard', 10), offer('7', 'standard', 20)], {
        refusal: () => visit,
      });
      expect(r).toEqual({ kind: 'none', reason: { why: 'limit', refusal: visit } });
    });

    it('no offers read: the same offer as before, unless its country was refused', () => {
      expect(picked(choose(null))).toBe('6 standard 10 codasms (same)');
      expect(choose(null, { avoidCountry: true })).toEqual({
        kind: 'none',
        reason: { why: 'unlisted' },
      });
    });
  });
});
