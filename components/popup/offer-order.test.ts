import { describe, expect, it } from 'vitest';
import { chanceOf, offerKey, type DeliveryStats } from '@/lib/history/delivery-stats.ts';
import type { Offer, Tier } from '@/lib/providers/types.ts';
import {
  applyPriceCap,
  countryLabel,
  filterRows,
  groupOffers,
  orderRows,
  rowChance,
  rowStock,
  siteFit,
  type OfferRow,
} from './offer-order.ts';

const COUNTRIES: Record<string, [string, string]> = {
  '6': ['Indonesia', 'ID'],
  '22': ['India', 'IN'],
  '187': ['USA', 'US'],
  '16': ['United Kingdom', 'GB'],
  '27': ["Côte d'Ivoire", 'CI'],
};

function offer(country: string, tier: Tier, cents: number, stock: number | null = 10): Offer {
  const [countryName, countryIso] = COUNTRIES[country] ?? [country, null];
  return {
    providerId: 'codasms',
    providerName: 'CODASMS',
    country,
    countryName,
    countryIso,
    tier,
    price: { cents, currency: 'USD' },
    priceIsCap: false,
    stock,
  };
}

const OFFERS = [
  offer('6', 'standard', 30),
  offer('6', 'priority', 60),
  offer('22', 'standard', 20),
  offer('22', 'priority', 90),
  offer('187', 'standard', 150),
  offer('187', 'priority', 250),
  offer('16', 'standard', 10, 0),
  offer('27', 'priority', 40),
];
const rows = groupOffers(OFFERS);
const names = (list: OfferRow[]) => list.map((r) => r.name);
const none = { lastCountry: null, defaultCountry: null, tier: 'standard' } as const;

describe('groupOffers', () => {
  it('makes one row per country with its Standard and Priority offer', () => {
    expect(rows).toHaveLength(5);
    const indonesia = rows.find((r) => r.country === '6');
    expect(indonesia?.standard?.price.cents).toBe(30);
    expect(indonesia?.priority?.price.cents).toBe(60);
    expect(rows.find((r) => r.country === '27')?.standard).toBeUndefined();
  });
});

describe('orderRows', () => {
  it('lists the cheapest first, countries without numbers last', () => {
    expect(names(orderRows(rows, none))).toEqual([
      'India',
      'Indonesia',
      "Côte d'Ivoire",
      'USA',
      'United Kingdom',
    ]);
  });

  it('sorts by the preferred tier', () => {
    expect(names(orderRows(rows, { ...none, tier: 'priority' })).slice(0, 4)).toEqual([
      "Côte d'Ivoire",
      'Indonesia',
      'India',
      'USA',
    ]);
  });

  it('puts the last used country first and the default country second', () => {
    const ordered = orderRows(rows, { lastCountry: '187', defaultCountry: '16', tier: 'standard' });
    expect(names(ordered).slice(0, 3)).toEqual(['USA', 'United Kingdom', 'India']);
  });
});

describe('Best chance: ordered by the delivery to expect, then the price', () => {
  /** The user's record for one offer of Discord at CODASMS. */
  function record(country: string, tier: Tier, codes: number, orders: number): DeliveryStats {
    return {
      providerId: 'codasms',
      service: 'ds',
      country,
      tier,
      serviceName: 'Discord',
      countryName: country,
      orders,
      codes,
      medianSeconds: 30,
    };
  }
  const mine = new Map(
    [
      record('6', 'standard', 3, 3), // Indonesia: every number brought a code
      record('22', 'standard', 0, 3), // India: none did
      record('187', 'priority', 2, 2), // USA: too few to count
    ].map((s) => [offerKey(s), s]),
  );
  const best = (o: Offer) =>
    chanceOf(mine.get(offerKey({ ...o, service: 'ds' })), o.providerRate ?? null);

  it('puts offers that delivered first, untried ones next, failing ones after', () => {
    expect(names(orderRows(rows, none))).toEqual([
      'India',
      'Indonesia',
      "Côte d'Ivoire",
      'USA',
      'United Kingdom',
    ]);
    // Untried rows (USA's 2 of 2 is too few) keep the cheapest first among themselves.
    expect(names(orderRows(rows, none, null, best))).toEqual([
      'Indonesia',
      "Côte d'Ivoire",
      'USA',
      'India',
      'United Kingdom',
    ]);
  });

  it('goes by the preferred tier, as the price does (the other tier where it has none)', () => {
    const india = rows.find((r) => r.country === '22') as OfferRow;
    expect(rowChance(india, 'standard', best)).toBeCloseTo(0.2);
    // India's Priority was never tried.
    expect(rowChance(india, 'priority', best)).toBe(0.5);
    const ivory = rows.find((r) => r.country === '27') as OfferRow;
    expect(rowChance(ivory, 'standard', best)).toBe(0.5);
    expect(names(orderRows(rows, { ...none, tier: 'priority' }, null, best))).toEqual([
      "Côte d'Ivoire",
      'Indonesia',
      'India',
      'USA',
      'United Kingdom',
    ]);
  });

  it('keeps the last used offer on top, and the sold-out country last, in both orderings', () => {
    const last = { ...none, lastCountry: '22' };
    expect(names(orderRows(rows, last))[0]).toBe('India');
    expect(names(orderRows(rows, last, null, best))).toEqual([
      'India',
      'Indonesia',
      "Côte d'Ivoire",
      'USA',
      'United Kingdom',
    ]);
    // A perfect record does not lift a country with no numbers left.
    const perfect = record('16', 'standard', 9, 9);
    const soldOut = (o: Offer) =>
      chanceOf(o.country === '16' && o.tier === 'standard' ? perfect : undefined, null);
    expect(rowChance(rows.find((r) => r.country === '16') as OfferRow, 'standard', soldOut)).toBe(
      -1,
    );
    expect(names(orderRows(rows, none, null, soldOut)).at(-1)).toBe('United Kingdom');
  });

  it('keeps the countries the site accepts ahead of the rest', () => {
    const ordered = orderRows(rows, none, siteFit(rows, ['IN', 'US']), best);
    expect(names(ordered).slice(0, 2)).toEqual(['USA', 'India']);
  });

  it("ranks untried offers by the provider's published rate", () => {
    const rated = groupOffers([
      { ...offer('6', 'standard', 30), providerRate: 60 },
      { ...offer('22', 'standard', 20), providerRate: 40 },
      { ...offer('22', 'priority', 90), providerRate: 95 },
      { ...offer('187', 'standard', 10), providerRate: 70 },
    ]);
    const untried = (o: Offer) => chanceOf(undefined, o.providerRate ?? null);
    expect(names(orderRows(rated, none))).toEqual(['USA', 'India', 'Indonesia']);
    expect(names(orderRows(rated, none, null, untried))).toEqual(['USA', 'Indonesia', 'India']);
    const priority = { ...none, tier: 'priority' } as const;
    expect(names(orderRows(rated, priority, null, untried))).toEqual(['India', 'USA', 'Indonesia']);
  });
});

describe('site-aware offers: the countries the page’s phone selector lists', () => {
  const fitOf = (countries: string[] | null) => {
    const fit = siteFit(rows, countries);
    return fit ? Object.fromEntries(rows.map((r) => [r.name, fit(r)])) : null;
  };

  it('marks listed countries accepted and the others not listed', () => {
    expect(fitOf(['US', 'GB', 'DE'])).toEqual({
      Indonesia: 'notListed',
      India: 'notListed',
      USA: 'accepted',
      'United Kingdom': 'accepted',
      "Côte d'Ivoire": 'notListed',
    });
  });

  it('marks nothing without a list, or when the list leaves no offered country out', () => {
    expect(fitOf(null)).toBeNull();
    expect(fitOf(['ID', 'IN', 'US', 'GB', 'CI', 'FR'])).toBeNull();
  });

  it('leaves a pool with no ISO country unmarked', () => {
    const pool = groupOffers([...OFFERS, { ...offer('999', 'standard', 5), countryIso: null }]);
    const fit = siteFit(pool, ['US']);
    expect(fit?.(pool.find((r) => r.country === '999') as OfferRow)).toBeNull();
  });

  it('sorts accepted countries first, cheapest first among them, sold-out ones after', () => {
    const ordered = orderRows(rows, none, siteFit(rows, ['US', 'GB']));
    expect(names(ordered)).toEqual([
      'USA',
      'United Kingdom',
      'India',
      'Indonesia',
      "Côte d'Ivoire",
    ]);
  });

  it('keeps last used and default on top, the accepted one of them first', () => {
    const prefs = { lastCountry: '6', defaultCountry: '187', tier: 'standard' } as const;
    const ordered = orderRows(rows, prefs, siteFit(rows, ['US', 'GB']));
    expect(names(ordered)).toEqual([
      'USA',
      'Indonesia',
      'United Kingdom',
      'India',
      "Côte d'Ivoire",
    ]);
    // Without a list the pins keep their own order.
    expect(names(orderRows(rows, prefs)).slice(0, 2)).toEqual(['Indonesia', 'USA']);
  });
});

describe('filterRows', () => {
  it('finds countries by part of their name, ignoring case and accents', () => {
    expect(names(filterRows(rows, 'ind'))).toEqual(['Indonesia', 'India']);
    expect(names(filterRows(rows, 'COTE'))).toEqual(["Côte d'Ivoire"]);
    expect(filterRows(rows, '  ')).toHaveLength(5);
    expect(filterRows(rows, 'atlantis')).toEqual([]);
  });

  it('finds a country by ISO code, dialling code, English name and short names, exact codes first', () => {
    expect(names(filterRows(rows, 'uk'))[0]).toBe('United Kingdom');
    expect(names(filterRows(rows, '+44'))).toEqual(['United Kingdom']);
    expect(names(filterRows(rows, '+1'))).toContain('USA');
    expect(names(filterRows(rows, 'us'))[0]).toBe('USA');
    expect(names(filterRows(rows, 'united states'))).toEqual(['USA']);
    expect(names(filterRows(rows, 'America'))).toEqual(['USA']);
  });

  it('matches the name shown in the interface language too', () => {
    const russian = (r: OfferRow) => countryLabel(r, 'ru');
    expect(names(filterRows(rows, 'индон', russian))).toEqual(['Indonesia']);
    expect(names(filterRows(rows, 'Indon', russian))).toEqual(['Indonesia']);
  });
});

describe('applyPriceCap', () => {
  it('hides offers above the cap and counts the countries left with none', () => {
    const { shown, hidden } = applyPriceCap(rows, 50);
    expect(hidden).toBe(1);
    expect(names(shown)).not.toContain('USA');
    const indonesia = shown.find((r) => r.country === '6');
    expect(indonesia?.standard?.price.cents).toBe(30);
    expect(indonesia?.priority).toBeUndefined();
  });

  it('hides nothing without a cap', () => {
    expect(applyPriceCap(rows, null)).toEqual({ shown: rows, hidden: 0 });
  });
});

describe('countryLabel', () => {
  it("keeps the provider's name in English and translates by ISO code otherwise", () => {
    const usa = rows.find((r) => r.country === '187');
    if (!usa) throw new Error('no USA row');
    expect(countryLabel(usa, 'en')).toBe('USA');
    expect(countryLabel(usa, 'ru')).toBe('Соединенные Штаты');
    expect(countryLabel({ name: 'USA (virtual)', iso: 'US' }, 'ru')).toBe('USA (virtual)');
    // With the interface's word for it, the virtual pool is translated too.
    expect(countryLabel({ name: 'USA (virtual)', iso: 'US' }, 'ru', 'виртуальные')).toBe(
      'Соединенные Штаты (виртуальные)',
    );
  });
});

describe('stock a provider does not give (CODASMS matrix cells)', () => {
  it('is unknown, not zero: the country is not listed as sold out or sorted last', () => {
    const unknown = groupOffers([offer('22', 'standard', 50, null), offer('6', 'standard', 30, 0)]);
    expect(unknown.map(rowStock)).toEqual([null, 0]);
    expect(names(orderRows(unknown, none))).toEqual(['India', 'Indonesia']);
  });
});
