import { discordOrder, placedAt } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../providers/types.ts';
import { nextCall, transition, type OrderEffect, type OrderEvent } from './machine.ts';
import { chargedCents, heldCents } from './queries.ts';
import { notRefunded, REFUND_CONFIRM_MS, refundCheckDelayMs } from './refund.ts';
import type { CancelReason, Order } from './types.ts';

// Refund assurance: an order without a code is "refunded" only once the provider says so.
const T0 = 1_700_000_000_000;
const placed = placedAt(T0, 0);
const viaCancel = (kind: 'refunded' | 'cancelled'): OrderEvent => ({
  type: 'status',
  status: { kind },
  via: 'cancel',
});
const polled = (status: ProviderStatus): OrderEvent => ({ type: 'status', status });

function start(): Order {
  return discordOrder(T0, { idempotencyKey: 'k1' });
}

/** Runs timed events; returns the order and every effect asked for. */
function run(events: [OrderEvent, number][], reason: CancelReason = 'user') {
  let order = transition(start(), placed, T0).order;
  order = transition(order, { type: 'cancel', reason }, T0 + 1000).order;
  const effects: OrderEffect['type'][] = [];
  for (const [e, at] of events) {
    const t = transition(order, e, at);
    order = t.order;
    effects.push(...t.effects.map((x) => x.type));
  }
  return { order, effects };
}

describe('refund assurance', () => {
  it('the provider says refunded: the order is refunded, confirmed, holding nothing', () => {
    const { order, effects } = run([[viaCancel('refunded'), T0 + 2000]]);
    expect(order.state).toBe('refunded');
    expect(order.refund?.outcome).toBe('confirmed');
    expect(effects).toEqual(['notifyRefund']);
    expect(heldCents(order) + chargedCents(order)).toBe(0);
    expect(order.replies?.map((r) => [r.what, r.via])).toEqual([
      ['placed', undefined],
      ['refunded', 'cancel'],
    ]);
  });

  it('a cancel taken without the money back keeps the price held and checks, never cancels again', () => {
    const { order, effects } = run([[viaCancel('cancelled'), T0 + 2000]]);
    expect(order.state).toBe('cancelling');
    expect(order.refund).toMatchObject({ outcome: 'pending', since: T0 + 2000, checks: 1 });
    expect(heldCents(order)).toBe(35);
    expect(effects).toEqual([]);
    expect(nextCall(order, T0 + 2000)).toBeNull();
    expect(nextCall(order, T0 + 2000 + refundCheckDelayMs(1))).toBe('poll');
  });

  it('a late refund ends as refunded; the checks back off in between', () => {
    const t1 = T0 + 2000;
    const { order, effects } = run([
      [viaCancel('cancelled'), t1],
      [polled({ kind: 'cancelled' }), t1 + 5_000],
      [polled({ kind: 'cancelled' }), t1 + 15_000],
    ]);
    expect(order.refund?.checks).toBe(3);
    expect(order.retryAt - (t1 + 15_000)).toBe(refundCheckDelayMs(3));
    expect(refundCheckDelayMs(3)).toBeGreaterThan(refundCheckDelayMs(2));
    const late = transition(order, polled({ kind: 'refunded' }), t1 + 40_000);
    expect(late.order.state).toBe('refunded');
    expect(late.order.refund?.outcome).toBe('confirmed');
    expect([...effects, ...late.effects.map((e) => e.type)]).toEqual(['notifyRefund']);
    // Runs of the same reply are one record with its count and times.
    expect(late.order.replies?.find((r) => r.what === 'cancelled' && !r.via)).toMatchObject({
      count: 2,
      at: t1 + 5_000,
      last: t1 + 15_000,
    });
  });

  it('a refund that never comes: flagged "not refunded" at the deadline, charged without a code', () => {
    const t1 = T0 + 2000;
    const { order } = run([
      [viaCancel('cancelled'), t1],
      [{ type: 'error', error: { kind: 'network', message: 'down' } }, t1 + 5_000],
      [{ type: 'tick' }, t1 + REFUND_CONFIRM_MS - 1],
    ]);
    expect(order.state).toBe('cancelling');
    const t = transition(order, { type: 'tick' }, t1 + REFUND_CONFIRM_MS);
    expect(t.order.state).toBe('completed');
    expect(notRefunded(t.order)).toBe(true);
    expect(t.order.code).toBeNull();
    expect(t.order.endedAt).toBe(t1 + REFUND_CONFIRM_MS);
    expect(t.effects).toEqual([{ type: 'notifyNotRefunded' }]);
    expect(chargedCents(t.order)).toBe(35);
    expect(nextCall(t.order, t1 + 3_600_000)).toBeNull();
    // A late "refunded" after the flag changes nothing: the facts stand for support.
    expect(transition(t.order, polled({ kind: 'refunded' }), t1 + 3_600_000).order).toBe(t.order);
  });

  it('survives a restart: a stored pending refund resumes from storage', () => {
    const t1 = T0 + 2000;
    const { order } = run([[viaCancel('cancelled'), t1]]);
    const restored = JSON.parse(JSON.stringify(order)) as Order;
    expect(nextCall(restored, t1 + 60_000)).toBe('poll');
    const t = transition(restored, polled({ kind: 'refunded' }), t1 + 60_000);
    expect(t.order.state).toBe('refunded');
    expect(t.order.refund?.since).toBe(t1);
  });

  it('a code arriving while the refund is pending wins: filled, charged, no flag', () => {
    const { order, effects } = run([
      [viaCancel('cancelled'), T0 + 2000],
      [polled({ kind: 'code', code: '424242', text: 'Code 424242' }), T0 + 9000],
    ]);
    expect(order.state).toBe('received');
    expect(order.code).toBe('424242');
    expect(order.refund).toBeNull();
    expect(effects).toEqual(['fillCode', 'notifyCode']);
  });

  it('"try another number" orders again when the cancel is taken, not when the money lands', () => {
    const t1 = T0 + 2000;
    const taken = run([[viaCancel('cancelled'), t1]], 'another');
    expect(taken.effects).toEqual(['orderAgain']);
    const landed = transition(taken.order, polled({ kind: 'refunded' }), t1 + 5_000);
    expect(landed.effects.map((e) => e.type)).toEqual(['notifyRefund']);
    expect(run([[viaCancel('refunded'), t1]], 'another').effects).toEqual([
      'notifyRefund',
      'orderAgain',
    ]);
  });

  it('the provider ending a waiting order by itself starts the same check', () => {
    const waiting = transition(start(), placed, T0).order;
    const t = transition(waiting, polled({ kind: 'cancelled' }), T0 + 1_200_000);
    expect(t.order.state).toBe('cancelling');
    expect(t.order.cancelReason).toBe('window');
    expect(t.order.refund?.outcome).toBe('pending');
  });
});
