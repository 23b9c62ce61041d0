import { discordOrder } from '../../tests/support/orders.ts';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import type { ProviderErrorKind } from '../providers/types.ts';
import { nextCall, transition, type OrderEvent } from './machine.ts';
import { chargedCents, heldCents } from './queries.ts';
import {
  deliverSms,
  modelProvider,
  serve,
  sweep,
  type Fault,
  type ModelProvider,
} from '../../tests/support/model-provider.ts';
import { notRefunded } from './refund.ts';
import { OPEN_STATES, type Order } from './types.ts';

const T0 = 1_800_000_000_000;
const TERMINAL = new Set(['completed', 'refunded', 'failed']);
const CHARGED = new Set(['received', 'completed']);
const HOLDING = new Set(['waiting', 'cancelling']);

function newOrder(anotherSms: boolean): Order {
  return discordOrder(T0, { idempotencyKey: 'key-1', maxPrice: money(35), anotherSms });
}

/** Cheap where it runs millions of times; says which rule broke. */
function must(ok: boolean, rule: string, order: Order): void {
  if (!ok) throw new Error(`${rule}: ${JSON.stringify(order)}`);
}

/** What must hold across every single transition, whatever the event. */
function checkStep(before: Order, after: Order): void {
  must(after.idempotencyKey === before.idempotencyKey, 'idempotency key changed', after);
  must(
    before.providerOrderId === null || after.providerOrderId === before.providerOrderId,
    'provider order changed',
    after,
  );
  must(!TERMINAL.has(before.state) || after.state === before.state, 'left a terminal state', after);
  // A code is never lost: once there it stays, and the order never turns refunded or failed.
  must(
    before.code === null || (after.code !== null && CHARGED.has(after.state)),
    'code lost',
    after,
  );
  // Money is held only while waiting for the SMS (or cancelling).
  must(heldCents(after) === 0 || HOLDING.has(after.state), 'held outside waiting', after);
  // Charged without a code only when the provider kept the money: flagged, never silent.
  must(
    chargedCents(after) === 0 || after.code !== null || notRefunded(after),
    'charged without a code',
    after,
  );
  must(!notRefunded(after) || after.state === 'completed', 'not refunded yet open', after);
}

// ---- property 1: arbitrary events, in any order, at any time ----

const kinds: ProviderErrorKind[] = [
  'network',
  'rate_limited',
  'too_early_to_cancel',
  'code_already_received',
  'not_found',
  'bad_key',
  'malformed_reply',
  'unavailable',
];
const anyEvent: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.record({
    type: fc.constant('placed' as const),
    placed: fc.record({
      id: fc.constantFrom('p1', 'p2'),
      phone: fc.constant('+6281200000001'),
      price: fc.integer({ min: 1, max: 60 }).map((c) => money(c)),
      tier: fc.constantFrom('standard' as const, 'priority' as const),
      expiresAt: fc.integer({ min: T0, max: T0 + 1_200_000 }),
      cancelAllowedAt: fc.integer({ min: T0, max: T0 + 120_000 }),
    }),
  }),
  fc.constantFrom<OrderEvent>(
    { type: 'status', status: { kind: 'waiting' } },
    { type: 'status', status: { kind: 'refunded' } },
    { type: 'status', status: { kind: 'cancelled' } },
    { type: 'status', status: { kind: 'completed' } },
    { type: 'status', status: { kind: 'code', code: '111111', text: null } },
    { type: 'status', status: { kind: 'code', code: '222222', text: null } },
    { type: 'cancel', reason: 'user' },
    { type: 'cancel', reason: 'another' },
    { type: 'requestAnotherSms' },
    { type: 'anotherSmsSent' },
    { type: 'tick' },
    { type: 'filled', what: 'code' },
    { type: 'refill' },
    { type: 'rebind', tabId: 2 },
    { type: 'completed' },
  ),
  fc.constantFrom(...kinds).map<OrderEvent>((kind) => ({
    type: 'error',
    error: { kind, message: kind },
  })),
);

describe('order machine properties', () => {
  it('any event sequence keeps the key, the code, and holds money only while waiting', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(anyEvent, fc.integer({ min: 0, max: 600_000 })), { maxLength: 60 }),
        (anotherSms, events) => {
          let order = newOrder(anotherSms);
          let now = T0;
          for (const [event, dt] of events) {
            now += dt;
            const next = transition(order, event, now).order;
            checkStep(order, next);
            const call = nextCall(next, now);
            must(call !== 'order' || next.state === 'ordering', 'ordered again', next);
            order = next;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  // ---- property 2: the machine run against a model provider, with faults ----

  type Action =
    | { k: 'step'; fault: Fault | null }
    | { k: 'sms' }
    | { k: 'advance'; ms: number }
    | { k: 'cancel'; reason: 'user' | 'another' }
    | { k: 'anotherSms' }
    | { k: 'filled' }
    | { k: 'rebind' };

  const action: fc.Arbitrary<Action> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        k: fc.constant('step' as const),
        fault: fc.option(
          fc.constantFrom<Fault>('lost', 'dropped', 'malformed', 'rate_limited', 'down'),
          {
            freq: 2,
          },
        ),
      }),
    },
    { weight: 2, arbitrary: fc.constant<Action>({ k: 'sms' }) },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 0, max: 200_000 }).map<Action>((ms) => ({ k: 'advance', ms })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Action>(
        { k: 'cancel', reason: 'user' },
        { k: 'cancel', reason: 'another' },
        { k: 'anotherSms' },
        { k: 'filled' },
        { k: 'rebind' },
      ),
    },
  );

  interface World {
    now: number;
    order: Order;
    p: ModelProvider;
    phoneShown: boolean;
  }

  function apply(w: World, event: OrderEvent): void {
    const next = transition(w.order, event, w.now).order;
    checkStep(w.order, next);
    w.order = next;
    if (next.phone !== null) w.phoneShown = true;
  }

  /** The engine's step: the clock first, then the provider call the stored order needs. */
  function step(w: World, fault: Fault | null): void {
    apply(w, { type: 'tick' });
    const call = nextCall(w.order, w.now);
    if (call === null) return;
    must(call !== 'order' || w.order.providerOrderId === null, 'ordered twice', w.order);
    apply(w, serve(w.p, w.order, call, w.now, fault));
  }

  function act(w: World, a: Action): void {
    const mine = w.p.orders.find((o) => o.id === w.order.providerOrderId);
    switch (a.k) {
      case 'step':
        return step(w, a.fault);
      case 'sms':
        // A site texts the number only once the user has it.
        if (mine && w.phoneShown) deliverSms(w.p, mine, w.now);
        return;
      case 'advance':
        w.now += a.ms;
        sweep(w.p, w.now);
        return;
      case 'cancel':
        return apply(w, { type: 'cancel', reason: a.reason });
      case 'anotherSms':
        return apply(w, { type: 'requestAnotherSms' });
      case 'filled':
        return apply(w, { type: 'filled', what: 'code' });
      case 'rebind':
        return apply(w, { type: 'rebind', tabId: 7 });
    }
  }

  let maxDrive = 0;
  afterAll(() => console.log('max drive steps', maxDrive));
  it('against a faulty provider every order ends, keeps its code, and agrees on the money', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom<ModelProvider['flavour']>('codasms', 'sms-activate'),
        fc.array(action, { maxLength: 80 }),
        (anotherSms, flavour, actions) => {
          const w: World = {
            now: T0,
            order: newOrder(anotherSms),
            p: modelProvider(flavour),
            phoneShown: false,
          };
          for (const a of actions) act(w, a);
          // From here the provider answers (faults over); time runs; no more SMS.
          let i = 0;
          for (; i < 2_000 && OPEN_STATES.has(w.order.state); i++) {
            step(w, null);
            w.now = Math.max(w.now + 5_000, w.order.retryAt);
            sweep(w.p, w.now);
          }
          maxDrive = Math.max(maxDrive, i);
          const o = w.order;
          const mine = w.p.orders.find((x) => x.idempotencyKey === o.idempotencyKey);
          // Every order ends.
          expect(['completed', 'refunded', 'failed']).toContain(o.state);
          // No double order: one provider order per idempotency key, and one key per order.
          expect(w.p.orders.length).toBeLessThanOrEqual(1);
          // An arrived code is never lost: charged at the provider = completed here, same code.
          if (mine?.charged) {
            expect(o.state).toBe('completed');
            expect(o.code).toBe(mine.code);
          } else {
            expect(o.code).toBeNull();
          }
          // Money agrees with the provider's ledger; nothing is left held; refunded once.
          expect(chargedCents(o)).toBe(mine?.charged ? mine.priceCents : 0);
          expect(heldCents(o)).toBe(0);
          if (o.state === 'refunded') expect(mine?.state ?? 'refunded').toBe('refunded');
          if (o.state === 'failed') expect(w.phoneShown).toBe(false);
          expect(mine?.refunds ?? 0).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
