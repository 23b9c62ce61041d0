import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { memoryStore } from '../../tests/soak/lane.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import type { Money } from '../money.ts';
import { createEngine, type OrderInput } from './engine.ts';
import { LimitError, type LimitRefusal, type SpendLimits } from './limits.ts';

// Spending limits as the engine enforces them, for every order it places, against the real
// CODASMS adapter and the sandbox's ledger: a refused order buys nothing.
let sb: Sandbox;
let keys = 0;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 5, windowSeconds: 1200, rateLimitPerMinute: 100_000 });
});
afterAll(() => sb.close());

const usd = (cents: number): Money => ({ cents, currency: 'USD' });
const discord = (maxCents: number, tabId = 4): OrderInput => ({
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: usd(maxCents),
  site: { tabId, origin: 'https://discord.com', domain: 'discord.com' },
});

async function setup(limits: SpendLimits, balanceCents = 1000) {
  const key = `coda_live_limits${++keys}`;
  sb.ledger.deposit(key, balanceCents);
  const budget = createRateBudget({ perMinute: 100_000, now: Date.now });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now: Date.now });
  const store = memoryStore();
  let n = 0;
  const engine = createEngine({
    store,
    provider: async () => provider,
    now: Date.now,
    newId: () => `${key}-${++n}`,
    runEffect: async () => undefined,
    spend: { limits: async () => limits, balance: async () => provider.balance() },
  });
  const bought = async () => (await store.all()).filter((o) => o.providerOrderId !== null).length;
  return { engine, store, bought };
}

async function refusalOf(p: Promise<unknown>): Promise<LimitRefusal | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof LimitError) return e.refusal;
    throw e;
  }
}

describe('spending limits in the engine', () => {
  it('refuses the order that would pass the daily cap, and buys nothing for it', async () => {
    const limits: SpendLimits = { dailyCap: null, balanceFloor: null, ordersPerVisit: null };
    const { engine, bought } = await setup(limits);
    const first = await engine.create(discord(20, 1));
    // Room for exactly one more order at its cap of 20: what the first cost counts.
    limits.dailyCap = usd((first.price?.cents ?? 0) + 20);
    await engine.create(discord(20, 2));
    const refused = await refusalOf(engine.create(discord(20, 3)));
    expect(refused).toMatchObject({ limit: 'daily', cap: limits.dailyCap });
    expect(await bought()).toBe(2);
  });

  it('lets only one of two orders at once through a cap with room for one', async () => {
    const { engine, bought } = await setup({
      dailyCap: usd(30),
      balanceFloor: null,
      ordersPerVisit: null,
    });
    const results = await Promise.allSettled([
      engine.create(discord(20, 1)),
      engine.create(discord(20, 2)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await bought()).toBe(1);
  });

  it('frees the cap once an order is refunded', async () => {
    const limits: SpendLimits = { dailyCap: null, balanceFloor: null, ordersPerVisit: null };
    const { engine } = await setup(limits);
    const first = await engine.create(discord(20, 1));
    limits.dailyCap = usd((first.price?.cents ?? 0) + 19);
    expect(await engine.refusal(discord(20, 2))).toMatchObject({ limit: 'daily' });
    // "Try another number" on the first: its money comes back, so the replacement fits.
    expect(await engine.refusal(discord(20, 1), first.id)).toBeNull();
  });

  it('keeps the balance floor', async () => {
    const { engine, bought } = await setup(
      { dailyCap: null, balanceFloor: usd(990), ordersPerVisit: null },
      1000,
    );
    const refused = await refusalOf(engine.create({ ...discord(20), providerId: 'codasms' }));
    expect(refused).toMatchObject({ limit: 'floor', floor: usd(990), balance: usd(1000) });
    expect(await bought()).toBe(0);
  });

  it('counts numbers per site visit, swaps included', async () => {
    const { engine } = await setup({ dailyCap: null, balanceFloor: null, ordersPerVisit: 2 });
    const first = await engine.create(discord(20));
    await engine.cancel(first.id, 'another');
    await engine.create({ ...discord(20), previousOrderId: first.id });
    const refused = await refusalOf(engine.create(discord(20)));
    expect(refused).toEqual({ limit: 'visit', max: 2, domain: 'discord.com' });
    // Another tab is another visit.
    await expect(engine.create(discord(20, 9))).resolves.toMatchObject({ state: 'waiting' });
  });
});
