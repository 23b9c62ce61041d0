import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { memoryStore } from '../../tests/soak/lane.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { createEngine, type Engine } from '../orders/engine.ts';
import { DEFAULT_LIMITS, type SpendLimits } from '../orders/limits.ts';
import { DEFAULT_NO_SMS, type NoSmsPolicy, type PageStep } from '../orders/no-sms.ts';
import type { Order } from '../orders/types.ts';
import { createNoSmsWatch } from './no-sms.ts';
import { anotherNumber, orderAgainInput } from './another-number.ts';

// The background's no-SMS watch with the real engine, the real CODASMS adapter and the
// sandbox's ledger: what it does after N minutes without an SMS, with money checked where the
// provider keeps it. The page's answer is given by the test; the e2e asks a real page.

const MIN = 60_000;
let clock = Date.now();
const now = () => clock;
let sb: Sandbox;
let keys = 0;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 9, now, rateLimitPerMinute: 100_000 });
});
afterAll(() => sb.close());

interface Setup {
  policy?: Partial<NoSmsPolicy>;
  limits?: SpendLimits;
  /** The options' price cap in cents; null: none. */
  priceCap?: number | null;
}

async function setup({
  policy = {},
  limits = { ...DEFAULT_LIMITS, dailyCap: null },
  priceCap = null,
}: Setup) {
  const key = `coda_live_nosms${++keys}`;
  sb.ledger.deposit(key, 1000);
  const budget = createRateBudget({ perMinute: 100_000, now });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now });
  const store = memoryStore();
  let n = 0;
  // The background's wiring: "try another number" orders the chosen replacement (index.ts).
  const engine: Engine = createEngine({
    store,
    provider: async () => provider,
    now,
    newId: () => `${key}-${++n}`,
    runEffect: async (o, effect) => {
      if (effect.type === 'orderAgain') await engine.create(orderAgainInput(o));
    },
    spend: { limits: async () => limits, balance: async () => provider.balance() },
  });
  const page = { step: 'phone' as PageStep, asked: 0 };
  const swaps: string[] = [];
  const deps = {
    engine,
    now,
    policy: async () => ({ ...DEFAULT_NO_SMS, ...policy }),
    swap: async (id: string) => {
      swaps.push(id);
      // The popup's replacement choice, over the sandbox's offers as the provider reads them.
      return anotherNumber(
        {
          engine,
          offers: (service) => provider.offers(service),
          siteCountries: async () => null,
          priceCapCents: async () => priceCap,
        },
        id,
      );
    },
    page: async () => {
      page.asked += 1;
      return page.step;
    },
  };
  const order = await engine.create({
    service: { code: 'ds', name: 'Discord' },
    country: { code: '6', name: 'Indonesia', iso: 'ID' },
    tier: 'standard',
    maxPrice: { cents: 100, currency: 'USD' },
    site: { tabId: 3, origin: 'https://discord.com', domain: 'discord.com' },
  });
  const ledgerOf = (o: Order) =>
    sb.ledger.ordersOf(key).find((l) => l.id === o.providerOrderId) ?? null;
  /** Steps every open order (the scheduler's pass), then the watch looks. */
  const pass = async (watch = createNoSmsWatch(deps)) => {
    for (const o of await engine.openOrders()) await engine.step(o.id, true);
    await watch();
    for (const o of await engine.openOrders()) await engine.step(o.id, true);
  };
  return { engine, store, order, page, swaps, deps, pass, ledgerOf, key };
}

const later = (ms: number) => void (clock += ms);
const newest = async (engine: Engine) =>
  (await engine.allOrders()).sort((a, b) => b.createdAt - a.createdAt)[0];

describe('no SMS within N minutes', () => {
  it('swap automatically: after N minutes the number is given back and another one bought', async () => {
    const s = await setup({ policy: { when: 'swap' } });
    later(3 * MIN - 1000);
    await s.pass();
    expect(s.swaps).toEqual([]);
    expect(s.page.asked).toBe(0);

    later(1000);
    await s.pass();
    expect(s.swaps).toEqual([s.order.id]);
    const first = await s.engine.allOrders().then((all) => all.find((o) => o.id === s.order.id));
    expect(first?.state).toBe('refunded');
    expect(first?.noSms).toMatchObject({ outcome: 'swapped', minutes: 3 });
    expect(s.ledgerOf(s.order)?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    const second = await newest(s.engine);
    expect(second?.previousOrderId).toBe(s.order.id);
    expect(second?.state).toBe('waiting');
    expect(second?.maxPrice).toEqual(s.order.maxPrice);
  });

  it('stops at K swaps per visit and says so on the order', async () => {
    const s = await setup({ policy: { when: 'swap', maxSwaps: 2 } });
    for (let i = 0; i < 3; i++) {
      later(3 * MIN);
      await s.pass();
    }
    expect(s.swaps).toHaveLength(2);
    const third = await newest(s.engine);
    expect(third?.state).toBe('waiting');
    expect(third?.noSms).toMatchObject({ outcome: 'stopped', reason: 'max' });
  });

  it('stops when the page moved on from the phone step: the number stays', async () => {
    const s = await setup({ policy: { when: 'swap' } });
    s.page.step = 'moved';
    later(3 * MIN);
    await s.pass();
    expect(s.swaps).toEqual([]);
    const order = await s.engine.allOrders().then((all) => all[0]);
    expect(order?.state).toBe('waiting');
    expect(order?.noSms).toMatchObject({ outcome: 'stopped', reason: 'page' });
    expect(s.ledgerOf(s.order)?.movements.map((m) => m.type)).toEqual(['hold']);
  });

  it('a page that does not answer is asked again on the next pass', async () => {
    const s = await setup({ policy: { when: 'swap' } });
    s.page.step = 'unknown';
    later(3 * MIN);
    await s.pass();
    expect(s.swaps).toEqual([]);
    s.page.step = 'phone';
    await s.pass();
    expect(s.swaps).toEqual([s.order.id]);
  });

  it('stops when a spending limit refuses the replacement, before the number is given up', async () => {
    const s = await setup({
      policy: { when: 'swap' },
      limits: { dailyCap: null, balanceFloor: null, ordersPerVisit: 1 },
    });
    later(3 * MIN);
    await s.pass();
    const order = (await s.engine.allOrders())[0];
    expect(order?.state).toBe('waiting');
    expect(order?.noSms).toMatchObject({ outcome: 'stopped', reason: 'limit' });
    expect(await s.engine.allOrders()).toHaveLength(1);
  });

  it('stops and keeps the number when its offer sold out and no other fits the price cap', async () => {
    const s = await setup({ policy: { when: 'swap' }, priceCap: 1 });
    later(3 * MIN);
    sb.ledger.catalog.restock('ds', '6', 'standard', 0);
    try {
      await s.pass();
    } finally {
      sb.ledger.catalog.restock('ds', '6', 'standard', 50);
    }
    const all = await s.engine.allOrders();
    expect(all).toHaveLength(1);
    expect(all[0]?.state).toBe('waiting');
    expect(all[0]?.noSms).toMatchObject({ outcome: 'stopped', reason: 'offer' });
    expect(all[0]?.replacement).toMatchObject({ kind: 'none', reason: { why: 'above_cap' } });
  });

  it('ask: marks the order for the popup, swaps nothing, never asks the page', async () => {
    const s = await setup({});
    later(3 * MIN);
    await s.pass();
    const order = (await s.engine.allOrders())[0];
    expect(order?.state).toBe('waiting');
    expect(order?.noSms).toMatchObject({ outcome: 'asked', minutes: 3 });
    expect(s.swaps).toEqual([]);
    expect(s.page.asked).toBe(0);
  });

  it('wait for the window: nothing changes', async () => {
    const s = await setup({ policy: { when: 'wait' } });
    later(10 * MIN);
    await s.pass();
    const order = (await s.engine.allOrders())[0];
    expect(order?.state).toBe('waiting');
    expect(order?.noSms ?? null).toBeNull();
  });

  it('a worker stopped between the mark and the cancel: a fresh watch finishes the swap', async () => {
    const s = await setup({ policy: { when: 'swap' } });
    later(3 * MIN);
    // The first worker marked the order, then died before the cancel.
    const dying = createNoSmsWatch({
      ...s.deps,
      swap: () => Promise.reject(new Error('worker stopped')),
    });
    await dying();
    const marked = (await s.engine.allOrders())[0];
    expect(marked?.noSms?.outcome).toBe('swapped');
    expect(marked?.state).toBe('waiting');

    await s.pass(createNoSmsWatch(s.deps));
    expect(s.swaps).toEqual([s.order.id]);
    expect(s.ledgerOf(s.order)?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(await s.engine.allOrders()).toHaveLength(2);
  });
});
