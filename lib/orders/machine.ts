/**
 * The order state machine: pure, no I/O, no browser APIs.
 *
 *   ordering ──placed──▶ waiting ──status:code──▶ received ──completed──▶ completed
 *      │                  │  ▲                        ▲
 *      │ permanent error   │  │ too early / still      │ status:code (a code raced the cancel)
 *      ▼                  ▼  │ waiting                │
 *    failed            cancelling ─────status:refunded────▶ refunded
 *
 * waiting → cancelling on a user cancel, "try another number" or the window's end (tick).
 * Open orders past their window plus a grace period end as refunded: pay-per-code providers
 * refund an expired order themselves, so nothing waits forever even if the provider is gone.
 * The engine decides which provider call an open order needs from its state alone, so a
 * killed worker resumes exactly where the stored order says.
 */
import type { ProviderOrder, ProviderStatus } from '../providers/types.ts';
import { TRANSIENT_KINDS } from '../providers/types.ts';
import type { CancelReason, NewOrder, Order, OrderError } from './types.ts';

export type OrderEvent =
  | { type: 'placed'; placed: ProviderOrder }
  | { type: 'status'; status: ProviderStatus }
  | { type: 'error'; error: OrderError; retryAfterMs?: number | null }
  | { type: 'cancel'; reason: CancelReason }
  | { type: 'tick' }
  | { type: 'filled'; what: 'phone' | 'code' }
  | { type: 'refill' }
  | { type: 'completed' };

export type OrderEffect =
  | { type: 'fillPhone' }
  | { type: 'fillCode' }
  | { type: 'notifyCode' }
  | { type: 'notifyRefund' }
  | { type: 'notifyFailed' }
  | { type: 'orderAgain' };

export interface Transition {
  order: Order;
  effects: OrderEffect[];
}

/** How long an unreachable order may outlive its window before we stop asking. */
export const GRACE_AFTER_WINDOW_MS = 30 * 60_000;
/** How long we keep re-sending an order (same idempotency key) before giving up. */
export const ORDERING_GIVE_UP_MS = 90_000;
const MAX_BACKOFF_MS = 60_000;

export function createOrder(input: NewOrder, now: number): Order {
  return {
    ...input,
    previousOrderId: input.previousOrderId ?? null,
    providerOrderId: null,
    state: 'ordering',
    phone: null,
    price: null,
    code: null,
    smsText: null,
    createdAt: now,
    orderedAt: null,
    expiresAt: null,
    cancelAllowedAt: null,
    cancelReason: null,
    pollBeforeCancel: false,
    failures: 0,
    retryAt: now,
    lastError: null,
    phoneFilled: false,
    codeFilled: false,
    endedAt: null,
  };
}

/** Exponential backoff with jitter in [0.5, 1.5): never a tight loop. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

const stay = (order: Order): Transition => ({ order, effects: [] });

function end(order: Order, state: 'completed' | 'refunded' | 'failed', now: number): Order {
  return { ...order, state, endedAt: now };
}

function withCode(order: Order, code: string, text: string | null, now: number): Transition {
  const next: Order = {
    ...order,
    state: 'received',
    code,
    smsText: text,
    failures: 0,
    lastError: null,
    retryAt: now,
  };
  return { order: next, effects: [{ type: 'fillCode' }, { type: 'notifyCode' }] };
}

function onStatus(order: Order, status: ProviderStatus, now: number): Transition {
  const fresh = { ...order, failures: 0, lastError: null, pollBeforeCancel: false };
  switch (status.kind) {
    case 'code':
      if (order.state === 'received' || order.state === 'completed') return stay(order);
      return withCode(fresh, status.code, status.text, now);
    case 'refunded': {
      if (order.state === 'received' || order.state === 'completed') return stay(order);
      const refunded = end(fresh, 'refunded', now);
      const effects: OrderEffect[] = [{ type: 'notifyRefund' }];
      if (order.cancelReason === 'another') effects.push({ type: 'orderAgain' });
      return { order: refunded, effects };
    }
    case 'completed':
      // The provider closed it; a code we hold stays ours.
      if (order.state === 'received') return { order: end(fresh, 'completed', now), effects: [] };
      return stay(fresh);
    case 'waiting':
      return stay(fresh);
  }
}

function onError(
  order: Order,
  event: Extract<OrderEvent, { type: 'error' }>,
  now: number,
): Transition {
  const { error } = event;
  const failures = order.failures + 1;
  const retryAt = now + (event.retryAfterMs ?? backoffMs(failures));
  const next: Order = { ...order, failures, retryAt, lastError: error };

  switch (order.state) {
    case 'ordering':
      if (TRANSIENT_KINDS.has(error.kind) && now - order.createdAt < ORDERING_GIVE_UP_MS) {
        return stay(next);
      }
      return { order: end(next, 'failed', now), effects: [{ type: 'notifyFailed' }] };
    case 'waiting':
    case 'cancelling':
      if (error.kind === 'too_early_to_cancel') {
        // Keep polling (a code may still come) and cancel once the provider allows it.
        const allowedAt = Math.max(order.cancelAllowedAt ?? 0, now + (event.retryAfterMs ?? 5000));
        return stay({ ...next, failures: 0, retryAt: now, cancelAllowedAt: allowedAt });
      }
      if (error.kind === 'code_already_received') {
        return stay({ ...next, failures: 0, retryAt: now, pollBeforeCancel: true });
      }
      if (error.kind === 'not_found') {
        // The provider no longer knows it: expired and refunded on its side.
        return { order: end(next, 'refunded', now), effects: [{ type: 'notifyRefund' }] };
      }
      return stay(next);
    case 'received':
      // Only `complete` can fail here; the code and the charge stand either way.
      if (TRANSIENT_KINDS.has(error.kind) && failures < 5) return stay(next);
      return { order: end(next, 'completed', now), effects: [] };
    case 'completed':
    case 'refunded':
    case 'failed':
      return stay(order);
  }
}

export function transition(order: Order, event: OrderEvent, now: number): Transition {
  switch (event.type) {
    case 'placed': {
      if (order.state !== 'ordering') return stay(order);
      const p = event.placed;
      const next: Order = {
        ...order,
        state: 'waiting',
        providerOrderId: p.id,
        phone: p.phone,
        price: p.price,
        tier: p.tier,
        orderedAt: now,
        expiresAt: p.expiresAt,
        cancelAllowedAt: p.cancelAllowedAt,
        failures: 0,
        lastError: null,
        retryAt: now,
      };
      if (order.maxPrice && p.price.cents > order.maxPrice.cents) {
        // The price moved between the offer and the order: give the number back as soon as
        // the provider allows, rather than leave it holding money or fill it.
        const lastError: OrderError = {
          kind: 'price_above_cap',
          message: 'The price rose above what you chose; the number is being returned.',
        };
        return stay({ ...next, state: 'cancelling', cancelReason: 'price', lastError });
      }
      return { order: next, effects: [{ type: 'fillPhone' }] };
    }
    case 'status':
      if (order.state === 'ordering' || order.state === 'failed' || order.state === 'refunded') {
        return stay(order);
      }
      return onStatus(order, event.status, now);
    case 'error':
      return onError(order, event, now);
    case 'cancel':
      if (order.state !== 'waiting') return stay(order);
      return stay({
        ...order,
        state: 'cancelling',
        cancelReason: event.reason,
        retryAt: now,
      });
    case 'tick':
      return onTick(order, now);
    case 'filled':
      return stay(
        event.what === 'phone' ? { ...order, phoneFilled: true } : { ...order, codeFilled: true },
      );
    case 'refill':
      // "Fill again": the page lost what we filled (reload, a form reset).
      return stay({ ...order, phoneFilled: false, codeFilled: false });
    case 'completed':
      if (order.state !== 'received') return stay(order);
      return { order: end(order, 'completed', now), effects: [] };
  }
}

function onTick(order: Order, now: number): Transition {
  if (order.state !== 'waiting' && order.state !== 'cancelling') return stay(order);
  const expiresAt = order.expiresAt ?? now;
  if (now >= expiresAt + GRACE_AFTER_WINDOW_MS) {
    const note: OrderError = {
      kind: 'provider_down',
      message: 'The provider could not be reached; it refunds expired orders by itself.',
    };
    return {
      order: end({ ...order, lastError: note }, 'refunded', now),
      effects: [{ type: 'notifyRefund' }],
    };
  }
  if (order.state === 'waiting' && now >= expiresAt - cancelMarginMs(order)) {
    return stay({ ...order, state: 'cancelling', cancelReason: 'window', retryAt: now });
  }
  return stay(order);
}

/**
 * We cancel a little before the provider's own window end: the refund then does not depend
 * on the provider's timer, and our clock (which started when the reply arrived) runs late.
 */
export function cancelMarginMs(order: Order): number {
  const window = (order.expiresAt ?? 0) - (order.orderedAt ?? order.expiresAt ?? 0);
  return Math.max(0, Math.min(15_000, window * 0.1));
}

/** What the engine should ask the provider for this order now, if anything. */
export type ProviderCall = 'order' | 'poll' | 'cancel' | 'complete' | null;

export function nextCall(order: Order, now: number): ProviderCall {
  if (now < order.retryAt) return null;
  switch (order.state) {
    case 'ordering':
      return 'order';
    case 'waiting':
      return 'poll';
    case 'cancelling':
      if (order.pollBeforeCancel) return 'poll';
      // Inside the early-cancel lock a code may still come: keep polling.
      if (now < (order.cancelAllowedAt ?? 0)) return 'poll';
      return 'cancel';
    case 'received':
      return 'complete';
    case 'completed':
    case 'refunded':
    case 'failed':
      return null;
  }
}

/** Money this order holds at the provider right now (price held while waiting). */
export function heldCents(order: Order): number {
  return order.state === 'waiting' || order.state === 'cancelling' ? (order.price?.cents ?? 0) : 0;
}
