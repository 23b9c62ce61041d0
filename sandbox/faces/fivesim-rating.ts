/**
 * 5sim's account rating, as the sandbox models it (providers.md section 3): each cancel (or
 * ban) of an order bought through the 5sim face costs 0.1, each timeout 0.15; when the rating
 * reaches 0 the account is blocked from buying for 24 hours. Derived from the shared ledger's
 * refunds, so the ledger stays the one book of record.
 */
import type { Ledger, Order } from '../ledger.ts';

export const START_RATING = 96;
export const CANCEL_COST = 0.1;
export const TIMEOUT_COST = 0.15;
export const BLOCK_MS = 24 * 3_600_000;

/** Orders bought through the 5sim face (only they move the 5sim rating), and the banned ones. */
const bought = new WeakSet<Readonly<Order>>();
const banned = new WeakSet<Readonly<Order>>();
/** A rating set through the control API, counted from that moment on. */
const set = new WeakMap<Ledger, Map<string, { rating: number; at: number }>>();

export const markBought = (order: Readonly<Order>) => void bought.add(order);
export const markBanned = (order: Readonly<Order>) => void banned.add(order);
export const isBanned = (order: Readonly<Order>) => banned.has(order);

export function setFivesimRating(ledger: Ledger, key: string, rating: number): void {
  const perKey = set.get(ledger) ?? new Map<string, { rating: number; at: number }>();
  perKey.set(key, { rating, at: ledger.now() });
  set.set(ledger, perKey);
}

export interface Standing {
  rating: number;
  /** Epoch ms until which buying is refused; null when not blocked. */
  blockedUntil: number | null;
}

/** The account's rating now, and whether it is blocked. */
export function standing(ledger: Ledger, key: string): Standing {
  const start = set.get(ledger)?.get(key) ?? { rating: START_RATING, at: -Infinity };
  const costs = ledger
    .ordersOf(key)
    .filter((o) => bought.has(o))
    .flatMap((o) =>
      o.movements
        .filter((m) => m.type === 'refund' && m.at >= start.at)
        .map((m) => ({ at: m.at, cost: m.reason === 'expired' ? TIMEOUT_COST : CANCEL_COST })),
    )
    .sort((a, b) => a.at - b.at);
  let rating = start.rating;
  let blockedAt: number | null = rating <= 0 ? start.at : null;
  for (const c of costs) {
    // Tenths, rounded, so 0.1 steps do not drift (96 - 960 x 0.1 is exactly 0).
    rating = Math.max(0, Math.round((rating - c.cost) * 100) / 100);
    if (rating <= 0 && blockedAt === null) blockedAt = c.at;
  }
  const until = blockedAt === null ? null : blockedAt + BLOCK_MS;
  return { rating, blockedUntil: until !== null && until > ledger.now() ? until : null };
}
