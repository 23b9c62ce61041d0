import { describe, expect, it } from 'vitest';
import { statusReply } from './faces/codasms.ts';
import { Ledger, type Order } from './ledger.ts';

const KEY = 'k1';

function setup() {
  const clock = { t: 1_700_000_000_000 };
  const ledger = new Ledger({
    now: () => clock.t,
    windowSeconds: 1200,
    earlyCancelSeconds: 0,
    seed: 7,
    timers: false,
  });
  ledger.deposit(KEY, 500);
  const buy = (): Readonly<Order> => {
    const r = ledger.order(KEY, { service: 'ds', country: '6', band: 'standard' });
    if (!r.ok) throw new Error(r.reason);
    return r.order;
  };
  return { clock, ledger, buy };
}

describe('a provider that refunds late or never (/control/refunds)', () => {
  it('late: the cancel is accepted, the price stays held until the refund lands', () => {
    const { clock, ledger, buy } = setup();
    ledger.refundPlan = [{ kind: 'late', seconds: 30 }];
    const order = buy();
    expect(ledger.cancel(KEY, order.id).kind).toBe('refunded');
    expect(order.state).toBe('cancelled');
    expect(statusReply(order)).toMatchObject({ status: 'cancelled', waiting: false });
    expect(ledger.account(KEY)).toMatchObject({ heldCents: order.priceCents, refundedCents: 0 });
    expect(ledger.audit(KEY)).toBe(true);
    // Cancelling again changes nothing and refunds nothing.
    expect(ledger.cancel(KEY, order.id).kind).toBe('refunded');
    clock.t += 29_000;
    expect(ledger.getOrder(KEY, order.id)?.state).toBe('cancelled');
    clock.t += 1_000;
    expect(ledger.getOrder(KEY, order.id)?.state).toBe('refunded');
    expect(statusReply(order)).toMatchObject({ status: 'refunded' });
    expect(ledger.account(KEY)).toMatchObject({ balanceCents: 500, heldCents: 0 });
    expect(order.movements.at(-1)).toMatchObject({ type: 'refund', reason: 'cancelled' });
    expect(ledger.audit(KEY)).toBe(true);
  });

  it('never: the money stays with the provider; only planned orders are affected', () => {
    const { clock, ledger, buy } = setup();
    ledger.refundPlan = [{ kind: 'never' }];
    const unlucky = buy();
    const next = buy();
    ledger.cancel(KEY, unlucky.id);
    ledger.cancel(KEY, next.id);
    clock.t += 24 * 3_600_000;
    expect(ledger.getOrder(KEY, unlucky.id)?.state).toBe('cancelled');
    expect(unlucky.movements.map((m) => m.type)).toEqual(['hold']);
    expect(ledger.getOrder(KEY, next.id)?.state).toBe('refunded');
    expect(ledger.account(KEY)?.balanceCents).toBe(500 - unlucky.priceCents);
    expect(ledger.audit(KEY)).toBe(true);
  });

  it('an expired order says expired until its late refund lands', () => {
    const { clock, ledger, buy } = setup();
    ledger.refundPlan = [{ kind: 'late', seconds: 60 }];
    const order = buy();
    clock.t += 1200_000;
    expect(statusReply(ledger.getOrder(KEY, order.id) ?? order)).toMatchObject({
      status: 'expired',
    });
    clock.t += 60_000;
    expect(ledger.getOrder(KEY, order.id)?.state).toBe('refunded');
    expect(order.movements.at(-1)).toMatchObject({ type: 'refund', reason: 'expired' });
  });
});
