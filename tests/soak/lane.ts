/**
 * One soak "browser": an API key with its own order store, the real engine and scheduler, and
 * the real adapter for its provider, talking HTTP to the sandbox. Orders are played from a
 * scenario (when the SMS comes, whether the user cancels).
 */
import { createEngine, type Engine, type OrderStore } from '../../lib/orders/engine.ts';
import { createScheduler, type Scheduler } from '../../lib/orders/scheduler.ts';
import type { Order } from '../../lib/orders/types.ts';
import { createOrderMemo } from '../../lib/providers/order-once.ts';
import { createRateBudget } from '../../lib/providers/rate-budget.ts';
import { providerFactories } from '../../lib/providers/registry.ts';
import type { Provider, ProviderId } from '../../lib/providers/types.ts';
import type { Rng } from '../../sandbox/random.ts';
import { money } from '../../lib/money.ts';
import { LimitError, type SpendLimits } from '../../lib/orders/limits.ts';

export type Scenario = 'early' | 'late' | 'never' | 'cancel' | 'race' | 'another';

export const SCENARIOS: readonly [Scenario, number][] = [
  ['early', 0.25],
  ['late', 0.2],
  ['never', 0.2],
  ['cancel', 0.1],
  ['race', 0.15],
  ['another', 0.1],
];

export function pickScenario(rng: Rng): Scenario {
  let r = rng();
  for (const [s, p] of SCENARIOS) {
    if (r < p) return s;
    r -= p;
  }
  return 'early';
}

/** Like extension storage: values are copied in and out. */
export function memoryStore(): OrderStore & { orders: Map<string, Order> } {
  const orders = new Map<string, Order>();
  return {
    orders,
    all: async () => [...orders.values()].map((o) => structuredClone(o)),
    get: async (id) => structuredClone(orders.get(id) ?? null),
    put: async (order) => void orders.set(order.id, structuredClone(order)),
  };
}

export interface LaneOptions {
  key: string;
  providerId: ProviderId;
  sandboxUrl: string;
  windowMs: number;
  rng: Rng;
  /** Lets the scenario text a number (through the sandbox's control API). */
  sms(phone: string, code: string): Promise<void>;
  /** Pairs to order, with stock for the whole run and the price per tier (the cap). */
  pairs: readonly {
    service: string;
    country: string;
    cents: Record<'standard' | 'priority', number>;
  }[];
  log(line: string): void;
  /**
   * The user's spending limits, enforced by the engine as in the extension (the cap in the
   * provider's currency); orders refused by one are counted, not placed.
   */
  limits: (currency: string) => SpendLimits;
}

export interface Lane {
  key: string;
  providerId: ProviderId;
  store: ReturnType<typeof memoryStore>;
  engine: Engine;
  scheduler: Scheduler;
  scenarios: Map<Scenario, number>;
  /** Orders a spending limit refused (nothing bought). */
  refused: () => number;
  /** The limits in force, for the audit. */
  limits: () => Promise<SpendLimits>;
  /**
   * Starts one user order with a random scenario; resolves when it was created, to false when
   * a spending limit refused it (nothing bought).
   */
  order(): Promise<boolean>;
  open(): Promise<number>;
}

let ids = 0;
const newId = () => `soak-${process.pid}-${++ids}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createLane(opts: LaneOptions): Lane {
  const now = Date.now;
  const budget = createRateBudget({ perMinute: 100_000, now });
  const provider: Provider = providerFactories[opts.providerId](
    { providerId: opts.providerId, apiKey: opts.key, baseUrl: opts.sandboxUrl },
    { budget, memo: createOrderMemo(), now },
  );
  const store = memoryStore();
  const scenarios = new Map<Scenario, number>();
  const timers = new Set<Promise<void>>();
  let refused = 0;
  let tab = 1;
  // The provider's currency, asked once: the limits and the caps are in it.
  let currency: Promise<string> | null = null;
  const currencyOf = () => (currency ??= provider.balance().then((b) => b.currency));
  const limits = async () => opts.limits(await currencyOf());
  /** A create refused by a limit is counted; anything else is the caller's to see. */
  const counted = async (create: Promise<Order>): Promise<Order | null> =>
    create.catch((e: unknown) => {
      if (!(e instanceof LimitError)) throw e;
      refused++;
      return null;
    });

  const engine: Engine = createEngine({
    store,
    provider: async () => provider,
    now,
    newId,
    runEffect: async (order, effect) => {
      if (effect.type === 'orderAgain') {
        // "Try another number": the same order again, linked; its SMS comes early.
        const again = await counted(
          engine.create({ ...inputOf(order), previousOrderId: order.id }),
        );
        void scheduler.wake();
        if (again) play(again, 'early');
      }
    },
    spend: { limits, balance: async () => provider.balance() },
  });
  const scheduler = createScheduler({
    engine,
    now,
    rateLimitPerMinute: async () => 100_000,
    setBackstop: async () => undefined,
  });

  const inputOf = (o: Order) => ({
    service: o.service,
    country: o.country,
    tier: o.tier,
    maxPrice: o.maxPrice,
    site: o.site,
  });

  /** Runs `fn` after `ms` (errors logged: a scenario step failing is not the engine's fault). */
  function after(ms: number, fn: () => Promise<unknown>) {
    const t = sleep(ms)
      .then(fn)
      .then(
        () => undefined,
        (e) => opts.log(`scenario step failed: ${String(e)}`),
      );
    timers.add(t);
    void t.finally(() => timers.delete(t));
  }

  const between = (lo: number, hi: number) => lo + opts.rng() * (hi - lo);
  const newCode = () => String(100_000 + Math.floor(opts.rng() * 900_000));

  function play(order: Order, scenario: Scenario) {
    scenarios.set(scenario, (scenarios.get(scenario) ?? 0) + 1);
    const phone = order.phone;
    if (!phone || order.state !== 'waiting') return;
    const lock = Math.max(0, (order.cancelAllowedAt ?? 0) - Date.now());
    const w = opts.windowMs;
    // Half the pages show their code field: the scheduler polls fast for those.
    if (opts.rng() < 0.5)
      after(between(200, 1500), async () => scheduler.codeFieldVisible(order.id));
    switch (scenario) {
      case 'early':
        after(between(300, 3000), () => opts.sms(phone, newCode()));
        return;
      case 'late':
        after(between(w * 0.7, w * 0.97), () => opts.sms(phone, newCode()));
        return;
      case 'never':
        return;
      case 'cancel':
        after(lock + between(200, 3000), () => engine.cancel(order.id, 'user').then(wake));
        return;
      case 'race': {
        // The SMS and the user's cancel at nearly the same moment, either order.
        const at = lock + between(200, 2000);
        after(at, () => engine.cancel(order.id, 'user').then(wake));
        after(at + between(-300, 300), () => opts.sms(phone, newCode()));
        return;
      }
      case 'another':
        after(lock + between(200, 2000), () => engine.cancel(order.id, 'another').then(wake));
        return;
    }
  }
  const wake = () => void scheduler.wake();

  return {
    key: opts.key,
    providerId: opts.providerId,
    store,
    engine,
    scheduler,
    scenarios,
    refused: () => refused,
    limits,
    async order() {
      const pair = opts.pairs[Math.floor(opts.rng() * opts.pairs.length)] ?? opts.pairs[0];
      if (!pair) throw new Error('no pair with stock to order');
      const scenario = pickScenario(opts.rng);
      const tier = opts.rng() < 0.2 && opts.providerId === 'codasms' ? 'priority' : 'standard';
      // Mostly a new signup in a new tab; sometimes the user comes back to the last one.
      if (opts.rng() > 0.3) tab++;
      const order = await counted(
        engine.create({
          service: { code: pair.service, name: pair.service },
          country: { code: pair.country, name: pair.country, iso: null },
          tier,
          // The price the user saw is the cap, as the popup sends it.
          maxPrice: money(pair.cents[tier], await currencyOf()),
          site: { tabId: tab, origin: 'https://example.com', domain: 'example.com' },
        }),
      );
      if (!order) return false;
      wake();
      play(order, scenario);
      return true;
    },
    async open() {
      return (await engine.openOrders()).length;
    },
  };
}
