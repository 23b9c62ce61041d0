/**
 * "Cancel and get another" / "Try another number": which offer takes the old number's place.
 * Pure: the offers, the user's price cap, the site's countries and the spending limits in,
 * one choice out. Chosen before the old number is given up, so the popup can say at once why
 * nothing could be ordered; the old number is refunded either way (a swap never costs money).
 */
import type { Money } from '../money.ts';
import type { Offer, ProviderId, Tier } from '../providers/types.ts';
import type { LimitRefusal } from './limits.ts';
import type { Order } from './types.ts';

/** Why no other number was ordered, for the popup to say. */
export type NoReplacement =
  /** Nothing in stock for the service; `avoided`: the country the site refused was left out. */
  | { why: 'sold_out'; avoided: { name: string; iso: string | null } | null }
  /** Numbers are left, every one above the user's price cap. */
  | { why: 'above_cap'; cheapest: Money; cap: Money }
  /** A spending limit refuses every offer that is left. */
  | { why: 'limit'; refusal: LimitRefusal }
  /** The providers' offers could not be read, and the same offer may not be ordered again. */
  | { why: 'unlisted' };

export type Replacement =
  | {
      kind: 'offer';
      providerId: ProviderId;
      country: Order['country'];
      tier: Tier;
      maxPrice: Money | null;
      /** The same offer as the old number's (false: the next best one). */
      same: boolean;
    }
  | { kind: 'none'; reason: NoReplacement };

export interface ReplacementInput {
  old: Pick<Order, 'providerId' | 'country' | 'tier' | 'maxPrice' | 'price'>;
  /** The service's offers across the providers, just asked for; null: they could not be read. */
  offers: readonly Offer[] | null;
  /** The user's price cap, in minor units of the old order's currency; null: no cap. */
  priceCapCents: number | null;
  /** ISO codes the site's phone country selector lists (site-countries); null: unknown. */
  siteCountries: readonly string[] | null;
  /** The site refused the number for its country or prefix: never that country again. */
  avoidCountry: boolean;
  /** The spending limit an order at this price from this provider would break; null: none. */
  refusal: (providerId: ProviderId, price: Money) => LimitRefusal | null;
}

const inStock = (o: Offer) => o.stock !== 0;

function sameCountry(o: Offer, country: Order['country']): boolean {
  if (o.countryIso && country.iso) return o.countryIso.toUpperCase() === country.iso.toUpperCase();
  return o.country === country.code;
}

const asOffer = (o: Offer, maxPrice: Money | null, same: boolean): Replacement => ({
  kind: 'offer',
  providerId: o.providerId,
  country: { code: o.country, name: o.countryName, iso: o.countryIso },
  tier: o.tier,
  maxPrice,
  same,
});

/**
 * The same offer again when it is in stock, still within the price the user accepted and not
 * in a country the site refused; otherwise the next best: countries the site accepts first
 * (when its selector told us), then the same band before the other, then the cheapest, within
 * the user's price cap and the spending limits. None, with the reason, when nothing fits.
 */
export function chooseReplacement(input: ReplacementInput): Replacement {
  const { old, offers, avoidCountry } = input;
  const isSame = (o: Offer) =>
    o.providerId === old.providerId && o.country === old.country.code && o.tier === old.tier;
  if (offers === null) {
    // Nothing to compare with: the old behaviour, the same offer under the same cap.
    if (avoidCountry) return { kind: 'none', reason: { why: 'unlisted' } };
    const { providerId, country, tier, maxPrice } = old;
    return { kind: 'offer', providerId, country, tier, maxPrice, same: true };
  }
  const currency = (old.maxPrice ?? old.price)?.currency ?? null;
  let refused: LimitRefusal | null = null;

  const same = offers.find(isSame);
  const sameFits =
    same &&
    inStock(same) &&
    (!old.maxPrice ||
      (same.price.currency === old.maxPrice.currency && same.price.cents <= old.maxPrice.cents));
  if (same && sameFits && !avoidCountry) {
    const maxPrice = old.maxPrice ?? same.price;
    refused = input.refusal(same.providerId, maxPrice);
    if (!refused) return asOffer(same, maxPrice, true);
  }

  const left = offers.filter(
    (o) =>
      !isSame(o) &&
      inStock(o) &&
      (currency === null || o.price.currency === currency) &&
      !(avoidCountry && sameCountry(o, old.country)),
  );
  const cap = input.priceCapCents;
  const within = left.filter((o) => cap === null || o.price.cents <= cap);
  const listed = input.siteCountries ? new Set(input.siteCountries) : null;
  const rank = (o: Offer) => [
    listed && !(o.countryIso && listed.has(o.countryIso.toUpperCase())) ? 1 : 0,
    o.tier === old.tier ? 0 : 1,
    o.price.cents,
  ];
  const ranked = within
    .map((o) => ({ o, r: rank(o) }))
    .sort((a, b) => {
      for (let i = 0; i < a.r.length; i++) {
        const d = (a.r[i] ?? 0) - (b.r[i] ?? 0);
        if (d !== 0) return d;
      }
      return a.o.country.localeCompare(b.o.country) || a.o.providerId.localeCompare(b.o.providerId);
    });
  for (const { o } of ranked) {
    const refusal = input.refusal(o.providerId, o.price);
    if (!refusal) return asOffer(o, o.price, false);
    refused ??= refusal;
  }
  if (refused) return { kind: 'none', reason: { why: 'limit', refusal: refused } };
  const cheapest = left.reduce<Offer | null>(
    (best, o) => (best && best.price.cents <= o.price.cents ? best : o),
    null,
  );
  if (cheapest && cap !== null) {
    const capMoney = { cents: cap, currency: cheapest.price.currency };
    return { kind: 'none', reason: { why: 'above_cap', cheapest: cheapest.price, cap: capMoney } };
  }
  // Only the same offer is left, dearer now than the price the user accepted for it.
  if (!cheapest && same && inStock(same) && !avoidCountry && old.maxPrice) {
    return { kind: 'none', reason: { why: 'above_cap', cheapest: same.price, cap: old.maxPrice } };
  }
  return {
    kind: 'none',
    reason: {
      why: 'sold_out',
      avoided: avoidCountry ? { name: old.country.name, iso: old.country.iso } : null,
    },
  };
}
