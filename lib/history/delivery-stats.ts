import { noSmsMark } from '../orders/no-sms.ts';
import { refundPending } from '../orders/refund.ts';
import type { Order } from '../orders/types.ts';
import type { ProviderId, Tier } from '../providers/types.ts';

// "Which offer works": from the user's own orders, per provider x service x country x tier,
// how often a number brought a code and how long it took. Pure: the popup ranks and labels
// offers with it, the history page exports it.

/** Below this many counted orders a rate says little: not shown, and not used to rank. */
export const MIN_ORDERS = 3;

/**
 * A cancel the user (or "try another number") made sooner than this after the number was
 * given says nothing about delivery: the number never had a fair chance (most likely it was
 * never sent to the site). Later, it is a number that brought no code. Three minutes is the
 * "no SMS yet" point the popup offers a swap at; a provider that refuses early cancels (2 min
 * at SMS-Activate hosts and 5sim) lets such a cancel through only near that point anyway.
 */
export const FAIR_CHANCE_MS = 3 * 60_000;

/**
 * One offer as the popup lists it: who sells it, for which service, where, which tier. The
 * provider is the family (as on the offer): an order does not keep its SMS-Activate host, so
 * two such hosts set up one after the other share their records.
 */
export interface OfferKey {
  providerId: ProviderId;
  service: string;
  country: string;
  tier: Tier;
}

export interface DeliveryStats extends OfferKey {
  serviceName: string;
  countryName: string;
  /** Orders that reached an outcome and count (see deliveryOf). */
  orders: number;
  /** Of those, the ones that brought a code. */
  codes: number;
  /** Median seconds from the number given to the code seen; null without a timed code. */
  medianSeconds: number | null;
}

export const offerKey = (k: OfferKey): string =>
  [k.providerId, k.service, k.country, k.tier].join('|');

/**
 * What an order says about its offer's delivery:
 * - `code`: a code arrived (charged; also still open in `received`);
 * - `noCode`: it ended without one: the window ran out, the provider ended it, the site
 *   refused the number (a number the site rejects is an offer that does not work for it),
 *   or the user gave it up after it had a fair chance: FAIR_CHANCE_MS, or the user's own
 *   "no SMS within N minutes" came first (asked, or swapped by itself: lib/orders/no-sms.ts);
 * - null, not counted: still open (a code may still come; a cancel not yet taken may still
 *   lose to a code), no number was ever given (`failed`), returned because its price rose
 *   above the cap, or given up by the user before it had a fair chance.
 * A refund still pending or never confirmed does not change the answer: no code came.
 */
export function deliveryOf(order: Order): 'code' | 'noCode' | null {
  if (order.code !== null) return 'code';
  const ended = order.state === 'refunded' || order.state === 'completed' || refundPending(order);
  if (!ended || order.orderedAt === null) return null;
  if (order.rejectedBySite) return 'noCode';
  if (order.cancelReason === 'price') return null;
  if (order.cancelReason === 'user' || order.cancelReason === 'another') {
    if (noSmsMark(order)) return 'noCode';
    // When the provider took the cancel (refund check start), else when the order ended.
    const cancelledAt = order.refund?.since ?? order.endedAt;
    if (cancelledAt === null || cancelledAt - order.orderedAt < FAIR_CHANCE_MS) return null;
  }
  return 'noCode';
}

/**
 * Seconds from the number given to the first status reply carrying the code; null when the
 * order's reply log does not say (orders stored before it existed).
 */
export function secondsToCode(order: Order): number | null {
  const seen = order.replies?.find((r) => r.what === 'code')?.at;
  if (seen === undefined || order.orderedAt === null || seen < order.orderedAt) return null;
  return (seen - order.orderedAt) / 1000;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Every offer the orders counted for (see deliveryOf), most orders first. */
export function deliveryStats(orders: readonly Order[]): DeliveryStats[] {
  const groups = new Map<string, { stats: DeliveryStats; times: number[] }>();
  for (const o of orders) {
    const outcome = deliveryOf(o);
    if (outcome === null) continue;
    const key: OfferKey = {
      providerId: o.providerId,
      service: o.service.code,
      country: o.country.code,
      tier: o.tier,
    };
    const id = offerKey(key);
    const group = groups.get(id) ?? {
      stats: {
        ...key,
        serviceName: o.service.name,
        countryName: o.country.name,
        orders: 0,
        codes: 0,
        medianSeconds: null,
      },
      times: [],
    };
    group.stats.orders += 1;
    if (outcome === 'code') {
      group.stats.codes += 1;
      const seconds = secondsToCode(o);
      if (seconds !== null) group.times.push(seconds);
    }
    groups.set(id, group);
  }
  return [...groups.values()]
    .map(({ stats, times }) => ({ ...stats, medianSeconds: median(times) }))
    .sort(
      (a, b) =>
        b.orders - a.orders ||
        a.serviceName.localeCompare(b.serviceName) ||
        a.countryName.localeCompare(b.countryName) ||
        a.tier.localeCompare(b.tier),
    );
}

/** The share of counted orders that brought a code, 0..1. */
export const deliveryRate = (s: Pick<DeliveryStats, 'orders' | 'codes'>): number =>
  s.orders === 0 ? 0 : s.codes / s.orders;

/** Enough orders for the rate to be shown and to rank by. */
export const enoughOrders = (s: DeliveryStats | undefined): s is DeliveryStats =>
  s !== undefined && s.orders >= MIN_ORDERS;

/** The popup's view of one service: its offers' stats by offerKey, and the offer used last. */
export interface ServiceHistory {
  stats: ReadonlyMap<string, DeliveryStats>;
  lastUsed: OfferKey | null;
}

export function serviceHistory(orders: readonly Order[], service: string): ServiceHistory {
  const mine = orders.filter((o) => o.service.code === service);
  const stats = new Map(deliveryStats(mine).map((s) => [offerKey(s), s]));
  // The last order that got a number: an attempt the provider refused used no offer.
  const last = mine
    .filter((o) => o.orderedAt !== null)
    .reduce<Order | null>((a, o) => (a && a.createdAt >= o.createdAt ? a : o), null);
  const lastUsed: OfferKey | null = last
    ? { providerId: last.providerId, service, country: last.country.code, tier: last.tier }
    : null;
  return { stats, lastUsed };
}

/** How many pseudo-orders the prior weighs (see chanceOf). */
const PRIOR_WEIGHT = 2;

/**
 * "Best chance" ranks offers by the delivery rate to expect: the user's own orders (only with
 * MIN_ORDERS or more, the same ones the popup shows a rate for) plus PRIOR_WEIGHT pseudo-orders
 * at the provider's published rate (5sim's `rate`), or at 50 % when nothing is known. So a
 * small sample counts for less than a large one (3 of 3 ranks 0.8, 12 of 12 0.93), an untried
 * offer sits in the middle (0.5), below 2 of 3 (0.6) and above 1 of 3 (0.4), and the
 * provider's rate orders the offers the user never tried.
 * `providerRate`: percent, as 5sim publishes it; null when the provider publishes none.
 */
export function chanceOf(stats: DeliveryStats | undefined, providerRate: number | null): number {
  const prior = providerRate === null ? 0.5 : Math.min(1, Math.max(0, providerRate / 100));
  if (!enoughOrders(stats)) return prior;
  return (stats.codes + PRIOR_WEIGHT * prior) / (stats.orders + PRIOR_WEIGHT);
}
