import { discordOrder } from '../../tests/support/orders.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import {
  checkLimits,
  DEFAULT_LIMITS,
  startOfDay,
  VISIT_GAP_MS,
  type LimitCheck,
  type SpendLimits,
} from './limits.ts';
import type { Order, OrderState } from './types.ts';

const NOON = new Date(2026, 11, 4, 12, 0).getTime();
const usd = (cents: number) => money(cents, 'USD');
let ids = 0;

function order(state: OrderState, cents: number, extra: Partial<Order> = {}): Order {
  const id = `o${++ids}`;
  const base = discordOrder(NOON - 60_000, {
    id,
    maxPrice: usd(cents),
    site: { tabId: 7, origin: 'https://discord.com', domain: 'discord.com' },
  });
  return {
    ...base,
    state,
    price: state === 'ordering' ? null : usd(cents),
    providerOrderId: state === 'ordering' ? null : `p-${id}`,
    ...extra,
  };
}

const check = (over: Partial<LimitCheck> = {}) =>
  checkLimits({
    orders: [],
    limits: DEFAULT_LIMITS,
    price: usd(100),
    balance: usd(10_000),
    site: { tabId: 7, domain: 'discord.com' },
    now: NOON,
    ...over,
  });

describe('daily spending cap', () => {
  it('refuses an order that would take today past the cap, saying what was spent', () => {
    const orders = [order('completed', 250), order('waiting', 200)];
    expect(
      check({ orders, price: usd(60), limits: { ...DEFAULT_LIMITS, ordersPerVisit: null } }),
    ).toEqual({ limit: 'daily', cap: usd(500), spent: usd(450) });
    // Up to the cap exactly is fine.
    expect(
      check({ orders, price: usd(50), limits: { ...DEFAULT_LIMITS, ordersPerVisit: null } }),
    ).toBeNull();
  });

  it('refunded and failed orders cost nothing; yesterday does not count', () => {
    const yesterday = startOfDay(NOON) - 60_000;
    const orders = [
      order('refunded', 400),
      order('failed', 400),
      order('completed', 400, { createdAt: yesterday }),
    ];
    expect(check({ orders, limits: { ...DEFAULT_LIMITS, ordersPerVisit: null } })).toBeNull();
  });

  it('an order still being bought counts at its price cap', () => {
    const orders = [order('ordering', 450)];
    expect(check({ orders, limits: { ...DEFAULT_LIMITS, ordersPerVisit: null } })?.limit).toBe(
      'daily',
    );
  });

  it('a cap set in dollars still protects an account in roubles, at about $5', () => {
    const rub = (c: number) => money(c, 'RUB');
    const limits: SpendLimits = { ...DEFAULT_LIMITS, ordersPerVisit: null };
    expect(check({ limits, price: rub(40_000), balance: rub(100_000) })).toBeNull();
    expect(check({ limits, price: rub(60_000), balance: rub(100_000) })).toMatchObject({
      limit: 'daily',
      cap: rub(50_000),
    });
  });

  it('no cap: any amount', () => {
    expect(check({ price: usd(100_000), limits: { ...DEFAULT_LIMITS, dailyCap: null } })).toBe(
      null,
    );
  });
});

describe('balance floor', () => {
  const limits: SpendLimits = { ...DEFAULT_LIMITS, balanceFloor: usd(100) };
  it('refuses an order that would take the balance under the floor', () => {
    expect(check({ limits, balance: usd(150), price: usd(60) })).toEqual({
      limit: 'floor',
      floor: usd(100),
      balance: usd(150),
    });
    expect(check({ limits, balance: usd(160), price: usd(60) })).toBeNull();
  });

  it('an unknown balance is not guessed at', () => {
    expect(check({ limits, balance: null, price: usd(60) })).toBeNull();
  });
});

describe('numbers per site visit', () => {
  it('the fourth number in one visit is refused, swaps included', () => {
    const orders = [
      order('refunded', 10, { createdAt: NOON - 20 * 60_000 }),
      order('refunded', 10, { createdAt: NOON - 10 * 60_000 }),
      order('waiting', 10, { createdAt: NOON - 60_000 }),
    ];
    expect(check({ orders })).toEqual({ limit: 'visit', max: 3, domain: 'discord.com' });
  });

  it('a new visit after a long pause, another tab or another site starts again', () => {
    const later = [
      order('refunded', 10, { createdAt: NOON - VISIT_GAP_MS - 3 * 60_000 }),
      order('refunded', 10, { createdAt: NOON - VISIT_GAP_MS - 2 * 60_000 }),
      order('refunded', 10, { createdAt: NOON - VISIT_GAP_MS - 60_000 }),
    ];
    expect(check({ orders: later })).toBeNull();
    const three = [order('refunded', 10), order('refunded', 10), order('waiting', 10)];
    expect(check({ orders: three, site: { tabId: 8, domain: 'discord.com' } })).toBeNull();
    expect(check({ orders: three, site: { tabId: 7, domain: 'telegram.org' } })).toBeNull();
  });

  it('an order that failed before buying a number does not count', () => {
    const orders = [
      order('failed', 10, { providerOrderId: null }),
      order('failed', 10, { providerOrderId: null }),
      order('refunded', 10),
    ];
    expect(check({ orders })).toBeNull();
  });
});

describe('property', () => {
  it('whatever was ordered before, an order check never lets today pass the cap', () => {
    const states: OrderState[] = ['ordering', 'waiting', 'received', 'completed', 'refunded'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...states), fc.integer({ min: 1, max: 300 })), {
          maxLength: 20,
        }),
        fc.integer({ min: 1, max: 300 }),
        (placed, next) => {
          const orders = placed.map(([state, cents]) => order(state, cents));
          const limits = { ...DEFAULT_LIMITS, ordersPerVisit: null };
          const held = (o: Order) =>
            o.state === 'refunded' ? 0 : (o.price?.cents ?? o.maxPrice?.cents ?? 0);
          const spent = orders.reduce((s, o) => s + held(o), 0);
          const refused = check({ orders, limits, price: usd(next) }) !== null;
          expect(refused).toBe(spent + next > 500);
        },
      ),
    );
  });
});
