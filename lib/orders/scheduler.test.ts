import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { money } from '../money.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { createEngine, type Engine, type OrderInput, type OrderStore } from './engine.ts';
import { createOrder } from './machine.ts';
import { createScheduler, FAST_POLL_MS, pollIntervalMs, SLOW_POLL_MS } from './scheduler.ts';
import type { Order } from './types.ts';

const T0 = 1_800_000_000_000;
const clock = { t: T0 };
const now = () => clock.t;
let sb: Sandbox;
/** Every sandbox request with the simulated time it was served at. */
const served: { line: string; t: number }[] = [];
let keys = 0;

async function sms(phone: string | null, text: string): Promise<void> {
  const res = await fetch(`${sb.url}/control/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, text }),
  });
  if (!res.ok) throw new Error(`control sms: ${res.status}`);
}

function memoryStore(): OrderStore {
  const orders = new Map<string, Order>();
  return {
    all: async () => [...orders.values()].map((o) => structuredClone(o)),
    get: async (id) => structuredClone(orders.get(id) ?? null),
    put: async (order) => void orders.set(order.id, structuredClone(order)),
  };
}

let ids = 0;
/** The production wiring: one rate budget of 60/min shared by every call of the key. */
async function engineForNewKey(): Promise<Engine> {
  const key = `coda_live_sched${++keys}`;
  await fetch(`${sb.url}/control/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, balance_cents: 100_000 }),
  });
  const budget = createRateBudget({ perMinute: 60, now, sleep: async (ms) => advance(ms) });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now });
  return createEngine({
    store: memoryStore(),
    provider: async () => provider,
    now,
    newId: () => `id-${++ids}`,
    runEffect: async () => undefined,
  });
}

const discord: OrderInput = {
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 1, origin: 'https://discord.com', domain: 'discord.com' },
};

/** Simulated time passes; things scheduled for a moment happen when it is reached. */
let due: { at: number; run: () => Promise<void> }[] = [];
async function advance(ms: number): Promise<void> {
  clock.t += ms;
  const ready = due.filter((d) => d.at <= clock.t);
  due = due.filter((d) => d.at > clock.t);
  for (const d of ready) await d.run();
  await new Promise((resolve) => setImmediate(resolve));
}

function schedulerFor(engine: Engine, backstop: boolean[] = []) {
  return createScheduler({
    engine,
    now,
    rateLimitPerMinute: async () => 60,
    setBackstop: async (on) => void backstop.push(on),
    sleep: advance,
  });
}

const pollTimes = (from: number) =>
  served
    .slice(from)
    .filter((s) => s.line.startsWith('POST /v1/orders/status '))
    .map((s) => s.t);

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    now,
    seed: 5,
    rateLimitPerMinute: 60, // CODASMS's real limit, per key
    log: (line) => served.push({ line, t: clock.t }),
  });
});
afterAll(() => sb.close());

describe('pollIntervalMs', () => {
  const order = createOrder(
    {
      id: 'o1',
      idempotencyKey: 'k1',
      providerId: 'codasms',
      service: discord.service,
      country: discord.country,
      tier: 'standard',
      maxPrice: money(50),
      site: discord.site,
    },
    T0,
  );

  it('keeps all open orders together inside 70 % of the rate limit', () => {
    for (const open of [1, 3, 8, 20]) {
      const interval = pollIntervalMs(order, open, 60, undefined, T0);
      expect(interval).toBeGreaterThanOrEqual((open * 60_000) / (60 * 0.7));
      // Polls per minute over all orders.
      expect((open * 60_000) / interval).toBeLessThanOrEqual(42);
    }
  });

  it('polls fast right after the code field appeared, slower otherwise and later', () => {
    expect(pollIntervalMs(order, 1, 60, T0 - 1_000, T0)).toBe(FAST_POLL_MS);
    expect(pollIntervalMs(order, 1, 60, undefined, T0)).toBe(SLOW_POLL_MS);
    expect(pollIntervalMs(order, 1, 60, T0 - 10 * 60_000, T0)).toBe(SLOW_POLL_MS);
    expect(FAST_POLL_MS).toBeLessThan(SLOW_POLL_MS);
  });

  it('the budget wins over the fast cadence when many orders are open', () => {
    expect(pollIntervalMs(order, 10, 60, T0, T0)).toBeGreaterThanOrEqual(600_000 / 42);
  });
});

describe('scheduler loop with the engine, adapter and sandbox', () => {
  it('eight open orders stay inside the limit for minutes, then end; the backstop goes off', async () => {
    const engine = await engineForNewKey();
    const orders: Order[] = [];
    for (let i = 0; i < 8; i++) orders.push(await engine.create(discord));
    const start = clock.t;
    const from = served.length;
    due.push({
      at: start + 180_000,
      run: async () => {
        for (const o of orders) await sms(o.phone, 'Your Discord verification code is 555123');
      },
    });
    // When the scheduler lets each order poll.
    const pollsOf = new Map<string, number[]>();
    const watched: Engine = {
      ...engine,
      step: (id, pollDue) => {
        if (pollDue) pollsOf.set(id, [...(pollsOf.get(id) ?? []), clock.t]);
        return engine.step(id, pollDue);
      },
    };
    const backstop: boolean[] = [];
    await schedulerFor(watched, backstop).wake();

    // While all eight are open each waits out its share of the budget: 8 x 60 s / (60 x 0.7).
    const floor = (8 * 60_000) / (60 * 0.7);
    for (const all of pollsOf.values()) {
      const times = all.filter((t) => t < start + 180_000);
      expect(times.length).toBeGreaterThanOrEqual(12);
      for (let i = 1; i < times.length; i++) {
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(floor);
      }
    }
    const polls = pollTimes(from).filter((t) => t < start + 180_000);
    // On average 70 % of the limit; never more than the budget's 80 % in any minute; no 429.
    expect(polls.length).toBeLessThanOrEqual(8 + 3 * 42);
    expect(polls.length).toBeGreaterThanOrEqual(8 * 12);
    const minute = (t: number) => polls.filter((p) => p > t - 60_000 && p <= t).length;
    expect(Math.max(...polls.map(minute))).toBeLessThanOrEqual(48);
    expect(served.slice(from).some((s) => / 429 /.test(s.line))).toBe(false);
    expect((await engine.allOrders()).map((o) => o.state)).toEqual(Array(8).fill('completed'));
    expect(backstop).toEqual([true, false]);
  });

  it('polls fast once the page shows its code field', async () => {
    const engine = await engineForNewKey();
    const order = await engine.create(discord);
    const start = clock.t;
    const from = served.length;
    const scheduler = schedulerFor(engine);
    due.push({ at: start + 30_000, run: async () => scheduler.codeFieldVisible(order.id) });
    due.push({
      at: start + 50_000,
      run: () => sms(order.phone, 'Your Discord verification code is 777888'),
    });
    await scheduler.wake();

    const polls = pollTimes(from);
    const gaps = (list: number[]) => list.slice(1).map((t, i) => t - (list[i] ?? t));
    const slow = gaps(polls.filter((t) => t < start + 30_000));
    const fast = gaps(polls.filter((t) => t >= start + 30_000));
    expect(slow.length).toBeGreaterThanOrEqual(3);
    for (const gap of slow) expect(gap).toBeGreaterThanOrEqual(SLOW_POLL_MS);
    expect(fast.length).toBeGreaterThanOrEqual(5);
    for (const gap of fast) {
      expect(gap).toBeGreaterThanOrEqual(FAST_POLL_MS);
      expect(gap).toBeLessThan(SLOW_POLL_MS);
    }
    expect((await engine.allOrders())[0]?.state).toBe('completed');
  });

  it('a page showing its code field gets its poll from the reserve while the budget is spent', async () => {
    const key = `coda_live_sched${++keys}`;
    await fetch(`${sb.url}/control/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, balance_cents: 100_000 }),
    });
    // The production budget: 48 a minute, 6 of them kept for urgent polls.
    const budget = createRateBudget({ perMinute: 60, reserve: 6, now, sleep: (ms) => advance(ms) });
    const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now });
    const engine = createEngine({
      store: memoryStore(),
      provider: async () => provider,
      now,
      newId: () => `id-${++ids}`,
      runEffect: async () => undefined,
    });
    const order = await engine.create(discord);
    await sms(order.phone, 'Your Discord verification code is 246810');
    await advance(61_000);
    // Offers and orders of other tabs spent every normal request of the next minute.
    while (budget.available() > 0) await budget.take();
    const spentAt = clock.t;
    const from = served.length;
    const scheduler = schedulerFor(engine);
    due.push({ at: spentAt + 3_000, run: async () => scheduler.codeFieldVisible(order.id) });
    await scheduler.wake();

    // Routine polls did not queue for the spent budget; the urgent one went within a sleep.
    const polls = pollTimes(from);
    expect(polls.length).toBe(1);
    expect(polls[0]).toBeGreaterThanOrEqual(spentAt + 3_000);
    expect(polls[0]).toBeLessThanOrEqual(spentAt + 3_000 + SLOW_POLL_MS);
    expect(await engine.allOrders()).toMatchObject([{ state: 'completed', code: '246810' }]);
    expect(served.slice(from).some((s) => / 429 /.test(s.line))).toBe(false);
  });

  it('with no open orders the loop ends at once and turns the backstop off', async () => {
    const engine = await engineForNewKey();
    const backstop: boolean[] = [];
    const scheduler = schedulerFor(engine, backstop);
    await scheduler.wake();
    expect(backstop).toEqual([true, false]);
    expect(scheduler.running).toBe(false);
  });

  it('an order created while the loop is ending is not dropped', async () => {
    const engine = await engineForNewKey();
    const backstop: boolean[] = [];
    const late: { id: string | null } = { id: null };
    const scheduler = createScheduler({
      engine,
      now,
      rateLimitPerMinute: async () => 60,
      sleep: advance,
      setBackstop: async (on) => {
        backstop.push(on);
        if (on || late.id !== null) return;
        // While the alarm is being cleared the user orders a number (and its SMS is there).
        const order = await engine.create(discord);
        late.id = order.id;
        await sms(order.phone, 'Your Discord verification code is 424242');
        void scheduler.wake();
      },
    });
    await scheduler.wake();
    await waitUntilIdle(scheduler);
    expect(await engine.allOrders()).toMatchObject([{ state: 'completed', code: '424242' }]);
    expect(backstop.at(-1)).toBe(false);
  });

  it('an order created during the final pass is picked up by that loop', async () => {
    const engine = await engineForNewKey();
    const late: { id: string | null } = { id: null };
    const scheduler = createScheduler({
      engine: {
        ...engine,
        openOrders: async () => {
          const open = await engine.openOrders();
          if (open.length === 0 && late.id === null) {
            const order = await engine.create(discord);
            late.id = order.id;
            await sms(order.phone, 'Your Discord verification code is 313131');
            void scheduler.wake();
          }
          return open;
        },
      },
      now,
      rateLimitPerMinute: async () => 60,
      setBackstop: async () => undefined,
      sleep: advance,
    });
    await scheduler.wake();
    await waitUntilIdle(scheduler);
    expect(await engine.allOrders()).toMatchObject([{ state: 'completed', code: '313131' }]);
  });
});

/** Lets a loop that was (wrongly or rightly) restarted finish, within bounded real time. */
async function waitUntilIdle(scheduler: { running: boolean }): Promise<void> {
  for (let i = 0; i < 100 && scheduler.running; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
