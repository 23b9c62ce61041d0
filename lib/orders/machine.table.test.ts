import { discordOrder, placedAt } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import type { ProviderErrorKind } from '../providers/types.ts';
import { GRACE_AFTER_WINDOW_MS, nextCall, transition, type OrderEvent } from './machine.ts';
import { heldCents } from './queries.ts';
import { REFUND_CONFIRM_MS } from './refund.ts';
import type { Order, OrderState } from './types.ts';

// Every (state, event) pair of the machine, in one table the compiler keeps complete: adding a
// state or an event name without deciding what it does there is a type error.

const T0 = 1_700_000_000_000;
const WINDOW = 1_200_000;
const AT = T0 + 10_000; // inside the window and the early-cancel lock

const placed = placedAt(T0); // its window ends at T0 + WINDOW; cancel allowed after 2 min
const status = (kind: 'waiting' | 'refunded' | 'cancelled' | 'completed'): OrderEvent => ({
  type: 'status',
  status: { kind },
});
const code: OrderEvent = { type: 'status', status: { kind: 'code', code: '123456', text: 'x' } };
const err = (kind: ProviderErrorKind): OrderEvent => ({
  type: 'error',
  error: { kind, message: kind },
});

const EVENTS = {
  placed: [placed, AT],
  'status:waiting': [status('waiting'), AT],
  'status:code': [code, AT],
  'status:refunded': [status('refunded'), AT],
  'status:cancelled': [status('cancelled'), AT],
  'status:completed': [status('completed'), AT],
  'error:network': [err('network'), AT],
  'error:too_early': [err('too_early_to_cancel'), AT],
  'error:code_exists': [err('code_already_received'), AT],
  'error:not_found': [err('not_found'), AT],
  'error:bad_key': [err('bad_key'), AT],
  cancel: [{ type: 'cancel', reason: 'user' }, AT],
  requestAnotherSms: [{ type: 'requestAnotherSms' }, AT],
  anotherSmsSent: [{ type: 'anotherSmsSent' }, AT],
  tick: [{ type: 'tick' }, AT],
  'tick:window_end': [{ type: 'tick' }, T0 + WINDOW - 1_000],
  'tick:past_grace': [{ type: 'tick' }, T0 + WINDOW + GRACE_AFTER_WINDOW_MS],
  'tick:refund_deadline': [{ type: 'tick' }, T0 + REFUND_CONFIRM_MS],
  filled: [{ type: 'filled', what: 'code' }, AT],
  refill: [{ type: 'refill' }, AT],
  rebind: [{ type: 'rebind', tabId: 99 }, AT],
  rejected: [{ type: 'rejected', text: 'This phone number cannot be used.' }, AT],
  noSms: [{ type: 'noSms', mark: { at: AT, minutes: 3, outcome: 'asked' } }, T0 + 180_000],
  completed: [{ type: 'completed' }, AT],
} satisfies Record<string, [OrderEvent, number]>;
type EventName = keyof typeof EVENTS;

function fresh(): Order {
  return discordOrder(T0, { idempotencyKey: 'k1', maxPrice: money(35) });
}
const after = (events: OrderEvent[]) =>
  events.reduce((o, e) => transition(o, e, T0).order, fresh());

/** `cancelling` once the cancel was taken and only the refund is awaited (refund.ts). */
type Row = OrderState | 'refundPending';

const ORDERS: Record<Row, () => Order> = {
  ordering: fresh,
  waiting: () => after([placed]),
  cancelling: () => after([placed, { type: 'cancel', reason: 'user' }]),
  received: () => after([placed, code]),
  completed: () => after([placed, code, { type: 'completed' }]),
  refunded: () => after([placed, { type: 'cancel', reason: 'user' }, status('refunded')]),
  failed: () => after([err('no_balance')]),
  refundPending: () => after([placed, { type: 'cancel', reason: 'user' }, status('cancelled')]),
};

type Effect =
  | 'fillPhone'
  | 'fillCode'
  | 'notifyCode'
  | 'notifyRefund'
  | 'notifyFailed'
  | 'notifyNotRefunded'
  | 'notifyRejected'
  | 'notifyNoSms';
type Expect = OrderState | [OrderState, ...Effect[]];
const CODE: Expect = ['received', 'fillCode', 'notifyCode'];
const REFUND: Expect = ['refunded', 'notifyRefund'];
const FAIL: Expect = ['failed', 'notifyFailed'];
/** The refund never came: ends charged without a code, flagged. */
const MISSING: Expect = ['completed', 'notifyNotRefunded'];

/** Terminal states absorb every event. */
const absorbing = (s: OrderState): Record<EventName, Expect> =>
  Object.fromEntries(Object.keys(EVENTS).map((k) => [k, s])) as Record<EventName, Expect>;

const TABLE: Record<Row, Record<EventName, Expect>> = {
  ordering: {
    placed: ['waiting', 'fillPhone'],
    'status:waiting': 'ordering',
    'status:code': 'ordering',
    'status:refunded': 'ordering',
    'status:cancelled': 'ordering',
    'status:completed': 'ordering',
    'error:network': 'ordering', // retried with the same idempotency key
    'error:too_early': FAIL,
    'error:code_exists': FAIL,
    'error:not_found': FAIL,
    'error:bad_key': FAIL,
    cancel: 'ordering', // remembered: the number goes back once it is known
    requestAnotherSms: 'ordering',
    anotherSmsSent: 'ordering',
    tick: 'ordering',
    'tick:window_end': 'ordering',
    'tick:past_grace': 'ordering',
    'tick:refund_deadline': 'ordering',
    filled: 'ordering',
    refill: 'ordering',
    rebind: 'ordering',
    rejected: 'ordering',
    noSms: 'ordering',
    completed: 'ordering',
  },
  waiting: {
    placed: 'waiting',
    'status:waiting': 'waiting',
    'status:code': CODE,
    'status:refunded': REFUND,
    'status:cancelled': 'cancelling', // the provider ended it: its refund is checked
    'status:completed': 'waiting',
    'error:network': 'waiting',
    'error:too_early': 'waiting',
    'error:code_exists': 'waiting',
    'error:not_found': REFUND,
    'error:bad_key': 'waiting',
    cancel: 'cancelling',
    requestAnotherSms: 'waiting',
    anotherSmsSent: 'waiting',
    tick: 'waiting',
    'tick:window_end': 'cancelling',
    'tick:past_grace': 'cancelling', // unreachable: its refund is checked, not assumed
    'tick:refund_deadline': 'waiting',
    filled: 'waiting',
    refill: 'waiting',
    rebind: 'waiting',
    rejected: ['waiting', 'notifyRejected'], // marked once, the user decides
    noSms: ['waiting', 'notifyNoSms'], // asked (or stopped): said once
    completed: 'waiting',
  },
  cancelling: {
    placed: 'cancelling',
    'status:waiting': 'cancelling',
    'status:code': CODE, // the code raced the cancel: it wins
    'status:refunded': REFUND,
    'status:cancelled': 'cancelling', // taken, refund pending
    'status:completed': 'cancelling',
    'error:network': 'cancelling',
    'error:too_early': 'cancelling',
    'error:code_exists': 'cancelling',
    'error:not_found': REFUND,
    'error:bad_key': 'cancelling',
    cancel: 'cancelling',
    requestAnotherSms: 'cancelling',
    anotherSmsSent: 'cancelling',
    tick: 'cancelling',
    'tick:window_end': 'cancelling',
    'tick:past_grace': 'cancelling',
    'tick:refund_deadline': 'cancelling',
    filled: 'cancelling',
    refill: 'cancelling',
    rebind: 'cancelling',
    rejected: 'cancelling',
    noSms: 'cancelling', // the cancel came first: nothing to ask
    completed: 'cancelling',
  },
  received: {
    placed: 'received',
    'status:waiting': 'received',
    'status:code': 'received', // the same code again: no second fill or notification
    'status:refunded': 'received', // never undoes a code
    'status:cancelled': 'received',
    'status:completed': 'completed',
    'error:network': 'received', // `complete` retried
    'error:too_early': 'completed',
    'error:code_exists': 'completed',
    'error:not_found': 'completed',
    'error:bad_key': 'completed',
    cancel: 'received', // a code exists: nothing to refund
    requestAnotherSms: 'received', // this provider has no "another SMS"
    anotherSmsSent: 'received',
    tick: 'received',
    'tick:window_end': 'received',
    'tick:past_grace': 'completed',
    'tick:refund_deadline': 'received',
    filled: 'received',
    refill: 'received',
    rebind: 'received',
    rejected: 'received', // a code came: the refusal is moot
    noSms: 'received',
    completed: 'completed',
  },
  completed: absorbing('completed'),
  refunded: absorbing('refunded'),
  failed: absorbing('failed'),
  refundPending: {
    placed: 'cancelling',
    'status:waiting': 'cancelling',
    'status:code': CODE, // a code after all: it wins (and is charged)
    'status:refunded': REFUND, // confirmed
    'status:cancelled': 'cancelling', // not back yet: checked again later
    'status:completed': 'cancelling',
    'error:network': 'cancelling',
    'error:too_early': 'cancelling',
    'error:code_exists': 'cancelling',
    'error:not_found': 'cancelling', // not a refund fact: checked until the deadline
    'error:bad_key': 'cancelling',
    cancel: 'cancelling',
    requestAnotherSms: 'cancelling',
    anotherSmsSent: 'cancelling',
    tick: 'cancelling',
    'tick:window_end': MISSING, // past the refund deadline as well
    'tick:past_grace': MISSING,
    'tick:refund_deadline': MISSING,
    filled: 'cancelling',
    refill: 'cancelling',
    rebind: 'cancelling',
    rejected: 'cancelling',
    noSms: 'cancelling',
    completed: 'cancelling',
  },
};

const cases = Object.entries(TABLE).flatMap(([state, row]) =>
  Object.entries(row).map(([event, expected]) => ({
    state: state as Row,
    event: event as EventName,
    expected: typeof expected === 'string' ? ([expected] as const) : expected,
  })),
);

describe('order state machine: every state x every event', () => {
  it('covers 7 states and a pending refund x 24 events', () => expect(cases).toHaveLength(8 * 24));

  it.each(cases)('$state + $event -> $expected', ({ state, event, expected }) => {
    const before = ORDERS[state]();
    expect(before.state).toBe(state === 'refundPending' ? 'cancelling' : state);
    const [e, at] = EVENTS[event];
    const t = transition(before, e, at);
    const [wantState, ...wantEffects] = expected;
    expect(t.order.state).toBe(wantState);
    expect(t.effects.map((x) => x.type)).toEqual(wantEffects);
    // What every transition keeps, whatever the pair.
    expect(t.order.idempotencyKey).toBe(before.idempotencyKey);
    expect(t.order.providerOrderId ?? before.providerOrderId).toBe(
      before.providerOrderId ?? t.order.providerOrderId,
    );
    if (before.code !== null) expect(t.order.code).toBe(before.code);
    if (heldCents(t.order) > 0) expect(['waiting', 'cancelling']).toContain(t.order.state);
    if (nextCall(t.order, at + 3_600_000) === 'order') expect(t.order.state).toBe('ordering');
  });
});

describe('rejected by the site', () => {
  it('marks a waiting order once, with its text, and notifies once', () => {
    const waiting = after([placed]);
    const first = transition(waiting, { type: 'rejected', text: 'Use a different number.' }, AT);
    expect(first.order.rejectedBySite).toEqual({ at: AT, text: 'Use a different number.' });
    const again = transition(first.order, { type: 'rejected', text: 'Other text' }, AT + 5);
    expect(again.order.rejectedBySite).toEqual({ at: AT, text: 'Use a different number.' });
    expect(again.effects).toEqual([]);
  });

  it('keeps the mark through "try another number" to the refund', () => {
    const rejected = transition(after([placed]), { type: 'rejected', text: 'x' }, AT).order;
    const cancelled = transition(rejected, { type: 'cancel', reason: 'another' }, AT).order;
    const done = transition(cancelled, status('refunded'), AT);
    expect(done.order.state).toBe('refunded');
    expect(done.order.rejectedBySite?.text).toBe('x');
    expect(done.effects.map((e) => e.type)).toEqual(['notifyRefund', 'orderAgain']);
  });
});

describe('no SMS within the minutes the options say', () => {
  const asked = { at: AT, minutes: 3, outcome: 'asked' } as const;

  it('marks a waiting order and says so once; a swap is marked without a word', () => {
    const first = transition(after([placed]), { type: 'noSms', mark: asked }, AT);
    expect(first.order.noSms).toEqual(asked);
    expect(first.effects.map((e) => e.type)).toEqual(['notifyNoSms']);
    expect(transition(first.order, { type: 'noSms', mark: asked }, AT + 5).effects).toEqual([]);
    const swapped = { at: AT, minutes: 3, outcome: 'swapped' } as const;
    const quiet = transition(after([placed]), { type: 'noSms', mark: swapped }, AT);
    expect(quiet.order.noSms).toEqual(swapped);
    expect(quiet.effects).toEqual([]);
  });

  it('a swap a spending limit refused becomes a stop, said once', () => {
    const swapped = transition(
      after([placed]),
      { type: 'noSms', mark: { at: AT, minutes: 3, outcome: 'swapped' } },
      AT,
    ).order;
    const stop = { at: AT, minutes: 3, outcome: 'stopped', reason: 'limit' } as const;
    const t = transition(swapped, { type: 'noSms', mark: stop }, AT);
    expect(t.order.noSms).toEqual(stop);
    expect(t.effects.map((e) => e.type)).toEqual(['notifyNoSms']);
  });
});
