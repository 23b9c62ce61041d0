/**
 * Refund assurance: an order that ended without a code is "refunded" only once the provider
 * says the money is back. Pure rules used by the state machine, history and the badge.
 *
 * What counts as the provider saying so, per protocol (sandbox/faces/ serves each):
 * - CODASMS: the order's status `refunded` ("expired or cancelled with the money back"). Any
 *   other end (`cancelled`, `expired`) is checked again until `refunded` or the deadline.
 * - SMS-Activate protocol: no refund fact exists; `ACCESS_CANCEL` / `STATUS_CANCEL` mean the
 *   activation was cancelled, which the protocol documents as returning the price. We trust
 *   that (a balance check cannot tell one order's refund from another's when several run).
 * - 5sim: `CANCELED` / `TIMEOUT` likewise: its documented cancel returns the price; trusted.
 * The adapters map a trusted end to `refunded` and an unconfirmed one to `cancelled`.
 */
import type { Order, RefundCheck, ReplyRecord } from './types.ts';

/** How long after the cancel (or window end) the money may take to come back. */
export const REFUND_CONFIRM_MS = 5 * 60_000;
const FIRST_CHECK_MS = 5_000;
const MAX_CHECK_MS = 60_000;
/** Replies kept per order: the first (the order) and the latest ones. */
export const MAX_REPLIES = 60;

/** Waiting between refund checks: 5 s, 10 s, 20 s… up to a minute. */
export function refundCheckDelayMs(checks: number): number {
  return Math.min(MAX_CHECK_MS, FIRST_CHECK_MS * 2 ** Math.max(0, checks - 1));
}

export function refundPending(order: Order): order is Order & { refund: RefundCheck } {
  return order.refund?.outcome === 'pending';
}

/** Ended without a code and the money never came back: charged for nothing, flagged. */
export function notRefunded(order: Order): boolean {
  return order.refund?.outcome === 'missing';
}

/**
 * The provider ended the order without a code but the money is not back yet: keep checking
 * (state `cancelling`, nothing to cancel any more) until it is, or the deadline passes.
 */
export function awaitRefund(order: Order, now: number): Order {
  const refund: RefundCheck = refundPending(order)
    ? order.refund
    : { outcome: 'pending', since: now, deadline: now + REFUND_CONFIRM_MS, checks: 0 };
  const checks = refund.checks + 1;
  return {
    ...order,
    state: 'cancelling',
    cancelReason: order.cancelReason ?? 'window',
    refund: { ...refund, checks },
    retryAt: Math.min(now + refundCheckDelayMs(checks), Math.max(now, refund.deadline)),
  };
}

/** The refund check's end: confirmed, or missing (the deadline passed without it). */
export function settleRefund(order: Order, outcome: 'confirmed' | 'missing', now: number) {
  const since = order.refund?.since ?? now;
  const refund: RefundCheck = {
    outcome,
    since,
    deadline: order.refund?.deadline ?? now,
    checks: order.refund?.checks ?? 0,
  };
  return { ...order, refund };
}

/** Adds a reply to the order's log; the same reply again only moves its run's end. */
export function logReply(order: Order, what: string, now: number, via?: 'cancel'): Order {
  const replies = order.replies ?? [];
  const last = replies[replies.length - 1];
  if (last && last.what === what && last.via === via) {
    const merged: ReplyRecord = { ...last, last: now, count: last.count + 1 };
    return { ...order, replies: [...replies.slice(0, -1), merged] };
  }
  const record: ReplyRecord = { what, at: now, last: now, count: 1, ...(via ? { via } : {}) };
  const next = [...replies, record];
  // Keep the first reply (the order itself) and the latest ones.
  const kept =
    next.length > MAX_REPLIES ? [next[0] as ReplyRecord, ...next.slice(-MAX_REPLIES + 1)] : next;
  return { ...order, replies: kept };
}
