/**
 * The provider contract: one suite every adapter must pass, each against the sandbox's matching
 * face over real HTTP (in the style of unjs/unstorage's driver tests). Behaviour a provider
 * lacks is skipped by its capability flag, never by name.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../../sandbox/dialects/index.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server.ts';
import { createRateBudget, type RateBudget } from '../../../lib/providers/rate-budget.ts';
import { ProviderError, type OrderRequest, type Provider } from '../../../lib/providers/types.ts';
import { contractControl, type ContractControl } from './control.ts';

export interface AdapterOptions {
  apiKey: string;
  baseUrl: string;
  budget: RateBudget;
  now: () => number;
  fetch?: typeof fetch;
}

export interface ContractSetup {
  /** The adapter under test, for a key, pointed at the sandbox at `baseUrl`. */
  create(opts: AdapterOptions): Provider;
  /** True for the request that buys a number (to break its reply on purpose). */
  isOrderRequest(url: URL, method: string): boolean;
  /** How the sandbox's SMS-Activate face speaks for this adapter (default classic). */
  dialect?: DialectName;
  /**
   * Whether the host lists open orders (default true). Then a purchase whose reply was lost is
   * found and adopted; without, the balance shows it went through and nothing more is bought.
   */
  listing?: boolean;
  /** Whether the host refuses a purchase above `maxPrice` itself (run the price-cap case). */
  refusesAboveCap?: boolean;
}

const T0 = 1_800_000_000_000;

export async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected a ProviderError, got a result');
}

export function defineProviderContract(name: string, setup: () => ContractSetup) {
  const clock = { t: T0 };
  const now = () => clock.t;
  const adapter = setup();
  let sb: Sandbox;
  let ctl: ContractControl;
  let keys = 0;
  const sandbox = (opts: SandboxOptions) =>
    startSandbox({ port: 0, now, dialect: adapter.dialect, ...opts });

  /** A budget that never makes a test wait: its sleeps move the shared clock. */
  const fastBudget = (perMinute = 100_000) =>
    createRateBudget({
      perMinute,
      now,
      sleep: async (ms) => {
        clock.t += ms;
      },
    });

  async function account(cents = 10_000, opts: { on?: Sandbox; fetch?: typeof fetch } = {}) {
    const on = opts.on ?? sb;
    const key = `coda_live_contract_${name.replace(/\W/g, '')}_${++keys}`;
    await contractControl(on.url).account(key, cents);
    const budget = fastBudget();
    const provider = adapter.create({
      apiKey: key,
      baseUrl: on.url,
      budget,
      now,
      fetch: opts.fetch,
    });
    return { key, provider, budget };
  }

  const request = (
    service: string,
    country: string,
    extra: Partial<OrderRequest> = {},
  ): OrderRequest => ({
    service,
    country,
    tier: 'standard',
    maxPrice: null,
    idempotencyKey: `idem-${++keys}`,
    ...extra,
  });
  const discordIndonesia = (extra: Partial<OrderRequest> = {}) => request('ds', '6', extra);

  describe(`provider contract: ${name}`, () => {
    beforeAll(async () => {
      sb = await sandbox({ seed: 11, rateLimitPerMinute: 100_000 });
      ctl = contractControl(sb.url);
    });
    afterAll(() => sb.close());
    afterEach(() => ctl.faults({ rate: 0 }));

    it('reads the balance in cents', async () => {
      const { provider } = await account(1234);
      expect((await provider.balance()).cents).toBe(1234);
    });

    it('lists offers per country with the catalog price and stock, labelled with the provider', async () => {
      const { provider } = await account();
      const offers = await provider.offers('ds');
      const truth = sb.ledger.catalog.offer('ds', '6');
      const indonesia = offers.filter((o) => o.country === '6');
      expect(indonesia.map((o) => o.tier).sort()).toEqual([...provider.capabilities.tiers].sort());
      const standard = indonesia.find((o) => o.tier === 'standard');
      expect(standard).toMatchObject({
        countryIso: 'ID',
        providerId: provider.id,
        providerName: provider.name,
        priceIsCap: false,
        stock: truth?.standardStock,
      });
      expect(standard?.price.cents).toBe(truth?.standardCents);
      const priority = indonesia.find((o) => o.tier === 'priority');
      if (priority) expect(priority.price.cents).toBeGreaterThan(standard?.price.cents ?? Infinity);
      expect(offers.every((o) => o.providerId === provider.id)).toBe(true);
    });

    it('orders a number: E.164 phone, price held, window and early-cancel times', async () => {
      const { key, provider } = await account(10_000);
      const order = await provider.order(discordIndonesia());
      const view = await ctl.ledger(key);
      expect(view.orders).toHaveLength(1);
      expect(order.phone).toMatch(/^\+62\d{8,13}$/);
      expect(order.phone).toBe(view.orders[0]?.number);
      expect(order.price.cents).toBe(view.orders[0]?.price_cents);
      expect(order.tier).toBe('standard');
      expect(order.expiresAt).toBe(clock.t + 1200_000);
      expect(order.cancelAllowedAt).toBe(clock.t + provider.capabilities.earlyCancelSeconds * 1000);
      expect((await provider.balance()).cents).toBe(10_000 - order.price.cents);
    });

    it('orders Priority within the Priority offer’s price', async () => {
      const { provider } = await account();
      const offer = (await provider.offers('ds')).find(
        (o) => o.country === '6' && o.tier === 'priority',
      );
      if (!provider.capabilities.tiers.includes('priority')) return expect(offer).toBeUndefined();
      const order = await provider.order(
        discordIndonesia({ tier: 'priority', maxPrice: offer?.price ?? null }),
      );
      expect(order.tier).toBe('priority');
      expect(order.price.cents).toBeLessThanOrEqual(offer?.price.cents ?? -1);
    });

    it('a clicked order and its refund do not queue behind routine traffic that used up the budget', async () => {
      const { key } = await account(10_000);
      // Popup refreshes and routine polls have spent the whole normal share; only the reserve
      // is left. Any request of the order that waited for a normal slot would throw here.
      const budget = createRateBudget({
        perMinute: 100,
        reserve: 10,
        now,
        sleep: () => Promise.reject(new Error('an order request queued behind routine traffic')),
      });
      while (budget.available() > 0) await budget.take();
      const provider = adapter.create({ apiKey: key, baseUrl: sb.url, budget, now });
      const offer = (await provider.offers('ds', { urgent: true })).find(
        (o) => o.country === '6' && o.tier === 'standard',
      );
      const order = await provider.order(discordIndonesia({ maxPrice: offer?.price ?? null }));
      expect(order.phone).toMatch(/^\+62\d{8,13}$/);
      expect((await ctl.ledger(key)).orders).toHaveLength(1);
      // The refund does not queue either.
      clock.t += (provider.capabilities.earlyCancelSeconds + 1) * 1000;
      while (budget.available() > 0) await budget.take();
      expect(await provider.cancel(order.id)).toEqual({ kind: 'refunded' });
      expect((await ctl.ledger(key)).orders[0]?.state).toBe('refunded');
    });

    it('checks: waiting, then the code once the SMS arrives', async () => {
      const { provider } = await account();
      const order = await provider.order(discordIndonesia());
      expect(await provider.check(order.id)).toEqual({ kind: 'waiting' });
      await ctl.sms(order.phone, 'Your Discord verification code is 482913');
      expect(await provider.check(order.id)).toMatchObject({ kind: 'code', code: '482913' });
    });

    it('completes an order with a code: the charge stands', async () => {
      const { key, provider } = await account(10_000);
      const order = await provider.order(discordIndonesia());
      await ctl.sms(order.phone, 'Your Discord verification code is 555111');
      await provider.complete(order.id);
      const view = await ctl.ledger(key);
      if (provider.capabilities.complete) expect(view.orders[0]?.state).toBe('completed');
      expect(view).toMatchObject({ charged_cents: order.price.cents, refunded_cents: 0 });
    });

    it('cancels after the lock: refunded, money back', async () => {
      const { key, provider } = await account(10_000);
      const order = await provider.order(discordIndonesia());
      clock.t += (provider.capabilities.earlyCancelSeconds + 1) * 1000;
      expect(await provider.cancel(order.id)).toEqual({ kind: 'refunded' });
      const view = await ctl.ledger(key);
      expect(view.orders[0]?.state).toBe('refunded');
      expect(view).toMatchObject({ balance_cents: 10_000, held_cents: 0, charged_cents: 0 });
      expect(await provider.check(order.id)).toEqual({ kind: 'refunded' });
    });

    it('refuses a cancel inside the early-cancel lock, then allows it', async (t) => {
      const { provider } = await account();
      if (provider.capabilities.earlyCancelSeconds === 0) return t.skip();
      const order = await provider.order(discordIndonesia());
      clock.t += 20_000;
      expect((await providerError(provider.cancel(order.id))).kind).toBe('too_early_to_cancel');
      expect(await provider.check(order.id)).toEqual({ kind: 'waiting' });
      clock.t += provider.capabilities.earlyCancelSeconds * 1000;
      expect(await provider.cancel(order.id)).toEqual({ kind: 'refunded' });
    });

    it('a cancel after a code keeps the code and the charge', async () => {
      const { key, provider } = await account(10_000);
      const order = await provider.order(discordIndonesia());
      await ctl.sms(order.phone, 'Your Discord verification code is 111222');
      clock.t += (provider.capabilities.earlyCancelSeconds + 1) * 1000;
      expect(await provider.cancel(order.id)).toMatchObject({ kind: 'code', code: '111222' });
      const view = await ctl.ledger(key);
      expect(view).toMatchObject({ refunded_cents: 0, charged_cents: order.price.cents });
    });

    it('another SMS on the same number, charged once', async (t) => {
      const { key, provider } = await account(10_000);
      if (!provider.capabilities.anotherSms) return t.skip();
      const order = await provider.order(discordIndonesia());
      await ctl.sms(order.phone, 'Your Discord verification code is 100001');
      await provider.requestAnotherSms(order.id);
      await ctl.sms(order.phone, 'Your Discord verification code is 200002');
      expect(await provider.check(order.id)).toMatchObject({ kind: 'code', code: '200002' });
      expect((await ctl.ledger(key)).charged_cents).toBe(order.price.cents);
    });

    it('checks many orders in one request', async (t) => {
      const { provider } = await account();
      if (!provider.capabilities.bulkCheck || !provider.checkMany) return t.skip();
      const a = await provider.order(discordIndonesia());
      const b = await provider.order(request('tg', '6'));
      await ctl.sms(b.phone, 'Telegram code: 31337');
      const statuses = await provider.checkMany([a.id, b.id]);
      expect(statuses.get(a.id)).toEqual({ kind: 'waiting' });
      expect(statuses.get(b.id)).toMatchObject({ kind: 'code', code: '31337' });
    });

    it.each(['drop', 'garbage'] as const)(
      'an order whose reply is lost (%s) buys exactly one number',
      async (how) => {
        let broken = 0;
        const flaky: typeof fetch = async (input, init) => {
          const req = new Request(input, init);
          const res = await fetch(req);
          if (broken > 0 || !adapter.isOrderRequest(new URL(req.url), req.method)) return res;
          broken++;
          if (how === 'drop') throw new TypeError('fetch failed: socket hang up');
          return new Response('<!DOCTYPE html><html><head><title>', { status: 200 });
        };
        const { key, provider } = await account(10_000, { fetch: flaky });
        if (adapter.listing === false) {
          // No listing to find it in: the balance shows the sale, so nothing more is bought,
          // and the host's window refunds the number nobody holds.
          const e = await providerError(provider.order(discordIndonesia()));
          expect(e.kind).toBe('unavailable');
          expect(e.transient).toBe(false);
          expect((await ctl.ledger(key)).orders).toHaveLength(1);
          clock.t += 1201_000;
          expect(await ctl.ledger(key)).toMatchObject({ balance_cents: 10_000, held_cents: 0 });
          return;
        }
        const order = await provider.order(discordIndonesia());
        expect(broken).toBe(1);
        const view = await ctl.ledger(key);
        expect(view.orders.map((o) => o.order_id)).toEqual([order.id]);
        expect(order.phone).toBe(view.orders[0]?.number);
        expect(view.balance_cents).toBe(10_000 - (view.orders[0]?.price_cents ?? 0));
      },
    );

    it('a wrong key is rejected in words naming the provider', async () => {
      const provider = adapter.create({
        apiKey: 'coda_live_nobody',
        baseUrl: sb.url,
        budget: fastBudget(),
        now,
      });
      const e = await providerError(provider.balance());
      expect(e.kind).toBe('bad_key');
      expect(e.message).toBe(`This key was rejected by ${provider.name}.`);
    });

    it.each([
      ['sold out (Netflix, Russia)', 'nf', '0'],
      ['pair not offered (VK, USA)', 'vk', '187'],
    ])('no numbers (%s): fails as no_numbers and buys nothing', async (_, service, country) => {
      const { key, provider } = await account();
      const e = await providerError(provider.order(request(service, country)));
      expect(e.kind).toBe('no_numbers');
      expect((await ctl.ledger(key)).orders).toEqual([]);
    });

    it('a price above the cap: fails as price_above_cap and buys nothing', async (t) => {
      if (!adapter.refusesAboveCap) return t.skip();
      const { key, provider } = await account();
      const cap = { cents: 1, currency: 'USD' };
      const e = await providerError(provider.order(discordIndonesia({ maxPrice: cap })));
      expect(e.kind).toBe('price_above_cap');
      expect((await ctl.ledger(key)).orders).toEqual([]);
    });

    it('no balance: fails as no_balance and buys nothing', async () => {
      const { key, provider } = await account(0);
      expect((await providerError(provider.order(discordIndonesia()))).kind).toBe('no_balance');
      expect((await ctl.ledger(key)).orders).toEqual([]);
    });

    it('an unknown order is not_found', async () => {
      const { provider } = await account();
      expect((await providerError(provider.check('999'))).kind).toBe('not_found');
      expect((await providerError(provider.cancel('999'))).kind).toBe('not_found');
    });

    it('a cap below the live price: refused before buying, with the price asked now', async () => {
      const { key, provider } = await account();
      const truth = sb.ledger.catalog.offer('tg', '6')?.standardCents ?? -1;
      const currency = (await provider.balance()).currency;
      const cap = { cents: truth - 1, currency };
      const e = await providerError(provider.order(request('tg', '6', { maxPrice: cap })));
      // SMS-Activate hosts hold the cap themselves (WRONG_MAX_PRICE, no price to offer).
      expect(['price_moved', 'price_above_cap']).toContain(e.kind);
      if (e.kind === 'price_moved') expect(e.currentPrice?.cents).toBe(truth);
      expect((await ctl.ledger(key)).orders).toEqual([]);
      // At the live price it buys, at that price.
      const order = await provider.order(
        request('tg', '6', { maxPrice: { cents: truth, currency } }),
      );
      expect(order.price.cents).toBe(truth);
    });

    it('rate limited: fails as rate_limited, the budget waits the minute out, then it works', async () => {
      const limited = await sandbox({ rateLimitPerMinute: 3 });
      try {
        const { provider, budget } = await account(500, { on: limited });
        for (let i = 0; i < 3; i++) await provider.balance();
        const before = clock.t;
        expect((await providerError(provider.balance())).kind).toBe('rate_limited');
        expect(budget.available()).toBe(0);
        // The family's own rate-limit reply is seen as the provider limiting requests (the
        // popup says "<provider> is limiting requests"), not as our own pacing.
        expect(budget.limitedUntil()).toBeGreaterThan(clock.t);
        expect((await provider.balance()).cents).toBe(500);
        expect(clock.t - before).toBeGreaterThanOrEqual(50_000);
      } finally {
        await limited.close();
      }
    });

    it.each([
      ['malformed', 'malformed_reply'],
      ['5xx', 'provider_down'],
    ] as const)('a provider answering %s fails as a transient %s', async (fault, kind) => {
      const { provider } = await account(100);
      await ctl.faults({ rate: 1, kinds: [fault] });
      const e = await providerError(provider.balance());
      expect(e.kind).toBe(kind);
      expect(e.transient).toBe(true);
    });

    it('a provider that is unreachable fails as network', async () => {
      const gone = await sandbox({});
      const url = gone.url;
      await gone.close();
      const provider = adapter.create({ apiKey: 'k', baseUrl: url, budget: fastBudget(), now });
      const e = await providerError(provider.balance());
      expect(e.kind).toBe('network');
      expect(e.message).not.toContain('api_key');
    });
  });
}
