import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { bestOffers, findOffer, offerForOrder, offersAcross } from './offers.ts';
import { ProviderError } from './types.ts';
import type { Offer, Provider, ProviderId, Tier } from './types.ts';

const offer = (
  providerId: ProviderId,
  country: string,
  tier: Tier,
  cents: number,
  stock: number | null = 10,
  currency = 'USD',
): Offer => ({
  providerId,
  providerName: providerId,
  country,
  countryName: country,
  countryIso: null,
  tier,
  price: money(cents, currency),
  priceIsCap: false,
  stock,
});

describe('best offers across providers', () => {
  it('per country and tier, the cheapest in stock wins, labelled with its provider', () => {
    const best = bestOffers(
      [
        offer('codasms', '6', 'standard', 12),
        offer('fivesim', '6', 'standard', 9),
        offer('smsactivate', '6', 'standard', 5, 0),
        offer('codasms', '6', 'priority', 20),
        offer('fivesim', '6', 'priority', 25),
        offer('smsactivate', '16', 'standard', 40),
      ],
      'USD',
    );
    expect(findOffer(best, '6', 'standard')?.providerId).toBe('fivesim');
    expect(findOffer(best, '6', 'priority')?.providerId).toBe('codasms');
    expect(findOffer(best, '16', 'standard')?.providerId).toBe('smsactivate');
    expect(best).toHaveLength(3);
  });

  it('a price in another currency counts only where the default currency has nothing', () => {
    const best = bestOffers(
      [offer('codasms', '6', 'standard', 12), offer('fivesim', '6', 'standard', 3, 10, 'RUB')],
      'USD',
    );
    expect(findOffer(best, '6', 'standard')?.providerId).toBe('codasms');
    const onlyRub = bestOffers([offer('fivesim', '7', 'standard', 300, 10, 'RUB')], 'USD');
    expect(findOffer(onlyRub, '7', 'standard')?.providerId).toBe('fivesim');
  });
});

describe('the offer an order is placed from, and its cap (issue 17 item 5)', () => {
  const refusal = (fn: () => unknown): ProviderError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof ProviderError) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  };
  const list = [offer('codasms', '6', 'standard', 12), offer('fivesim', '6', 'standard', 15)];

  it('the clicked offer at the price on its button: capped at that price', () => {
    const pick = {
      country: '6',
      tier: 'standard',
      providerId: 'codasms',
      price: money(12),
    } as const;
    expect(offerForOrder(list, pick)).toMatchObject({
      offer: { providerId: 'codasms' },
      maxPrice: money(12),
    });
    // Without the price the popup saw, the listed price is the cap: never none.
    expect(
      offerForOrder(list, { country: '6', tier: 'standard', providerId: 'fivesim' }).maxPrice,
    ).toEqual(money(15));
  });

  it('the clicked offer missing from the refreshed list: refused with the price asked now', () => {
    const pick = {
      country: '6',
      tier: 'standard',
      providerId: 'smsactivate',
      price: money(9),
    } as const;
    const e = refusal(() => offerForOrder(list, pick));
    expect(e.kind).toBe('price_moved');
    expect(e.currentPrice).toEqual(money(12));
  });

  it('its price rose above the one on the button: refused with the new price', () => {
    const pick = {
      country: '6',
      tier: 'standard',
      providerId: 'codasms',
      price: money(10),
    } as const;
    const e = refusal(() => offerForOrder(list, pick));
    expect(e.kind).toBe('price_moved');
    expect(e.currentPrice).toEqual(money(12));
    // A price in another currency is no cap either.
    const rub = { ...pick, price: money(12, 'RUB') };
    expect(refusal(() => offerForOrder(list, rub)).kind).toBe('price_moved');
  });

  it('nothing left for the country and tier: refused, with no price to offer', () => {
    const pick = {
      country: '7',
      tier: 'standard',
      providerId: 'codasms',
      price: money(10),
    } as const;
    const e = refusal(() => offerForOrder(list, pick));
    expect(e.kind).toBe('price_moved');
    expect(e.currentPrice).toBeNull();
  });

  it('unknown stock is not out of stock: it still competes on price', () => {
    const best = bestOffers(
      [offer('codasms', '6', 'standard', 9, null), offer('fivesim', '6', 'standard', 12)],
      'USD',
    );
    expect(best.map((o) => o.providerId)).toEqual(['codasms']);
  });
});

describe('offers across providers when one fails', () => {
  const provider = (name: string, result: () => Promise<Offer[]>) =>
    ({ id: 'fivesim', name, offers: result }) as unknown as Provider;

  it('the others are shown and the failed one is named with its error kind', async () => {
    const { offers, unanswered } = await offersAcross(
      [
        provider('CODASMS', async () => [offer('codasms', '6', 'standard', 10)]),
        provider('5sim', async () => {
          throw new ProviderError('rate_limited', 'too many requests');
        }),
      ],
      'ds',
    );
    expect(offers).toHaveLength(1);
    expect(unanswered).toEqual([{ provider: '5sim', kind: 'rate_limited' }]);
  });

  it('when all fail, the default’s error is thrown, named after it', async () => {
    const down = (name: string) =>
      provider(name, async () => {
        throw new ProviderError('network', 'timed out');
      });
    await expect(offersAcross([down('HeroSMS'), down('5sim')], 'ds')).rejects.toMatchObject({
      kind: 'network',
      provider: 'HeroSMS',
    });
  });
});
