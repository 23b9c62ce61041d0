/**
 * Spending limits, checked in the background before every purchase (never only in the popup):
 * a daily cap on what orders may cost, a balance floor no order may take the balance under,
 * and at most a few numbers per site visit (each "try another number" counts). Pure.
 */
import type { Money } from '../money.ts';
import type { Order } from './types.ts';

export interface SpendLimits {
  /** Most that orders placed today may charge or hold; null: no daily limit. */
  dailyCap: Money | null;
  /** No order may take the balance below this; null: none. */
  balanceFloor: Money | null;
  /** Most numbers for one site in one visit; null: none. */
  ordersPerVisit: number | null;
}

/** A daily cap of about $5 in the currencies providers bill in. */
const DEFAULT_DAILY_CAP_CENTS: Readonly<Record<string, number>> = {
  USD: 500,
  EUR: 500,
  GBP: 400,
  RUB: 50_000,
  INR: 40_000,
};

export const DEFAULT_LIMITS: SpendLimits = {
  dailyCap: { cents: 500, currency: 'USD' },
  balanceFloor: null,
  ordersPerVisit: 3,
};

/**
 * The daily cap for orders billed in `currency`: the user's own when set in that currency; when
 * set in another one (an account in roubles, a cap in dollars), that currency's default.
 */
export function dailyCapFor(limits: SpendLimits, currency: string): Money | null {
  const cap = limits.dailyCap;
  if (!cap) return null;
  if (cap.currency === currency) return cap;
  const cents = DEFAULT_DAILY_CAP_CENTS[currency];
  return cents === undefined ? null : { cents, currency };
}

/**
 * A visit: orders for one site in one tab, each placed within this long of the one before.
 * Coming back to the site later (or in another tab) starts a new visit.
 */
export const VISIT_GAP_MS = 30 * 60_000;

export type LimitRefusal =
  | { limit: 'daily'; cap: Money; spent: Money }
  | { limit: 'floor'; floor: Money; balance: Money }
  | { limit: 'visit'; max: number; domain: string };

export interface LimitCheck {
  /** Every order in the record (live ones and ended ones of today at least). */
  orders: readonly Order[];
  limits: SpendLimits;
  /** The most the new order may cost: its price cap. */
  price: Money;
  /** The balance just asked for; null when unknown (the floor is then not checked). */
  balance: Money | null;
  site: { tabId: number; domain: string };
  now: number;
}

/** What an order costs the user so far: held or charged, nothing once refunded or failed. */
export function committedCents(o: Order): number {
  switch (o.state) {
    case 'ordering':
      // Not bought yet, but it may be at up to its cap.
      return o.maxPrice?.cents ?? o.price?.cents ?? 0;
    case 'waiting':
    case 'cancelling':
    case 'received':
    case 'completed':
      return o.price?.cents ?? o.maxPrice?.cents ?? 0;
    case 'refunded':
    case 'failed':
      return 0;
  }
}

/** Local midnight before `now`: "today" as the user's clock says it. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Orders of the current visit to the site, newest first. */
export function visitOrders(
  orders: readonly Order[],
  site: { tabId: number; domain: string },
  now: number,
): Order[] {
  const mine = orders
    .filter((o) => o.site.tabId === site.tabId && o.site.domain === site.domain)
    .sort((a, b) => b.createdAt - a.createdAt);
  const visit: Order[] = [];
  let after = now;
  for (const o of mine) {
    if (after - o.createdAt > VISIT_GAP_MS) break;
    visit.push(o);
    after = o.createdAt;
  }
  return visit;
}

/** A number was (or is being) bought: an order that failed before buying does not count. */
const gotNumber = (o: Order) => o.state !== 'failed' || o.providerOrderId !== null;

/** The first limit a new order would break, or null when it may be placed. */
export function checkLimits(c: LimitCheck): LimitRefusal | null {
  const { limits, price } = c;
  const currency = price.currency;
  const cap = dailyCapFor(limits, currency);
  if (cap) {
    const since = startOfDay(c.now);
    const spent = c.orders
      .filter((o) => o.createdAt >= since && (o.price ?? o.maxPrice)?.currency === currency)
      .reduce((sum, o) => sum + committedCents(o), 0);
    if (spent + price.cents > cap.cents) {
      return { limit: 'daily', cap, spent: { cents: spent, currency } };
    }
  }
  const floor = limits.balanceFloor;
  if (floor && c.balance && c.balance.currency === currency && floor.currency === currency) {
    if (c.balance.cents - price.cents < floor.cents) {
      return { limit: 'floor', floor, balance: c.balance };
    }
  }
  if (limits.ordersPerVisit !== null) {
    const used = visitOrders(c.orders, c.site, c.now).filter(gotNumber).length;
    if (used >= limits.ordersPerVisit) {
      return { limit: 'visit', max: limits.ordersPerVisit, domain: c.site.domain };
    }
  }
  return null;
}

const dollars = (m: Money) => `${(m.cents / 100).toFixed(2)} ${m.currency}`;

/** A new order refused by a spending limit; the UI words it from `refusal` (problem.ts). */
export class LimitError extends Error {
  readonly kind = 'limit_reached';
  constructor(readonly refusal: LimitRefusal) {
    super(
      refusal.limit === 'daily'
        ? `Today's orders reached the daily limit of ${dollars(refusal.cap)}.`
        : refusal.limit === 'floor'
          ? `The order would take the balance below ${dollars(refusal.floor)}.`
          : `${refusal.max} numbers were taken on ${refusal.domain} in this visit.`,
    );
  }
}
