import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Catalog, COUNTRIES, MISSING_PAIRS, SERVICES, SOLD_OUT_PAIRS } from './catalog.ts';
import { Ledger, type Order } from './ledger.ts';
import { generateNumber, isValidMobileFor } from './numbers.ts';
import { mulberry32 } from './random.ts';

const KEY = 'k1';
const WINDOW = 1200;
const EARLY = 120;

function setup(extra: { timers?: boolean } = {}) {
  const clock = { t: 1_700_000_000_000 };
  const ledger = new Ledger({
    now: () => clock.t,
    windowSeconds: WINDOW,
    earlyCancelSeconds: EARLY,
    seed: 42,
    timers: extra.timers ?? false,
  });
  return { clock, ledger };
}

function mustOrder(
  ledger: Ledger,
  req: { service?: string; country?: string; idem?: string } = {},
): Readonly<Order> {
  const r = ledger.order(KEY, {
    service: req.service ?? 'ds',
    country: req.country ?? '6',
    band: 'standard',
    idempotencyKey: req.idem,
  });
  if (!r.ok) throw new Error(`order failed: ${r.reason}`);
  return r.order;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('catalog and numbers', () => {
  it('has real codes, integer cents, dearer Priority and some sold-out pairs', () => {
    const catalog = new Catalog();
    expect(SERVICES.length).toBeGreaterThanOrEqual(30);
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(15);
    expect(catalog.service('ds')?.name).toBe('Discord');
    expect(catalog.country('6')?.iso).toBe('ID');
    for (const o of catalog.offers()) {
      expect(Number.isInteger(o.standardCents) && Number.isInteger(o.priorityCents)).toBe(true);
      expect(o.priorityCents).toBeGreaterThanOrEqual(Math.floor(o.standardCents * 1.5));
      expect(o.priorityCents).toBeLessThanOrEqual(Math.ceil(o.standardCents * 2));
    }
    for (const [s, c] of SOLD_OUT_PAIRS) expect(catalog.offer(s, c)?.standardStock).toBe(0);
    for (const [s, c] of MISSING_PAIRS) expect(catalog.offer(s, c)).toBeUndefined();
    expect(new Catalog().offer('tg', '0')).toEqual(catalog.offer('tg', '0'));
  });

  it('generates valid, unique mobile numbers for every catalog country', () => {
    const rng = mulberry32(7);
    for (const c of COUNTRIES) {
      const taken = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const n = generateNumber(c.iso, rng, (x) => taken.has(x));
        expect(isValidMobileFor(n, c.iso), `${c.iso} ${n}`).toBe(true);
        expect(taken.has(n)).toBe(false);
        taken.add(n);
      }
    }
  });
});

describe('ledger', () => {
  it('holds at order, charges once on the first code, not again on later SMS', () => {
    const { ledger } = setup();
    ledger.deposit(KEY, 500);
    const o = mustOrder(ledger);
    const a = () => ledger.account(KEY);
    expect(a()).toMatchObject({
      balanceCents: 500 - o.priceCents,
      heldCents: o.priceCents,
      chargedCents: 0,
    });
    expect(ledger.deliver(o.number, 'Your code is 111111', '111111').kind).toBe('delivered');
    expect(a()).toMatchObject({ heldCents: 0, chargedCents: o.priceCents });
    expect(ledger.requestAnotherSms(KEY, o.id).kind).toBe('ok');
    expect(o.state).toBe('waiting_resend');
    expect(ledger.deliver(o.number, 'Your code is 222222', '222222').kind).toBe('delivered');
    expect(o.code).toBe('222222');
    expect(o.sms).toHaveLength(2);
    expect(a()).toMatchObject({ balanceCents: 500 - o.priceCents, chargedCents: o.priceCents });
    expect(ledger.complete(KEY, o.id).kind).toBe('ok');
    expect(o.state).toBe('completed');
    expect(ledger.deliver(o.number, 'late 333333', '333333').kind).toBe('not_found');
    expect(ledger.audit(KEY)).toBe(true);
  });

  it('records an SMS without a code and keeps waiting (no charge)', () => {
    const { ledger } = setup();
    ledger.deposit(KEY, 500);
    const o = mustOrder(ledger);
    expect(ledger.deliver(o.number, 'Welcome!', null).kind).toBe('recorded');
    expect(o.state).toBe('waiting');
    expect(ledger.account(KEY)?.chargedCents).toBe(0);
  });

  it('never buys twice for a repeated idempotency key', () => {
    const { ledger } = setup();
    ledger.deposit(KEY, 500);
    expect(ledger.claimIdempotency(KEY, 'abc').kind).toBe('new');
    expect(ledger.claimIdempotency(KEY, 'abc').kind).toBe('in_progress');
    const first = mustOrder(ledger, { idem: 'abc' });
    const balance = ledger.account(KEY)?.balanceCents;
    const again = ledger.order(KEY, {
      service: 'ds',
      country: '6',
      band: 'standard',
      idempotencyKey: 'abc',
    });
    expect(again).toMatchObject({ ok: true, replayed: true, order: { id: first.id } });
    const claim = ledger.claimIdempotency(KEY, 'abc');
    expect(claim.kind === 'replay' && claim.order.id).toBe(first.id);
    expect(ledger.account(KEY)?.balanceCents).toBe(balance);
    expect(ledger.ordersOf(KEY)).toHaveLength(1);
    // The same idempotency key of another API key is a different request.
    ledger.deposit('k2', 500);
    const other = ledger.order('k2', {
      service: 'ds',
      country: '6',
      band: 'standard',
      idempotencyKey: 'abc',
    });
    expect(other.ok && other.order.id !== first.id).toBe(true);
  });

  it('a failed order releases its idempotency key (retry after top-up buys once)', () => {
    const { ledger } = setup();
    ledger.deposit(KEY, 0);
    const req = { service: 'ds', country: '6', band: 'standard' as const, idempotencyKey: 'x' };
    expect(ledger.order(KEY, req)).toMatchObject({ ok: false, reason: 'insufficient_balance' });
    ledger.deposit(KEY, 100);
    expect(ledger.order(KEY, req)).toMatchObject({ ok: true, replayed: false });
    expect(ledger.order(KEY, req)).toMatchObject({ ok: true, replayed: true });
  });

  it('refuses cancel during the early-cancel period, then refunds once', () => {
    const { ledger, clock } = setup();
    ledger.deposit(KEY, 500);
    const o = mustOrder(ledger);
    clock.t += 30_000;
    expect(ledger.cancel(KEY, o.id)).toMatchObject({ kind: 'too_early', retryInSeconds: 90 });
    clock.t += 90_000;
    expect(ledger.cancel(KEY, o.id).kind).toBe('refunded');
    expect(ledger.cancel(KEY, o.id).kind).toBe('refunded');
    expect(ledger.account(KEY)).toMatchObject({
      balanceCents: 500,
      heldCents: 0,
      refundedCents: o.priceCents,
    });
    expect(o.movements.filter((m) => m.type === 'refund')).toEqual([
      { type: 'refund', cents: o.priceCents, at: clock.t, reason: 'cancelled' },
    ]);
  });

  it('refuses cancel after a code', () => {
    const { ledger, clock } = setup();
    ledger.deposit(KEY, 500);
    const o = mustOrder(ledger);
    ledger.deliver(o.number, 'code 4321', '4321');
    clock.t += 200_000;
    expect(ledger.cancel(KEY, o.id).kind).toBe('has_code');
    expect(ledger.account(KEY)).toMatchObject({ chargedCents: o.priceCents, refundedCents: 0 });
  });

  it('refunds a waiting order at window end by sweep, completes one with a code', () => {
    const { ledger, clock } = setup();
    ledger.deposit(KEY, 500);
    const waiting = mustOrder(ledger);
    const coded = mustOrder(ledger, { service: 'tg' });
    ledger.deliver(coded.number, 'Telegram code: 12345', '12345');
    clock.t += WINDOW * 1000 - 1;
    ledger.sweep();
    expect(waiting.state).toBe('waiting');
    clock.t += 1;
    ledger.sweep();
    expect(waiting.state).toBe('refunded');
    expect(waiting.movements.at(-1)).toMatchObject({ type: 'refund', reason: 'expired' });
    expect(coded.state).toBe('completed');
    expect(ledger.account(KEY)).toMatchObject({
      balanceCents: 500 - coded.priceCents,
      heldCents: 0,
    });
  });

  it('refunds at window end by its own timer', () => {
    vi.useFakeTimers();
    const { ledger, clock } = setup({ timers: true });
    ledger.deposit(KEY, 500);
    const o = mustOrder(ledger);
    clock.t += WINDOW * 1000;
    expect(o.state).toBe('waiting'); // nothing swept yet
    vi.advanceTimersByTime(WINDOW * 1000 + 10);
    expect(o.state).toBe('refunded');
    ledger.dispose();
  });

  it('simulated delivery follows the odds', () => {
    const { ledger, clock } = setup();
    ledger.deposit(KEY, 5000);
    ledger.simulation = { enabled: true, standardOdds: 1, priorityOdds: 0, maxDelaySeconds: 30 };
    const sure = mustOrder(ledger);
    const never = ledger.order(KEY, { service: 'ds', country: '6', band: 'priority' });
    clock.t += 31_000;
    ledger.sweep();
    expect(sure.state).toBe('delivered');
    expect(sure.sms[0]?.text).toContain(sure.code ?? 'x');
    expect(never.ok && never.order.state).toBe('waiting');
  });

  it('refuses unknown pairs, sold-out tiers, prices above the cap and empty balances', () => {
    const { ledger } = setup();
    ledger.deposit(KEY, 1);
    const base = { band: 'standard' as const };
    expect(ledger.order(KEY, { ...base, service: 'zz', country: '6' })).toMatchObject({
      reason: 'unknown_service',
    });
    expect(ledger.order(KEY, { ...base, service: 'ds', country: '999' })).toMatchObject({
      reason: 'unknown_country',
    });
    expect(ledger.order(KEY, { ...base, service: 'vk', country: '187' })).toMatchObject({
      reason: 'unknown_pair',
    });
    expect(ledger.order(KEY, { ...base, service: 'wb', country: '16' })).toMatchObject({
      reason: 'out_of_stock',
    });
    expect(
      ledger.order(KEY, { ...base, service: 'ds', country: '6', maxPriceCents: 1 }),
    ).toMatchObject({
      reason: 'price_above_max',
    });
    expect(ledger.order(KEY, { ...base, service: 'ds', country: '6' })).toMatchObject({
      reason: 'insufficient_balance',
    });
    expect(ledger.order('nobody', { ...base, service: 'ds', country: '6' })).toMatchObject({
      reason: 'no_account',
    });
  });
});

type Cmd =
  | { t: 'order'; key: number; pair: number; priority: boolean; idem: number | null }
  | { t: 'deliver'; pick: number; withCode: boolean }
  | { t: 'cancel'; pick: number }
  | { t: 'retry'; pick: number }
  | { t: 'complete'; pick: number }
  | { t: 'advance'; ms: number }
  | { t: 'topup'; key: number; cents: number };

const PAIRS = [
  ['ds', '6'],
  ['tg', '0'],
  ['wa', '187'],
  ['go', '16'],
  ['wb', '16'], // sold out
] as const;
const KEYS = ['a', 'b'] as const;

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({
    t: fc.constant('order' as const),
    key: fc.nat(1),
    pair: fc.nat(PAIRS.length - 1),
    priority: fc.boolean(),
    idem: fc.option(fc.nat(3)),
  }),
  fc.record({ t: fc.constant('deliver' as const), pick: fc.nat(50), withCode: fc.boolean() }),
  fc.record({ t: fc.constant('cancel' as const), pick: fc.nat(50) }),
  fc.record({ t: fc.constant('retry' as const), pick: fc.nat(50) }),
  fc.record({ t: fc.constant('complete' as const), pick: fc.nat(50) }),
  fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
  fc.record({
    t: fc.constant('topup' as const),
    key: fc.nat(1),
    cents: fc.integer({ min: 0, max: 300 }),
  }),
);

describe('ledger properties', () => {
  it('balance + held = deposits - charges at every step; every order ends charged or refunded', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 60 }), (cmds) => {
        const { ledger, clock } = setup();
        ledger.simulation = {
          enabled: true,
          standardOdds: 0.5,
          priorityOdds: 0.9,
          maxDelaySeconds: 600,
        };
        for (const k of KEYS) ledger.deposit(k, 200);
        const all = (): Readonly<Order>[] => KEYS.flatMap((k) => ledger.ordersOf(k));
        const pick = (i: number): Readonly<Order> | undefined => {
          const list = all();
          return list.length === 0 ? undefined : list[i % list.length];
        };
        const boughtBy = new Map<string, Set<string>>();
        for (const c of cmds) {
          if (c.t === 'order') {
            const [service, country] = PAIRS[c.pair] ?? PAIRS[0];
            const r = ledger.order(KEYS[c.key] ?? 'a', {
              service,
              country,
              band: c.priority ? 'priority' : 'standard',
              idempotencyKey: c.idem === null ? undefined : `i${c.idem}`,
            });
            if (r.ok && c.idem !== null) {
              const slot = `${c.key}|${c.idem}`;
              boughtBy.set(slot, (boughtBy.get(slot) ?? new Set()).add(r.order.id));
            }
          } else if (c.t === 'advance') clock.t += c.ms;
          else if (c.t === 'topup') ledger.deposit(KEYS[c.key] ?? 'a', c.cents);
          else {
            const o = pick(c.pick);
            if (!o) continue;
            if (c.t === 'deliver') ledger.deliver(o.number, 'sms', c.withCode ? '123456' : null);
            if (c.t === 'cancel') ledger.cancel(o.key, o.id);
            if (c.t === 'retry') ledger.requestAnotherSms(o.key, o.id);
            if (c.t === 'complete') ledger.complete(o.key, o.id);
          }
          for (const k of KEYS) expect(ledger.audit(k)).toBe(true);
        }
        // No idempotency key bought twice.
        for (const ids of boughtBy.values()) expect(ids.size).toBe(1);
        clock.t += WINDOW * 1000 + 1;
        ledger.sweep();
        for (const o of all()) {
          expect(['completed', 'refunded']).toContain(o.state);
          const charges = o.movements.filter((m) => m.type === 'charge').length;
          const refunds = o.movements.filter((m) => m.type === 'refund').length;
          expect(charges + refunds).toBe(1);
          expect(charges === 1).toBe(o.state === 'completed');
        }
        for (const k of KEYS) {
          const a = ledger.account(k);
          expect(a?.heldCents).toBe(0);
          expect(a && a.balanceCents).toBe(a && a.depositsCents - a.chargedCents);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('repeated idempotency keys never buy twice (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(4), { minLength: 1, maxLength: 30 }), (idems) => {
        const { ledger } = setup();
        ledger.deposit(KEY, 100_000);
        for (const i of idems)
          ledger.order(KEY, {
            service: 'ds',
            country: '6',
            band: 'standard',
            idempotencyKey: `k${i}`,
          });
        expect(ledger.ordersOf(KEY)).toHaveLength(new Set(idems).size);
      }),
    );
  });
});
