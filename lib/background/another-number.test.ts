import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { sandboxControl, type SandboxControl } from '../../sandbox/control-client.ts';
import { createEngine, type Engine, type OrderInput, type OrderStore } from '../orders/engine.ts';
import { DEFAULT_LIMITS } from '../orders/limits.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import type { Offer, Provider } from '../providers/types.ts';
import type { Order } from '../orders/types.ts';
import { anotherNumber, orderAgainInput, type AnotherNumberDeps } from './another-number.ts';

// "Cancel and get another" over the real engine, the CODASMS adapter and the sandbox (its
// stock and prices moved through the control API), on one simulated clock.
const clock = { t: 1_800_000_000_000 };
const now = () => clock.t;
let sb: Sandbox;
let control: SandboxControl;
let keys = 0;
let ids = 0;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, now, seed: 5, earlyCancelSeconds: 0 });
  control = sandboxControl(sb.url);
});
afterAll(() => sb.close());

function memoryStore(): OrderStore {
  const orders = new Map<string, Order>();
  return {
    all: async () => [...orders.values()].map((o) => structuredClone(o)),
    get: async (id) => structuredClone(orders.get(id) ?? null),
    put: async (o) => void orders.set(o.id, structuredClone(o)),
  };
}

interface Setup {
  engine: Engine;
  provider: Provider;
  effects: string[];
  deps: (extra?: Partial<AnotherNumberDeps>) => AnotherNumberDeps;
}

async function setup(): Promise<Setup> {
  const key = `coda_live_swap${++keys}`;
  await control.createAccount(key, 10_000);
  const budget = createRateBudget({ perMinute: 100_000, now });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget, now });
  const effects: string[] = [];
  const engine = createEngine({
    store: memoryStore(),
    provider: async () => provider,
    now,
    newId: () => `id-${++ids}`,
    runEffect: async (_o, e) => void effects.push(e.type),
    spend: { limits: async () => DEFAULT_LIMITS, balance: async () => null },
  });
  const deps = (extra: Partial<AnotherNumberDeps> = {}): AnotherNumberDeps => ({
    engine,
    offers: (service) => provider.offers(service),
    siteCountries: async () => null,
    priceCapCents: async () => null,
    ...extra,
  });
  return { engine, provider, effects, deps };
}

/** A service of its own per test: stock and prices moved in one test stay out of the others. */
const order = (service: string): OrderInput => ({
  service: { code: service, name: service },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 3, origin: 'https://example.com', domain: 'example.com' },
});

/** The cheapest Standard offer in stock other than Indonesia: what the swap should take. */
async function nextBest(provider: Provider, service: string): Promise<Offer> {
  const offers = (await provider.offers(service)).filter(
    (o) => o.tier === 'standard' && o.stock !== 0 && o.country !== '6',
  );
  const best = offers.sort((a, b) => a.price.cents - b.price.cents)[0];
  if (!best) throw new Error(`no other ${service} offer in the sandbox`);
  return best;
}

describe('Cancel and get another', () => {
  it('the same offer again while it is in stock', async () => {
    const { engine, effects, deps } = await setup();
    const first = await engine.create(order('ds'));
    const after = await anotherNumber(deps(), first.id);
    expect(after?.replacement).toMatchObject({ kind: 'offer', same: true, tier: 'standard' });
    expect(after?.replacement).toMatchObject({ country: { code: '6' } });
    expect(after?.cancelReason).toBe('another');
    // The cancel reaches the provider on the engine's next step; the refund orders again.
    expect((await engine.step(first.id, false))?.state).toBe('refunded');
    expect(effects).toContain('orderAgain');
  });

  it('the same offer sold out: the next best of the same band, ordered for real', async () => {
    const { engine, provider, deps } = await setup();
    const first = await engine.create(order('tg'));
    const next = await nextBest(provider, 'tg');
    await control.stock({ service: 'tg', country: '6', count: 0 });
    const old = await anotherNumber(deps(), first.id);
    expect(old?.replacement).toMatchObject({
      kind: 'offer',
      same: false,
      tier: 'standard',
      country: { code: next.country },
      maxPrice: next.price,
    });
    // What the engine's orderAgain places: that offer, under its own price, after the old one.
    const second = await engine.create(orderAgainInput(old as Order));
    expect(second).toMatchObject({ state: 'waiting', previousOrderId: first.id });
    expect(second.country.code).toBe(next.country);
    expect(second.price?.cents).toBeLessThanOrEqual(next.price.cents);
  });

  it('a refusal about the country: another country although the same offer is in stock', async () => {
    const { engine, deps } = await setup();
    const first = await engine.create(order('wa'));
    await engine.apply(first.id, {
      type: 'rejected',
      text: 'Phone numbers from this country are not supported.',
    });
    const old = await anotherNumber(deps(), first.id);
    expect(old?.replacement).toMatchObject({ kind: 'offer', same: false });
    expect(old?.replacement?.kind === 'offer' && old.replacement.country.iso).not.toBe('ID');
  });

  it('nothing within the price cap: a refused number is given back all the same, with the reason', async () => {
    const { engine, effects, deps } = await setup();
    const first = await engine.create(order('ig'));
    await engine.apply(first.id, { type: 'rejected', text: 'This number cannot be used.' });
    await control.stock({ service: 'ig', country: '6', count: 0 });
    const old = await anotherNumber(deps({ priceCapCents: async () => 1 }), first.id);
    expect(old?.replacement).toMatchObject({ kind: 'none', reason: { why: 'above_cap' } });
    // Given back for a refund, and nothing ordered in its place.
    expect(old?.cancelReason).toBe('user');
    expect((await engine.step(first.id, false))?.state).toBe('refunded');
    expect(effects).toContain('notifyRefund');
    expect(effects).not.toContain('orderAgain');
  });

  it('nothing to order for a number the site did not refuse: it is kept, with the reason', async () => {
    const { engine, deps } = await setup();
    const first = await engine.create(order('fb'));
    await control.stock({ service: 'fb', country: '6', count: 0 });
    const old = await anotherNumber(deps({ priceCapCents: async () => 1 }), first.id);
    expect(old).toMatchObject({ state: 'waiting', cancelReason: null });
    expect(old?.replacement).toMatchObject({ kind: 'none', reason: { why: 'above_cap' } });
  });
});
