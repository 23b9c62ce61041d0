import { describe, expect, it } from 'vitest';
import { money } from '../../lib/money.ts';
import { VISIT_GAP_MS, type SpendLimits } from '../../lib/orders/limits.ts';
import { createOrder } from '../../lib/orders/machine.ts';
import type { Order, OrderState } from '../../lib/orders/types.ts';
import { limitBreaches } from '../soak/audit.ts';

// The soak's check that the spending limits held: it must see a breach when there is one.
const NOON = new Date(2026, 11, 4, 12, 0).getTime();
let ids = 0;

function ended(state: OrderState, cents: number, at: number, tabId = 1): Order {
  const id = `o${++ids}`;
  const base = createOrder(
    {
      id,
      idempotencyKey: id,
      providerId: 'codasms',
      service: { code: 'ds', name: 'Discord' },
      country: { code: '6', name: 'Indonesia', iso: 'ID' },
      tier: 'standard',
      maxPrice: money(cents, 'USD'),
      site: { tabId, origin: 'https://discord.com', domain: 'discord.com' },
    },
    at,
  );
  return { ...base, state, price: money(cents, 'USD'), providerOrderId: `p-${id}` };
}

const limits: SpendLimits = { dailyCap: money(100, 'USD'), balanceFloor: null, ordersPerVisit: 2 };

describe('limitBreaches', () => {
  it('finds a day whose charged orders cost more than the cap', () => {
    const orders = [ended('completed', 60, NOON, 1), ended('completed', 50, NOON + 1, 2)];
    expect(limitBreaches(orders, limits)).toHaveLength(1);
  });

  it('refunded orders cost nothing; another day has its own cap', () => {
    const tomorrow = NOON + 24 * 3_600_000;
    const orders = [
      ended('completed', 60, NOON, 1),
      ended('refunded', 80, NOON + 1, 2),
      ended('completed', 60, tomorrow, 3),
    ];
    expect(limitBreaches(orders, limits)).toEqual([]);
  });

  it('finds a visit with more numbers than allowed, not two visits apart', () => {
    const three = [0, 1, 2].map((i) => ended('refunded', 10, NOON + i * 60_000));
    expect(limitBreaches(three, limits)).toHaveLength(1);
    const apart = [0, 1, 2].map((i) => ended('refunded', 10, NOON + i * (VISIT_GAP_MS + 1)));
    expect(limitBreaches(apart, limits)).toEqual([]);
  });
});
