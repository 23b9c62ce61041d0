import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { memoryStore } from '../../tests/soak/lane.ts';
import { createOrderMemo } from '../providers/order-once.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { providerFactories } from '../providers/registry.ts';
import type { Provider, ProviderId } from '../providers/types.ts';
import { createEngine, type OrderInput } from './engine.ts';
import type { OrderEffect } from './machine.ts';

// Start-up reconciliation, bulk polling and "request another SMS": the engine with the real
// adapters against the real sandbox, on one simulated clock the sandbox follows too.
const T0 = 1_800_000_000_000;
const clock = { t: T0 };
const now = () => clock.t;
let sb: Sandbox;
const served: string[] = [];
let keys = 0;

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    now,
    seed: 21,
    windowSeconds: 1200,
    earlyCancelSeconds: 120,
    rateLimitPerMinute: 100_000,
    log: (line) => served.push(line),
  });
});
afterAll(() => sb.close());

function setup(id: ProviderId) {
  const key = `coda_live_recovery${++keys}`;
  sb.ledger.deposit(key, 100_000);
  const provider: Provider = providerFactories[id](
    { providerId: id, apiKey: key, baseUrl: sb.url },
    { budget: createRateBudget({ perMinute: 100_000, now }), memo: createOrderMemo(), now },
  );
  const store = memoryStore();
  /** A worker: an engine over the shared store. A fresh one = a restarted worker. */
  const worker = () => {
    const effects: OrderEffect['type'][] = [];
    let ids = 0;
    const engine = createEngine({
      store,
      provider: async () => provider,
      now,
      newId: () => `${key}-${++ids}-${Math.random()}`,
      runEffect: async (_o, e) => void effects.push(e.type),
    });
    return { engine, effects };
  };
  return { key, store, provider, worker };
}

const discord: OrderInput = {
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 3, origin: 'https://discord.com', domain: 'discord.com' },
};

describe('start-up reconciliation (a browser restart)', () => {
  it('a code that came while closed is filled, shown and completed; expired ones refunded', async () => {
    const { key, worker } = setup('codasms');
    const before = worker().engine;
    const coded = await before.create(discord);
    const expired = await before.create({ ...discord, site: { ...discord.site, tabId: 4 } });
    const cancelled = await before.create({ ...discord, site: { ...discord.site, tabId: 5 } });
    clock.t += 121_000;
    await before.cancel(cancelled.id, 'user');
    // The cancel reached the provider, but the browser closed before the reply was stored.
    sb.ledger.cancel(key, cancelled.providerOrderId ?? '');
    sb.ledger.deliver(coded.phone ?? '', 'Your Discord code is 112358', '112358');
    // The browser stays closed past the window of the other order.
    clock.t = (expired.expiresAt ?? 0) + 60_000;

    const after = worker();
    const resolved = await after.engine.reconcile();
    const byId = new Map(resolved.map((o) => [o.id, o]));
    expect(byId.get(coded.id)).toMatchObject({ state: 'received', code: '112358' });
    expect(byId.get(expired.id)?.state).toBe('refunded');
    expect(byId.get(cancelled.id)?.state).toBe('refunded');
    expect(after.effects.filter((e) => e === 'fillCode' || e === 'notifyCode')).toEqual([
      'fillCode',
      'notifyCode',
    ]);
    // Its next step completes it; the provider's books agree and refunded each once.
    expect((await after.engine.step(coded.id, true))?.state).toBe('completed');
    const books = sb.ledger.ordersOf(key);
    expect(books.map((o) => o.movements.map((m) => m.type))).toEqual([
      ['hold', 'charge'],
      ['hold', 'refund'],
      ['hold', 'refund'],
    ]);
    expect(await after.engine.openOrders()).toEqual([]);
  });
});

const smsActivate = Object.hasOwn(providerFactories, 'smsactivate');

describe.runIf(smsActivate)('with the SMS-Activate protocol (bulk check, another SMS)', () => {
  it('one bulk request polls every open order, and the code found is taken', async () => {
    const { worker } = setup('smsactivate');
    const { engine } = worker();
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await engine.create(discord));
    sb.ledger.deliver(orders[1]?.phone ?? '', 'Your Discord code is 777001', '777001');
    clock.t += 10_000;
    const from = served.length;
    const settled = await engine.pollMany(orders.map((o) => o.id));
    const calls = served.slice(from).filter((l) => l.includes('/stubs/handler_api.php'));
    expect(calls).toHaveLength(1);
    expect(settled.size).toBe(3);
    const states = await Promise.all(
      orders.map(async (o) => (await engine.allOrders()).find((x) => x.id === o.id)),
    );
    expect(states.map((o) => o?.state)).toEqual(['waiting', 'received', 'waiting']);
    expect(states[1]?.code).toBe('777001');
  });

  it('"request another SMS" asks the provider, waits, and fills the new code; charged once', async () => {
    const { key, worker } = setup('smsactivate');
    const { engine, effects } = worker();
    const order = await engine.create(discord);
    sb.ledger.deliver(order.phone ?? '', 'Your Discord code is 424242', '424242');
    clock.t += 5_000;
    expect(await engine.step(order.id, true)).toMatchObject({ state: 'received', code: '424242' });
    // `complete` waits: completing would close the order to another SMS.
    expect((await engine.step(order.id, true))?.state).toBe('received');
    expect((await engine.requestAnotherSms(order.id))?.resend).toBe('requested');
    expect((await engine.step(order.id, true))?.resend).toBe('waiting');
    // The old code is repeated while the new SMS is awaited: nothing changes.
    clock.t += 2_000;
    expect(await engine.step(order.id, true)).toMatchObject({ code: '424242', resend: 'waiting' });
    sb.ledger.deliver(order.phone ?? '', 'Your Discord code is 515151', '515151');
    clock.t += 2_000;
    expect(await engine.step(order.id, true)).toMatchObject({
      state: 'received',
      code: '515151',
      resend: null,
    });
    expect(effects.filter((e) => e === 'fillCode')).toHaveLength(2);
    clock.t += 130_000;
    expect((await engine.step(order.id, true))?.state).toBe('completed');
    const [books] = sb.ledger.ordersOf(key);
    expect(books?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(books?.state).toBe('completed');
  });
});
