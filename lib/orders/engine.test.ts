import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import type { Provider } from '../providers/types.ts';
import { MAX_SMS_TEXT } from '../sms/extract-code.ts';
import { createEngine, type Engine, type OrderInput, type OrderStore } from './engine.ts';
import type { OrderEffect } from './machine.ts';
import type { OrderChange } from './order-writes.ts';
import type { Order } from './types.ts';

// Engine + real CODASMS adapter + real sandbox, on one simulated clock (the sandbox's window
// and early-cancel lock follow it too), with an in-memory store and a recording effect runner.
const T0 = 1_800_000_000_000;
const clock = { t: T0 };
const now = () => clock.t;
let sb: Sandbox;
const log: string[] = [];
let keys = 0;

const LedgerView = z.object({
  balance_cents: z.number(),
  charged_cents: z.number(),
  refunded_cents: z.number(),
  orders: z.array(
    z.object({
      order_id: z.string(),
      number: z.string(),
      state: z.string(),
      movements: z.array(
        z.object({ type: z.string(), reason: z.enum(['expired', 'cancelled']).optional() }),
      ),
    }),
  ),
});

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sb.url}/control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`control ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const ledger = async (key: string) => LedgerView.parse(await control(`ledger?key=${key}`));
const sms = (phone: string | null, text: string) => control('sms', { phone, text });

/** Like extension storage: values are copied in and out, and a write can be made to fail. */
function memoryStore() {
  const orders = new Map<string, Order>();
  const store: OrderStore & { failPuts: number } = {
    failPuts: 0,
    all: async () => [...orders.values()].map((o) => structuredClone(o)),
    get: async (id) => {
      const o = orders.get(id);
      return o ? structuredClone(o) : null;
    },
    put: async (order) => {
      if (store.failPuts > 0) {
        store.failPuts--;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      orders.set(order.id, structuredClone(order));
    },
  };
  return store;
}

interface Setup {
  key: string;
  store: ReturnType<typeof memoryStore>;
  provider: Provider;
  engine: Engine;
  effects: string[];
  failEffects: Set<OrderEffect['type']>;
}

let ids = 0;
function engineOver(
  store: Setup['store'],
  provider: Provider,
  effects: string[],
  fail = new Set<OrderEffect['type']>(),
  onChange?: OrderChange,
) {
  return createEngine({
    store,
    onChange,
    // Like the background, which reads the provider settings from storage first.
    provider: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return provider;
    },
    now,
    newId: () => `id-${++ids}`,
    runEffect: async (_order, effect) => {
      effects.push(effect.type);
      if (fail.has(effect.type)) throw new Error(`the tab is gone (${effect.type})`);
    },
  });
}

async function setup(cents = 10_000): Promise<Setup> {
  const key = `coda_live_engine${++keys}`;
  await control('accounts', { key, balance_cents: cents });
  const budget = createRateBudget({ perMinute: 100_000, now });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now });
  const store = memoryStore();
  const effects: string[] = [];
  const failEffects = new Set<OrderEffect['type']>();
  return {
    key,
    store,
    provider,
    effects,
    failEffects,
    engine: engineOver(store, provider, effects, failEffects),
  };
}

const discord: OrderInput = {
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 7, origin: 'https://discord.com', domain: 'discord.com' },
};

const pollsIn = (from: number) =>
  log.slice(from).filter((l) => l.startsWith('POST /v1/orders/status ')).length;

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    now,
    seed: 11,
    windowSeconds: 1200,
    earlyCancelSeconds: 120,
    rateLimitPerMinute: 100_000,
    log: (line) => log.push(line),
  });
});
afterAll(() => sb.close());

describe('order engine with the CODASMS adapter and the sandbox', () => {
  it('create: the order is waiting with its phone, stored, and the phone is filled', async () => {
    const { key, engine, store, effects } = await setup();
    const order = await engine.create(discord);
    const view = await ledger(key);
    expect(order.state).toBe('waiting');
    expect(order.phone).toBe(view.orders[0]?.number);
    expect(order.phone).toMatch(/^\+62\d+$/);
    expect(order.price?.cents).toBeGreaterThan(0);
    expect(await store.get(order.id)).toEqual(order);
    expect(effects).toEqual(['fillPhone']);
  });

  it('an SMS makes it received (code filled, user told), then completed and charged', async () => {
    const { key, engine, effects } = await setup();
    const order = await engine.create(discord);
    expect((await engine.step(order.id, true))?.state).toBe('waiting');
    await sms(order.phone, 'Your Discord verification code is 731905');
    const received = await engine.step(order.id, true);
    expect(received).toMatchObject({ state: 'received', code: '731905' });
    expect(received?.smsText).toContain('731905');
    expect(effects).toEqual(['fillPhone', 'fillCode', 'notifyCode']);
    expect((await engine.step(order.id, true))?.state).toBe('completed');
    expect(await engine.openOrders()).toEqual([]);
    expect((await ledger(key)).charged_cents).toBe(order.price?.cents);
  });

  it('onChange hears of real changes; a poll that only repeats "waiting" is not even stored', async () => {
    const { provider } = await setup();
    const store = memoryStore();
    const puts = vi.spyOn(store, 'put');
    const seen: string[] = [];
    const engine = engineOver(store, provider, [], new Set(), (o, prev) =>
      seen.push(`${prev?.state ?? 'new'}>${o.state}`),
    );
    const order = await engine.create(discord);
    const poll = async () => {
      clock.t += 5_000;
      return engine.step(order.id, true);
    };
    await poll();
    const writes = puts.mock.calls.length;
    for (let i = 0; i < 3; i++) await poll();
    expect(puts.mock.calls.length).toBe(writes);
    expect(seen).toEqual(['new>ordering', 'ordering>waiting', 'waiting>waiting']);
    await sms(order.phone, 'Your Discord verification code is 731905');
    expect(await poll()).toMatchObject({ state: 'received' });
    expect(seen.at(-1)).toBe('waiting>received');
    const stored = await store.get(order.id);
    expect(stored?.replies?.find((r) => r.what === 'waiting')?.count).toBe(4);
  });

  it('a user cancel after the early-cancel lock is refunded', async () => {
    const { key, engine, effects } = await setup(10_000);
    const order = await engine.create(discord);
    clock.t += 121_000;
    expect((await engine.cancel(order.id, 'user'))?.state).toBe('cancelling');
    expect(await engine.step(order.id, false)).toMatchObject({ state: 'refunded' });
    expect(effects).toEqual(['fillPhone', 'notifyRefund']);
    const view = await ledger(key);
    expect(view.orders[0]?.movements.at(-1)).toEqual({ type: 'refund', reason: 'cancelled' });
    expect(view.balance_cents).toBe(10_000);
  });

  it('a user cancel is refunded at once: CODASMS has no early-cancel lock', async () => {
    const { key, engine } = await setup(10_000);
    const order = await engine.create(discord);
    clock.t += 1_000;
    await engine.cancel(order.id, 'user');
    expect(await engine.step(order.id, false)).toMatchObject({ state: 'refunded' });
    expect((await ledger(key)).balance_cents).toBe(10_000);
  });

  it('a server that refuses an early cancel: retried at the time it names, across a restart, and a code arriving meanwhile is kept', async () => {
    await control('quirks', { quirks: ['codasms_cancel_lock'] });
    try {
      const { key, engine, store, provider } = await setup();
      const order = await engine.create(discord);
      clock.t += 10_000;
      await engine.cancel(order.id, 'user');
      // Refused: the engine keeps polling and remembers when the cancel may go.
      const refused = await engine.step(order.id, true);
      expect(refused).toMatchObject({ state: 'cancelling', cancelAllowedAt: clock.t + 110_000 });
      // A restart (a fresh engine on the stored orders) does not ask again before that time.
      const cancels = vi.fn(provider.cancel);
      const restarted = engineOver(store, { ...provider, cancel: cancels }, [], new Set());
      await restarted.reconcile();
      expect(cancels).not.toHaveBeenCalled();
      expect((await store.get(order.id))?.state).toBe('cancelling');
      await sms(order.phone, 'Your Discord verification code is 246810');
      clock.t += 200_000;
      expect(await restarted.step(order.id, true)).toMatchObject({
        state: 'received',
        code: '246810',
      });
      const view = await ledger(key);
      expect(view.refunded_cents).toBe(0);
      expect(view.charged_cents).toBe(order.price?.cents);
    } finally {
      await control('quirks', { quirks: [] });
    }
  });

  it('at the window end the engine cancels by itself and the money comes back', async () => {
    const { key, engine, effects } = await setup(10_000);
    const order = await engine.create(discord);
    // Inside our safety margin, before the provider's own timer.
    clock.t = (order.expiresAt ?? 0) - 5_000;
    const ended = await engine.step(order.id, false);
    expect(ended).toMatchObject({ state: 'refunded', cancelReason: 'window' });
    expect(effects).toEqual(['fillPhone', 'notifyRefund']);
    const view = await ledger(key);
    expect(view.orders[0]?.movements.at(-1)).toEqual({ type: 'refund', reason: 'cancelled' });
    expect(view.balance_cents).toBe(10_000);
  });

  it('an order the provider already expired ends refunded too', async () => {
    const { engine } = await setup();
    const order = await engine.create(discord);
    clock.t = (order.expiresAt ?? 0) + 60_000;
    expect((await engine.step(order.id, true))?.state).toBe('refunded');
  });

  it('"try another number" cancels, then asks for the same order again', async () => {
    const { engine, effects } = await setup();
    const order = await engine.create(discord);
    clock.t += 121_000;
    await engine.cancel(order.id, 'another');
    expect((await engine.step(order.id, false))?.state).toBe('refunded');
    expect(effects).toEqual(['fillPhone', 'notifyRefund', 'orderAgain']);
  });

  it('a number the site rejected is cancelled as a ban (where the provider has one)', async () => {
    const { engine, effects, provider } = await setup();
    const cancel = vi.spyOn(provider, 'cancel');
    const order = await engine.create(discord);
    await engine.apply(order.id, { type: 'rejected', text: 'This number cannot be used.' });
    clock.t += 121_000;
    await engine.cancel(order.id, 'another');
    const after = await engine.step(order.id, false);
    expect(after?.state).toBe('refunded');
    expect(after?.rejectedBySite?.text).toBe('This number cannot be used.');
    expect(cancel).toHaveBeenCalledWith(order.providerOrderId, { ban: true });
    expect(effects).toEqual(['fillPhone', 'notifyRejected', 'notifyRefund', 'orderAgain']);
  });

  it('a fresh engine over the same store (a killed worker) resumes and gets the code', async () => {
    const first = await setup();
    const order = await first.engine.create(discord);
    await sms(order.phone, 'Your Discord verification code is 905511');
    const effects: string[] = [];
    const revived = engineOver(first.store, first.provider, effects);
    expect((await revived.openOrders()).map((o) => o.id)).toEqual([order.id]);
    expect(await revived.step(order.id, true)).toMatchObject({ state: 'received', code: '905511' });
    expect(effects).toEqual(['fillCode', 'notifyCode']);
  });

  it('a hostile provider padding the SMS to 1 MB: the code is kept, the text stored capped', async () => {
    const first = await setup();
    const order = await first.engine.create(discord);
    await sms(order.phone, 'Your Discord verification code is 318204.');
    // The sandbox's real reply, padded the way a hostile or broken provider could.
    const padded: Provider = {
      ...first.provider,
      check: async (id, options) => {
        const status = await first.provider.check(id, options);
        return status.kind === 'code'
          ? { ...status, text: `${status.text ?? ''} ${'code 123456 '.repeat(90_000)}` }
          : status;
      },
    };
    const engine = engineOver(first.store, padded, []);
    const started = performance.now();
    const received = await engine.step(order.id, true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(received).toMatchObject({ state: 'received', code: '318204' });
    expect(received?.smsText?.length).toBeLessThanOrEqual(MAX_SMS_TEXT);
    expect((await first.store.get(order.id))?.smsText?.length).toBeLessThanOrEqual(MAX_SMS_TEXT);
  });

  it('a failed store write after buying loses nothing and never buys twice', async () => {
    const { key, engine, store, effects } = await setup();
    const created = await engine.create(discord);
    expect(created.state).toBe('waiting');
    // Next order: the write of "placed" fails once (storage full, worker killed mid-write).
    const before = effects.length;
    const input = { ...discord, site: { ...discord.site, tabId: 8 } };
    const put = store.put;
    let puts = 0;
    store.put = async (o) => {
      if (++puts === 2) throw new Error('QUOTA_BYTES quota exceeded');
      return put(o);
    };
    const stuck = await engine.create(input);
    store.put = put;
    expect(stuck.state).toBe('ordering');
    expect(stuck.lastError?.kind).toBe('network');
    // Bought at the provider but not recorded here: the retry reuses the idempotency key.
    expect((await ledger(key)).orders).toHaveLength(2);
    clock.t = stuck.retryAt;
    const resumed = await engine.step(stuck.id, true);
    expect(resumed?.state).toBe('waiting');
    const view = await ledger(key);
    expect(view.orders).toHaveLength(2);
    expect(view.orders[1]?.number).toBe(resumed?.phone);
    expect(effects.slice(before)).toEqual(['fillPhone']);
  });

  it('a failing effect (the tab closed) never loses the order or its code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { engine, store, failEffects } = await setup();
    failEffects.add('fillPhone');
    failEffects.add('fillCode');
    const order = await engine.create(discord);
    expect(order.state).toBe('waiting');
    expect((await store.get(order.id))?.state).toBe('waiting');
    await sms(order.phone, 'Your Discord verification code is 135790');
    await engine.step(order.id, true);
    expect(await store.get(order.id)).toMatchObject({ state: 'received', code: '135790' });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('two steps of one order at once make one provider call, not two', async () => {
    const { engine } = await setup();
    const order = await engine.create(discord);
    const from = log.length;
    await Promise.all([engine.step(order.id, true), engine.step(order.id, true)]);
    expect(pollsIn(from)).toBe(1);
  });

  it('an order that cannot be bought fails and tells the user, holding nothing', async () => {
    const { key, engine, effects } = await setup(0);
    const order = await engine.create(discord);
    expect(order).toMatchObject({ state: 'failed', lastError: { kind: 'no_balance' } });
    expect(effects).toEqual(['notifyFailed']);
    expect(await engine.openOrders()).toEqual([]);
    expect((await ledger(key)).orders).toEqual([]);
  });
});
