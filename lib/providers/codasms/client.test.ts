import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl } from '../../../sandbox/control-client.ts';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { money } from '../../money.ts';
import { createRateBudget, type RateBudget } from '../rate-budget.ts';
import {
  ProviderError,
  type OrderRequest,
  type Provider,
  type ProviderErrorKind,
} from '../types.ts';
import { createCodasmsProvider } from './client.ts';

// The real sandbox over real HTTP, on a clock shared with the adapter so the early-cancel lock
// and the window can be stepped through without waiting.
const T0 = 1_800_000_000_000;
const clock = { t: T0 };
const now = () => clock.t;
let sb: Sandbox;
let onLog: (line: string) => void = () => undefined;
const log: string[] = [];
let keys = 0;
/** Waits between order attempts, on the shared clock. */
const slept: number[] = [];
const sleep = async (ms: number) => {
  slept.push(ms);
  clock.t += ms;
};

const control = (path: string, body?: unknown, on: Sandbox = sb) =>
  sandboxControl(on.url).call(path, body);
const ledger = (key: string, on: Sandbox = sb) => sandboxControl(on.url).ledger(key);
const sms = (phone: string, text: string, on: Sandbox = sb) =>
  sandboxControl(on.url).sms(phone, text);

/** A funded account and an adapter for it, with a budget generous enough to never wait. */
async function account(
  cents = 10_000,
  opts: { on?: Sandbox; budget?: RateBudget } = {},
): Promise<{ key: string; provider: Provider }> {
  const on = opts.on ?? sb;
  const key = `coda_live_test${++keys}`;
  await control('accounts', { key, balance_cents: cents }, on);
  const budget = opts.budget ?? createRateBudget({ perMinute: 100_000, now });
  return {
    key,
    provider: createCodasmsProvider({ apiKey: key, baseUrl: on.url, budget, now, sleep }),
  };
}

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected a ProviderError, got a result');
}

/** A provider request the sandbox answered with an injected fault (not a control call). A 5xx
 * reply can be logged before its `[fault 5xx]` note is attached, hence the status match. */
const isFault = (line: string) => /\[fault |dropped \(fault\)|^\w+ \/v1\/\S* 50[23] /.test(line);

const discordIndonesia = (idempotencyKey: string): OrderRequest => ({
  service: 'ds',
  country: '6',
  tier: 'standard',
  maxPrice: null,
  idempotencyKey,
});

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    now,
    seed: 7,
    windowSeconds: 1200,
    earlyCancelSeconds: 120,
    rateLimitPerMinute: 100_000,
    log: (line) => {
      log.push(line);
      onLog(line);
    },
  });
});
afterAll(() => sb.close());
afterEach(async () => {
  onLog = () => undefined;
  slept.length = 0;
  await control('faults', { rate: 0 });
  await control('quirks', { quirks: [] });
});

describe('CODASMS adapter against the sandbox', () => {
  it('reads the balance in cents', async () => {
    const { provider } = await account(1234);
    expect(await provider.balance()).toEqual(money(1234, 'USD'));
  });

  it('lists Standard and Priority offers per country, Priority dearer, with stock', async () => {
    const { provider } = await account();
    const offers = await provider.offers('ds');
    const indonesia = offers.filter((o) => o.country === '6');
    expect(indonesia.map((o) => o.tier).sort()).toEqual(['priority', 'standard']);
    const truth = sb.ledger.catalog.offer('ds', '6');
    const standard = indonesia.find((o) => o.tier === 'standard');
    const priority = indonesia.find((o) => o.tier === 'priority');
    expect(standard).toMatchObject({
      countryName: 'Indonesia',
      countryIso: 'ID',
      price: money(truth?.standardCents ?? -1),
      stock: truth?.standardStock,
    });
    expect(priority?.price.cents).toBe(truth?.priorityCents);
    for (const country of new Set(offers.map((o) => o.country))) {
      const [s, p] = ['standard', 'priority'].map((tier) =>
        offers.find((o) => o.country === country && o.tier === tier),
      );
      expect(p?.price.cents).toBeGreaterThan(s?.price.cents ?? Infinity);
    }
    // A sold-out pair is listed with no stock rather than hidden.
    const netflixRussia = (await provider.offers('nf')).filter((o) => o.country === '0');
    expect(netflixRussia.map((o) => o.stock)).toEqual([0, 0]);
  });

  it('orders a number: E.164 phone, price held, window, and cancel allowed at once', async () => {
    const { key, provider } = await account(10_000);
    const order = await provider.order(discordIndonesia('idem-order-1'));
    const view = await ledger(key);
    expect(view.orders).toHaveLength(1);
    expect(order.phone).toMatch(/^\+62\d{8,13}$/);
    expect(order.phone).toBe(view.orders[0]?.number);
    expect(order.price).toEqual(money(view.orders[0]?.price_cents ?? -1));
    expect(order.tier).toBe('standard');
    expect(order.expiresAt).toBe(clock.t + 1200_000);
    // CODASMS documents no early-cancel lock: the order may be cancelled right away.
    expect(order.cancelAllowedAt).toBe(clock.t);
    // The id is the number the server sent, and goes back as one (the sandbox refuses text).
    expect(order.id).toBe(String(view.orders[0]?.order_id));
    expect(await provider.check(order.id)).toEqual({ kind: 'waiting' });
    expect((await provider.balance()).cents).toBe(10_000 - order.price.cents);
  });

  it('a Priority order costs the Priority price', async () => {
    const { provider } = await account();
    const order = await provider.order({ ...discordIndonesia('idem-prio'), tier: 'priority' });
    expect(order.tier).toBe('priority');
    expect(order.price.cents).toBe(sb.ledger.catalog.offer('ds', '6')?.priorityCents);
  });

  it('checks: waiting, then the code with its SMS text once it arrives', async () => {
    const { provider } = await account();
    const order = await provider.order(discordIndonesia('idem-check'));
    expect(await provider.check(order.id)).toEqual({ kind: 'waiting' });
    await sms(order.phone, 'Your Discord verification code is 482913');
    expect(await provider.check(order.id)).toEqual({
      kind: 'code',
      code: '482913',
      text: 'Your Discord verification code is 482913',
    });
  });

  it('a server that does refuse an early cancel: too_early_to_cancel, saying how long', async () => {
    await control('quirks', { quirks: ['codasms_cancel_lock'] });
    const { provider } = await account();
    const order = await provider.order(discordIndonesia('idem-early'));
    clock.t += 20_000;
    const e = await providerError(provider.cancel(order.id));
    expect(e.kind).toBe('too_early_to_cancel');
    expect(e.retryAfterMs).toBe(100_000);
    expect(await provider.check(order.id)).toEqual({ kind: 'waiting' });
  });

  it('cancels at once: refunded, and the ledger shows the refund', async () => {
    const { key, provider } = await account(10_000);
    const order = await provider.order(discordIndonesia('idem-cancel'));
    expect(await provider.cancel(order.id)).toEqual({ kind: 'refunded' });
    const view = await ledger(key);
    expect(view.orders[0]?.state).toBe('refunded');
    expect(view.orders[0]?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(view).toMatchObject({ balance_cents: 10_000, held_cents: 0, charged_cents: 0 });
    // Cancelling twice is harmless.
    expect(await provider.cancel(order.id)).toEqual({ kind: 'refunded' });
    expect(await provider.check(order.id)).toEqual({ kind: 'refunded' });
  });

  it('a cancel after a code answers the code and is never refunded', async () => {
    const { key, provider } = await account(10_000);
    const order = await provider.order(discordIndonesia('idem-code-cancel'));
    await sms(order.phone, 'Your Discord verification code is 111222');
    const status = await provider.cancel(order.id);
    expect(status).toMatchObject({ kind: 'code', code: '111222' });
    const view = await ledger(key);
    expect(view.refunded_cents).toBe(0);
    expect(view.charged_cents).toBe(order.price.cents);
    expect(view.balance_cents).toBe(10_000 - order.price.cents);
  });

  it.each<[string, ProviderErrorKind, Partial<OrderRequest>, number]>([
    ['no balance', 'no_balance', {}, 0],
    ['sold out (Netflix, Russia)', 'no_numbers', { service: 'nf', country: '0' }, 10_000],
    ['pair not offered (VK, USA)', 'no_numbers', { service: 'vk', country: '187' }, 10_000],
    ['unknown service', 'unavailable', { service: 'zz' }, 10_000],
  ])(
    'an order that cannot be bought (%s) fails as %s and buys nothing',
    async (_, kind, req, cents) => {
      const { key, provider } = await account(cents);
      const e = await providerError(
        provider.order({ ...discordIndonesia(`idem-${kind}`), ...req }),
      );
      expect(e.kind).toBe(kind);
      expect(e.transient).toBe(false);
      expect((await ledger(key)).orders).toEqual([]);
      // `unavailable` may be temporary at CODASMS: asked again twice, with a pause, then final.
      expect(slept).toEqual(kind === 'unavailable' ? [1_000, 3_000] : []);
    },
  );

  it('a matrix cell without stock of its own is stock unknown (null), not zero', async () => {
    await control('quirks', { quirks: ['codasms_matrix_no_stock'] });
    const { provider } = await account();
    const offers = await provider.offers('ds');
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((o) => o.stock === null)).toBe(true);
  });

  it('checks the live price against the cap before buying: above it, refused with the new price', async () => {
    const { key, provider } = await account();
    const seen = money(sb.ledger.catalog.offer('ds', '7')?.standardCents ?? -1);
    await control('price', { service: 'ds', country: '7', cents: seen.cents + 5 });
    clock.t += 5_000;
    const e = await providerError(
      provider.order({ ...discordIndonesia('idem-cap'), country: '7', maxPrice: seen }),
    );
    expect(e.kind).toBe('price_moved');
    expect(e.currentPrice).toEqual(money(seen.cents + 5));
    expect((await ledger(key)).orders).toEqual([]);
    // Accepting the new price buys at it.
    const order = await provider.order({
      ...discordIndonesia('idem-cap-2'),
      country: '7',
      maxPrice: money(seen.cents + 5),
    });
    expect(order.price).toEqual(money(seen.cents + 5));
  });

  it('an offer gone from the live list is refused, never bought uncapped', async () => {
    const { key, provider } = await account();
    const seen = money(sb.ledger.catalog.offer('tg', '7')?.standardCents ?? -1);
    await control('price', { service: 'tg', country: '7', cents: null });
    const e = await providerError(
      provider.order({
        ...discordIndonesia('idem-gone'),
        service: 'tg',
        country: '7',
        maxPrice: seen,
      }),
    );
    expect(e.kind).toBe('price_moved');
    expect(e.currentPrice).toBeNull();
    expect((await ledger(key)).orders).toEqual([]);
  });

  it('price_moved from the server is asked again after a pause, within the cap', async () => {
    const { key, provider } = await account();
    const before = sb.ledger.catalog.offer('wa', '7')?.standardCents ?? -1;
    await control('price', { service: 'wa', country: '7', cents: before - 1 });
    const order = await provider.order({
      ...discordIndonesia('idem-moved'),
      service: 'wa',
      country: '7',
      maxPrice: money(before),
    });
    // The sandbox answers price_moved for 2 s after a change: two refusals, then bought.
    expect(slept).toEqual([1_000, 3_000]);
    expect(order.price).toEqual(money(before - 1));
    expect((await ledger(key)).orders).toHaveLength(1);
  });

  it('a wrong API key fails as bad_key', async () => {
    const provider = createCodasmsProvider({
      apiKey: 'coda_live_nobody',
      baseUrl: sb.url,
      budget: createRateBudget({ perMinute: 1000 }),
    });
    expect((await providerError(provider.balance())).kind).toBe('bad_key');
    expect((await providerError(provider.check('1'))).kind).toBe('bad_key');
  });

  it('an unknown order fails as not_found for check and cancel', async () => {
    const { provider } = await account();
    expect((await providerError(provider.check('999'))).kind).toBe('not_found');
    expect((await providerError(provider.cancel('999'))).kind).toBe('not_found');
  });

  it('retrying an order with the same idempotency key returns the same number', async () => {
    const { key, provider } = await account();
    const first = await provider.order(discordIndonesia('idem-same'));
    const again = await provider.order(discordIndonesia('idem-same'));
    expect(again).toMatchObject({ id: first.id, phone: first.phone, price: first.price });
    expect((await ledger(key)).orders).toHaveLength(1);
  });

  it.each(['drop', 'malformed'] as const)(
    'an order whose reply is lost (%s) is retried and buys exactly one number',
    async (kind) => {
      const { key, provider } = await account(10_000);
      let faults = 0;
      onLog = (line) => {
        // The order was processed twice with its reply lost; then let it through.
        if (isFault(line) && ++faults === 2) void control('faults', { rate: 0 });
      };
      await control('faults', { rate: 1, kinds: [kind] });
      const order = await provider.order(discordIndonesia(`idem-lost-${kind}`));
      expect(faults).toBe(2);
      const view = await ledger(key);
      expect(view.orders.map((o) => o.order_id)).toEqual([order.id]);
      expect(view.balance_cents).toBe(10_000 - order.price.cents);
    },
  );

  it.each(['malformed', '5xx', 'drop'] as const)(
    'a read that meets one %s fault is retried and succeeds',
    async (kind) => {
      const { provider } = await account(777);
      let faults = 0;
      onLog = (line) => {
        if (isFault(line) && ++faults === 1) void control('faults', { rate: 0 });
      };
      await control('faults', { rate: 1, kinds: [kind] });
      expect(await provider.balance()).toEqual(money(777));
      expect(faults).toBe(1);
    },
  );
});

// Each on its own sandbox so the three can run at once despite the retries' backoff.
describe.concurrent('CODASMS adapter when the provider keeps failing', () => {
  it.each<[string, ProviderErrorKind]>([
    ['malformed', 'malformed_reply'],
    ['5xx', 'provider_down'],
    ['drop', 'network'],
  ])('every read under %s fails as a typed %s error', async (fault, kind) => {
    const own = await startSandbox({ port: 0, now, seed: 3 });
    try {
      const { provider } = await account(100, { on: own });
      await control('faults', { rate: 1, kinds: [fault] }, own);
      const [balance, check] = await Promise.all([
        providerError(provider.balance()),
        providerError(provider.check('1')),
      ]);
      expect(balance.kind).toBe(kind);
      expect(balance.transient).toBe(true);
      expect(check.kind).toBe(kind);
    } finally {
      await own.close();
    }
  });
});

describe('CODASMS adapter and the rate limit', () => {
  it('a 429 fails as rate_limited and pauses the shared budget until the window slides', async () => {
    const limited = await startSandbox({ port: 0, now, rateLimitPerMinute: 3 });
    try {
      const slept: number[] = [];
      const budget = createRateBudget({
        perMinute: 600,
        now,
        sleep: async (ms) => {
          slept.push(ms);
          clock.t += ms;
        },
      });
      const { provider } = await account(500, { on: limited, budget });
      for (let i = 0; i < 3; i++) await provider.balance();
      const e = await providerError(provider.balance());
      expect(e.kind).toBe('rate_limited');
      expect(e.retryAfterMs).toBe(60_000);
      expect(budget.available()).toBe(0);
      // The next call waits out the provider's minute instead of hammering it, then works.
      expect(await provider.balance()).toEqual(money(500));
      expect(slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60_000);
    } finally {
      await limited.close();
    }
  });
});
