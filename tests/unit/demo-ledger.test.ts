import { describe, expect, it } from 'vitest';
import { checkLedger } from '../demo/ledger-check.ts';
import type { Ledger, LedgerOrder } from '../support/sandbox-client.ts';

const at = '2026-12-05T00:00:00.000Z';
const order = (cents: number, end: 'charge' | 'refund', reason?: string): LedgerOrder => ({
  order_id: String(cents),
  service: 'ds',
  country: '6',
  band: 'standard',
  number: '+6281234567890',
  price_cents: cents,
  state: end === 'charge' ? 'completed' : 'cancelled',
  code: null,
  movements: [
    { type: 'hold', cents, at },
    { type: end, cents, at, ...(reason ? { reason } : {}) },
  ],
});

/** The demo's three stories: (a) charged, (b) refunded, (c) one refunded and one charged. */
function ledger(orders: LedgerOrder[]): Ledger {
  const charged = orders
    .filter((o) => o.movements.some((m) => m.type === 'charge'))
    .reduce((s, o) => s + o.price_cents, 0);
  const refunded = orders
    .filter((o) => o.movements.some((m) => m.type === 'refund'))
    .reduce((s, o) => s + o.price_cents, 0);
  return {
    balance_cents: 500 - charged,
    held_cents: 0,
    deposits_cents: 500,
    charged_cents: charged,
    refunded_cents: refunded,
    orders,
  };
}

describe('the demo ledger check', () => {
  const three = [
    order(10, 'charge'),
    order(19, 'refund', 'cancelled'),
    order(10, 'refund', 'cancelled'),
    order(10, 'charge'),
  ];

  it('counts every story: two codes charged, two orders refunded', () => {
    expect(checkLedger(ledger(three), 500, { charged: 2, refunded: 2 })).toEqual({
      ok: true,
      line: 'charged $0.20 for 2 codes, refunded $0.29 for 2 orders; ledger balanced',
    });
  });

  it('fails when a story left its trace missing or a refund came from the window', () => {
    expect(checkLedger(ledger(three.slice(0, 2)), 500, { charged: 2, refunded: 2 })).toEqual({
      ok: false,
      reason: 'expected 2 charged orders, ledger has 1',
    });
    const expired = [...three.slice(0, 3), order(10, 'refund', 'expired')];
    expect(checkLedger(ledger(expired), 500, { charged: 1, refunded: 3 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"expired"'),
    });
  });
});
