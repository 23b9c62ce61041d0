/**
 * The order state machine: pure, no I/O, no browser APIs.
 *
 *   ordering ──placed──▶ waiting ──status:code──▶ received ──completed──▶ completed
 *    │  │                 │  ▲                     ▲  │  ▲
 *    │  │ placed after    │  │ too early /         │  │  │ requestAnotherSms ─▶ anotherSmsSent
 *    │  │ a cancel, or    │  │ still waiting       │  │  │ ─▶ status:code (new code) ─┘
 *    │  │ above the cap   ▼  │                     │  └──┘ (resend: requested → waiting → null)
 *    │  └────────────▶ cancelling ──status:code─────┘ (a code raced the cancel: it wins)
 *    │ permanent error     │  ▲
 *    ▼                     │  └─ status:cancelled (ended, money not back yet): refund pending,
 *  failed                  │     checked again with backoff; from waiting too (provider's end)
 *                          ├──status:refunded (refund confirmed) / not_found──▶ refunded
 *                          └──tick past the refund deadline──▶ completed, refund "missing"
 *                             (charged without a code: flagged "not refunded" with its facts)
 *
 * waiting → cancelling on a user cancel, "try another number" or the window's end (tick).
 * waiting ──rejected (the site refused the number)──▶ waiting, marked rejectedBySite once,
 * notifyRejected; the user's "Cancel and get another" is then the "try another number" cancel.
 * waiting ──noSms (no SMS in N min, no-sms.ts)──▶ waiting, marked; notifyNoSms unless swapped.
 * A refund is confirmed only by the provider's status (per protocol: refund.ts); a pending one
 * is polled, never cancelled again, until REFUND_CONFIRM_MS after the cancel.
 * Nothing waits forever: an order the provider stops answering ends after its window plus a
 * grace period: while waiting, its refund is then checked like any other (pending, then
 * confirmed or missing); once a code arrived, as completed (the code and its charge stand).
 * Which provider call an open order needs is in calls.ts.
 */
import type { ProviderOrder, ProviderStatus } from '../providers/types.ts';
import { RETRYABLE_KINDS } from '../errors.ts';
import {
  backoffMs,
  GRACE_AFTER_WINDOW_MS,
  ORDERING_GIVE_UP_MS,
  RESEND_GIVE_UP_MS,
  RESEND_HOLD_MS,
  windowEndAt,
} from './calls.ts';
import { markNoSms } from './no-sms.ts';
import { awaitRefund, logReply, refundPending, settleRefund } from './refund.ts';
import type { Replacement } from './replacement.ts';
import {
  OPEN_STATES,
  type CancelReason,
  type NewOrder,
  type NoSmsMark,
  type Order,
  type OrderError,
} from './types.ts';

export * from './calls.ts';

export type OrderEvent =
  | { type: 'placed'; placed: ProviderOrder }
  /** `via: 'cancel'`: the reply to a cancel (kept in the order's reply log). */
  | { type: 'status'; status: ProviderStatus; via?: 'cancel' }
  | { type: 'error'; error: OrderError; retryAfterMs?: number | null }
  | { type: 'cancel'; reason: CancelReason }
  | { type: 'requestAnotherSms' }
  | { type: 'anotherSmsSent' }
  | { type: 'tick' }
  | { type: 'filled'; what: 'phone' | 'code' }
  | { type: 'refill' }
  | { type: 'rebind'; tabId: number }
  | { type: 'follow'; origin: string }
  /** The signup page refused the number (its error text beside the phone field). */
  | { type: 'rejected'; text: string }
  /** What "try another number" chose to order next, or why nothing (replacement.ts). */
  | { type: 'replacement'; replacement: Replacement }
  /** No SMS within the options' minutes: asked, swapped by itself, or why not (no-sms.ts). */
  | { type: 'noSms'; mark: NoSmsMark }
  | { type: 'completed' };

export type OrderEffect =
  | { type: 'fillPhone' }
  | { type: 'fillCode' }
  | { type: 'notifyCode' }
  | { type: 'notifyRefund' }
  | { type: 'notifyFailed' }
  | { type: 'notifyNotRefunded' }
  | { type: 'notifyRejected' }
  | { type: 'notifyNoSms' }
  | { type: 'orderAgain' };

export interface Transition {
  order: Order;
  effects: OrderEffect[];
}

export function createOrder(input: NewOrder, now: number): Order {
  return {
    ...input,
    previousOrderId: input.previousOrderId ?? null,
    anotherSms: input.anotherSms ?? false,
    resend: null,
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
    refund: null,
    replies: [],
  };
}

/** A signup crosses a few hosts at most; the list stays small. */
const MAX_FOLLOWED = 8;

const stay = (order: Order): Transition => ({ order, effects: [] });

function end(order: Order, state: 'completed' | 'refunded' | 'failed', now: number): Order {
  return { ...order, state, endedAt: now, resend: null };
}

function withCode(order: Order, code: string, text: string | null, now: number): Transition {
  // Where another SMS is possible, completing waits a little (completing closes the order).
  const completeAt = order.anotherSms ? Math.min(now + RESEND_HOLD_MS, windowEndAt(order)) : now;
  const next: Order = {
    ...order,
    state: 'received',
    code,
    smsText: text,
    codeFilled: false,
    resend: null,
    pollBeforeCancel: false,
    failures: 0,
    lastError: null,
    retryAt: Math.max(now, completeAt),
    // A code after the cancel: charged, no refund to wait for.
    refund: null,
  };
  return { order: next, effects: [{ type: 'fillCode' }, { type: 'notifyCode' }] };
}

/** `confirmed`: the provider said the money is back (not_found only implies it). */
function refunded(order: Order, now: number, confirmed: boolean): Transition {
  const effects: OrderEffect[] = [{ type: 'notifyRefund' }];
  // "Try another number" already ordered again when the cancel was taken (refund pending).
  if (order.cancelReason === 'another' && !refundPending(order)) {
    effects.push({ type: 'orderAgain' });
  }
  const settled = confirmed ? settleRefund(order, 'confirmed', now) : order;
  return { order: end(settled, 'refunded', now), effects };
}

/** Ended without a code, the money not back (yet): check again later, until the deadline. */
function cancelled(order: Order, now: number): Transition {
  const effects: OrderEffect[] = [];
  // The replacement number need not wait for the old one's refund.
  if (order.cancelReason === 'another' && !refundPending(order)) {
    effects.push({ type: 'orderAgain' });
  }
  return { order: awaitRefund(order, now), effects };
}

/** Past the provider's window its answer is final: no other SMS will come. */
function afterWindow(order: Order, now: number): Order {
  const over = order.resend === 'waiting' && now >= (order.expiresAt ?? 0);
  return over ? { ...order, resend: null } : order;
}

function onStatus(order: Order, status: ProviderStatus, now: number): Transition {
  const fresh: Order = { ...order, failures: 0, lastError: null, retryAt: now };
  if (order.state === 'received') {
    switch (status.kind) {
      case 'code':
        // Only the SMS we asked for replaces the code; the old one is repeated until it comes.
        if (order.resend === 'waiting' && status.code !== order.code) {
          return withCode(fresh, status.code, status.text, now);
        }
        return stay(afterWindow(fresh, now));
      case 'completed':
        return { order: end(fresh, 'completed', now), effects: [] };
      case 'refunded':
      case 'cancelled':
        // Never undoes a code (it was charged); just stop waiting for another one.
        return stay({ ...fresh, resend: null });
      case 'waiting':
        return stay(afterWindow(fresh, now));
    }
  }
  switch (status.kind) {
    case 'code':
      return withCode(fresh, status.code, status.text, now);
    case 'refunded':
      return refunded(fresh, now, true);
    case 'cancelled':
      return cancelled(fresh, now);
    case 'completed':
    case 'waiting':
      // The money is not back yet: check again later (the deadline is the clock's).
      if (refundPending(order)) return stay(awaitRefund(fresh, now));
      // "A code exists" (pollBeforeCancel) stays until the code itself is read.
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
  const transient = RETRYABLE_KINDS.has(error.kind);

  switch (order.state) {
    case 'ordering':
      if (transient && now - order.createdAt < ORDERING_GIVE_UP_MS) return stay(next);
      return { order: end(next, 'failed', now), effects: [{ type: 'notifyFailed' }] };
    case 'waiting':
    case 'cancelling':
      // Checking a pending refund failed: back off and ask again, until the deadline.
      if (refundPending(order)) return stay(next);
      if (error.kind === 'too_early_to_cancel') {
        // Keep polling (a code may still come) and cancel once the provider allows it.
        const allowedAt = Math.max(order.cancelAllowedAt ?? 0, now + (event.retryAfterMs ?? 5000));
        return stay({ ...next, failures: 0, retryAt: now, cancelAllowedAt: allowedAt });
      }
      if (error.kind === 'code_already_received') {
        return stay({ ...next, failures: 0, retryAt: now, pollBeforeCancel: true });
      }
      if (error.kind === 'not_found' && !order.pollBeforeCancel) {
        // The provider no longer knows it: expired and refunded on its side (implied, not
        // said: the refund is not marked confirmed).
        return refunded(next, now, false);
      }
      return stay(next);
    case 'received':
      if (order.resend !== null) {
        // Asking for, or polling for, another SMS failed: keep trying a while, then give up
        // on it (the first code stands) and complete.
        if (transient && failures < 5) return stay(next);
        if (error.kind === 'not_found') return { order: end(next, 'completed', now), effects: [] };
        return stay({ ...next, resend: null, failures: 0, retryAt: now });
      }
      // Only `complete` can fail here; the code and the charge stand either way.
      if (transient && failures < 5) return stay(next);
      return { order: end(next, 'completed', now), effects: [] };
    case 'completed':
    case 'refunded':
    case 'failed':
      return stay(order);
  }
}

function onPlaced(order: Order, p: ProviderOrder, now: number): Transition {
  if (order.state !== 'ordering') return stay(order);
  const next: Order = {
    ...logReply(order, 'placed', now),
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
  // Cancelled while the order was on its way: return the number, never fill it.
  if (order.cancelReason !== null) return stay({ ...next, state: 'cancelling' });
  return { order: next, effects: [{ type: 'fillPhone' }] };
}

function onTick(order: Order, now: number): Transition {
  const expiresAt = order.expiresAt ?? now;
  const pastGrace = now >= expiresAt + GRACE_AFTER_WINDOW_MS;
  switch (order.state) {
    case 'waiting':
    case 'cancelling':
      if (refundPending(order)) {
        if (now < order.refund.deadline) return stay(order);
        // The money did not come back in time: charged without a code. Flagged with its facts.
        const missing = settleRefund(order, 'missing', now);
        return { order: end(missing, 'completed', now), effects: [{ type: 'notifyNotRefunded' }] };
      }
      if (pastGrace) {
        const note: OrderError = {
          kind: 'provider_down',
          message: 'The provider could not be reached after the window; checking the refund.',
        };
        return cancelled({ ...order, lastError: note }, now);
      }
      if (order.state === 'waiting' && now >= windowEndAt(order)) {
        return stay({ ...order, state: 'cancelling', cancelReason: 'window', retryAt: now });
      }
      return stay(order);
    case 'received':
      if (pastGrace) return { order: end(order, 'completed', now), effects: [] };
      // Long past the window and the provider did not say so: complete with the code we have.
      if (order.resend !== null && now >= expiresAt + RESEND_GIVE_UP_MS) {
        return stay({ ...order, resend: null, retryAt: now });
      }
      return stay(order);
    case 'ordering':
    case 'completed':
    case 'refunded':
    case 'failed':
      return stay(order);
  }
}

export function transition(order: Order, event: OrderEvent, now: number): Transition {
  switch (event.type) {
    case 'placed':
      return onPlaced(order, event.placed, now);
    case 'status':
      if (order.state === 'ordering' || order.state === 'failed' || order.state === 'refunded') {
        return stay(order);
      }
      if (order.state === 'completed') return stay(order);
      return onStatus(logReply(order, event.status.kind, now, event.via), event.status, now);
    case 'error':
      if (!OPEN_STATES.has(order.state)) return stay(order);
      return onError(logReply(order, `error:${event.error.kind}`, now), event, now);
    case 'cancel':
      if (order.state === 'ordering' && order.cancelReason === null) {
        return stay({ ...order, cancelReason: event.reason });
      }
      if (order.state !== 'waiting') return stay(order);
      return stay({ ...order, state: 'cancelling', cancelReason: event.reason, retryAt: now });
    case 'requestAnotherSms':
      if (order.state !== 'received' || !order.anotherSms || order.resend !== null) {
        return stay(order);
      }
      return stay({ ...order, resend: 'requested', retryAt: now, failures: 0, lastError: null });
    case 'anotherSmsSent':
      if (order.state !== 'received' || order.resend !== 'requested') return stay(order);
      return stay({ ...order, resend: 'waiting', retryAt: now, failures: 0, lastError: null });
    case 'tick':
      return onTick(order, now);
    case 'filled':
      // A filled code ends what the user's "Fill again" asked for.
      if (event.what === 'phone') return stay({ ...order, phoneFilled: true });
      return stay({ ...order, codeFilled: true, fillAsked: false });
    case 'refill':
      // "Fill again": the page lost what we filled (reload, a form reset); asked by hand.
      return stay({ ...order, phoneFilled: false, codeFilled: false, fillAsked: true });
    case 'rebind':
      // The ordering tab is gone (browser restart): the same site in a new tab takes over.
      if (event.tabId === order.site.tabId) return stay(order);
      return stay({
        ...order,
        site: { ...order.site, tabId: event.tabId },
        phoneFilled: false,
        codeFilled: false,
      });
    case 'follow': {
      // The order's own tab went on to another host of its site (www. -> accounts.).
      const followed = order.site.followed ?? [];
      if (event.origin === order.site.origin || followed.includes(event.origin)) return stay(order);
      const kept = [...followed, event.origin].slice(-MAX_FOLLOWED);
      return stay({ ...order, site: { ...order.site, followed: kept } });
    }
    case 'rejected':
      // Only a number still waiting for its SMS matters (a code makes the refusal moot), and
      // one report per order is enough.
      if (order.state !== 'waiting' || order.rejectedBySite) return stay(order);
      return {
        order: { ...order, rejectedBySite: { at: now, text: event.text } },
        effects: [{ type: 'notifyRejected' }],
      };
    case 'replacement':
      // Chosen just before the cancel that gives the number up; the record says what followed.
      return stay(order.state === 'waiting' ? { ...order, replacement: event.replacement } : order);
    case 'noSms': {
      const marked = markNoSms(order, event.mark);
      return { order: marked.order, effects: marked.notify ? [{ type: 'notifyNoSms' }] : [] };
    }
    case 'completed':
      if (order.state !== 'received') return stay(order);
      return { order: end(order, 'completed', now), effects: [] };
  }
}
