import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { bestOffers, findOffer } from './offers.ts';
import type { Offer, ProviderId, Tier } from './types.ts';

const offer = (
  providerId: ProviderId,
  country: string,
  tier: Tier,
  cents: number,
  stock = 10,
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
