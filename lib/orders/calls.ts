/**
 * Timing rules of an order and the provider call each stored order needs next. Pure: the
 * engine derives everything it does from the stored order and the clock, so a killed worker
 * resumes exactly where the stored order says.
 */
import { cancelLocked } from './queries.ts';
import { refundPending } from './refund.ts';
import type { Order } from './types.ts';

/** How long an unreachable order may outlive its window before we stop asking. */
export const GRACE_AFTER_WINDOW_MS = 30 * 60_000;
/** How long we keep re-sending an order (same idempotency key) before giving up. */
export const ORDERING_GIVE_UP_MS = 90_000;
/**
 * Where the provider can send another SMS, `complete` waits this long after a code: completing
 * closes the order, and the user may find the code did not work.
 */
export const RESEND_HOLD_MS = 2 * 60_000;
/** Waiting for another SMS ends when the provider's window does, or this long after it. */
export const RESEND_GIVE_UP_MS = 60_000;
const MAX_BACKOFF_MS = 60_000;

/** Exponential backoff with jitter in [0.5, 1.5): never a tight loop. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/**
 * We cancel a little before the provider's own window end: the refund then does not depend
 * on the provider's timer, and our clock (which started when the reply arrived) runs late.
 */
export function cancelMarginMs(order: Order): number {
  const window = (order.expiresAt ?? 0) - (order.orderedAt ?? order.expiresAt ?? 0);
  return Math.max(0, Math.min(15_000, window * 0.1));
}

/** When the engine cancels by itself, or stops waiting for another SMS. */
export function windowEndAt(order: Order): number {
  return order.expiresAt === null ? Infinity : order.expiresAt - cancelMarginMs(order);
}

/** What the engine should ask the provider for this order now, if anything. */
export type ProviderCall = 'order' | 'poll' | 'cancel' | 'complete' | 'anotherSms' | null;

export function nextCall(order: Order, now: number): ProviderCall {
  if (now < order.retryAt) return null;
  switch (order.state) {
    case 'ordering':
      return 'order';
    case 'waiting':
      return 'poll';
    case 'cancelling':
      // The cancel was taken; only the refund is awaited: check, never cancel again.
      if (refundPending(order)) return 'poll';
      // The provider said a code exists: take it, never cancel again.
      if (order.pollBeforeCancel) return 'poll';
      // Inside the early-cancel lock a code may still come: keep polling.
      if (cancelLocked(order, now)) return 'poll';
      return 'cancel';
    case 'received':
      if (order.resend === 'requested') return 'anotherSms';
      if (order.resend === 'waiting') return 'poll';
      return 'complete';
    case 'completed':
    case 'refunded':
    case 'failed':
      return null;
  }
}
