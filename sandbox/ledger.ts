/**
 * The sandbox ledger: accounts (one per API key, shared by every face) and pay-per-code orders.
 * Price held at order, charged once when the first code arrives, refunded on cancel or window
 * end. Invariant at every step, per account: balance + held = deposits - charged.
 *
 * Time comes from an injectable clock. Every public method first sweeps (window ends and
 * simulated deliveries that are due), so a fake clock works; with `timers` on, a setTimeout per
 * order also sweeps at the right moment on a real clock.
 */
import { Catalog, priceOf, stockOf } from './catalog.ts';
import {
  DEFAULT_SIMULATION,
  OPEN_STATES,
  type Account,
  type CancelResult,
  type ClaimResult,
  type DeliverResult,
  type Order,
  type OrderRequest,
  type OrderResult,
  type RefundDelay,
  type SimulationSettings,
  type StepResult,
} from './ledger-types.ts';
import { generateNumber } from './numbers.ts';
import { mulberry32, randInt, randomSeed, type Rng } from './random.ts';
import { holdBack, planSimulatedSms } from './sms-texts.ts';

export * from './ledger-types.ts';

export interface LedgerOptions {
  catalog?: Catalog;
  now?: () => number;
  windowSeconds?: number;
  earlyCancelSeconds?: number;
  /** Seed for numbers, ids and simulation; random when omitted. */
  seed?: number;
  /** Arm a setTimeout per order (default true). Unit tests with a fake clock pass false. */
  timers?: boolean;
  simulation?: Partial<SimulationSettings>;
}

const endedWithoutCode = (o: Order) => o.state === 'refunded' || o.state === 'cancelled';

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

export class Ledger {
  readonly catalog: Catalog;
  readonly now: () => number;
  windowSeconds: number;
  earlyCancelSeconds: number;
  simulation: SimulationSettings;
  /** How the next orders (one entry each, oldest first) refund, and get their SMS. */
  refundPlan: RefundDelay[] = [];
  deliveryPlan: NonNullable<Order['deliveryDelay']>[] = [];
  private readonly rng: Rng;
  private readonly useTimers: boolean;
  private readonly accounts = new Map<string, Account>();
  private readonly orders = new Map<string, Order>();
  private readonly openIds = new Set<string>();
  /** Ended without a code, refund due later (state `cancelled`, refundDueAt set). */
  private readonly pendingRefunds = new Set<string>();
  private readonly openByNumber = new Map<string, string>();
  /** `${key}\n${idempotencyKey}` -> order id, or null while the first request is in progress. */
  private readonly idempotency = new Map<string, string | null>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>[]>();
  private nextId: number;

  constructor(opts: LedgerOptions = {}) {
    this.catalog = opts.catalog ?? new Catalog();
    this.now = opts.now ?? Date.now;
    this.windowSeconds = opts.windowSeconds ?? 1200;
    this.earlyCancelSeconds = opts.earlyCancelSeconds ?? 120;
    this.rng = mulberry32(opts.seed ?? randomSeed());
    this.useTimers = opts.timers ?? true;
    this.simulation = { ...DEFAULT_SIMULATION, ...opts.simulation };
    this.nextId = 1_000_000_000 + randInt(this.rng, 0, 800_000_000);
  }

  // ---- accounts ----

  /** Creates the account or tops it up; returns the account after the deposit. */
  deposit(key: string, cents: number): Readonly<Account> {
    if (!Number.isSafeInteger(cents) || cents < 0)
      throw new RangeError('cents must be a non-negative integer');
    this.sweep();
    const account = this.accounts.get(key) ?? {
      key,
      balanceCents: 0,
      heldCents: 0,
      depositsCents: 0,
      chargedCents: 0,
      refundedCents: 0,
    };
    account.balanceCents += cents;
    account.depositsCents += cents;
    this.accounts.set(key, account);
    return account;
  }

  account(key: string): Readonly<Account> | undefined {
    this.sweep();
    return this.accounts.get(key);
  }

  hasAccount(key: string): boolean {
    return this.accounts.has(key);
  }

  // ---- orders ----

  /**
   * Marks an idempotency key as in progress (first use), or reports that it is in progress or
   * already produced an order. `order()` with the same key settles or releases the claim.
   */
  claimIdempotency(key: string, idempotencyKey: string): ClaimResult {
    const slot = `${key}\n${idempotencyKey}`;
    const existing = this.idempotency.get(slot);
    if (existing === null) return { kind: 'in_progress' };
    if (existing !== undefined) {
      const order = this.orders.get(existing);
      if (order) return { kind: 'replay', order };
    }
    this.idempotency.set(slot, null);
    return { kind: 'new' };
  }

  /** Drops an unsettled claim (the request failed before `order()` ran). */
  releaseIdempotency(key: string, idempotencyKey: string): void {
    const slot = `${key}\n${idempotencyKey}`;
    if (this.idempotency.get(slot) === null) this.idempotency.delete(slot);
  }

  /**
   * Buys a number. With an idempotency key that already bought, returns that order again
   * (replayed: true) and buys nothing. Failures buy nothing and release the key, so a retry
   * after e.g. a top-up is processed afresh.
   */
  order(key: string, req: OrderRequest): OrderResult {
    this.sweep();
    const slot = req.idempotencyKey === undefined ? undefined : `${key}\n${req.idempotencyKey}`;
    const previous = slot === undefined ? undefined : this.idempotency.get(slot);
    if (typeof previous === 'string') {
      const order = this.orders.get(previous);
      if (order) return { ok: true, order, replayed: true };
    }
    const result = this.buy(key, req);
    if (slot !== undefined) {
      if (result.ok) this.idempotency.set(slot, result.order.id);
      else this.idempotency.delete(slot);
    }
    return result;
  }

  private buy(key: string, req: OrderRequest): OrderResult {
    const account = this.accounts.get(key);
    if (!account) return { ok: false, reason: 'no_account' };
    const service = this.catalog.service(req.service);
    if (!service) return { ok: false, reason: 'unknown_service' };
    const country = this.catalog.country(req.country);
    if (!country) return { ok: false, reason: 'unknown_country' };
    const offer = this.catalog.offer(req.service, req.country);
    if (!offer) return { ok: false, reason: 'unknown_pair' };
    if (stockOf(offer, req.band) <= 0) return { ok: false, reason: 'out_of_stock' };
    const priceCents = priceOf(offer, req.band);
    if (req.maxPriceCents !== undefined && priceCents > req.maxPriceCents) {
      return { ok: false, reason: 'price_above_max', priceCents };
    }
    if (account.balanceCents < priceCents) {
      return { ok: false, reason: 'insufficient_balance', priceCents };
    }
    const number = generateNumber(country.iso, this.rng, (n) => this.openByNumber.has(n));
    this.catalog.take(req.service, req.country, req.band);
    const now = this.now();
    const order: Order = {
      id: String(this.nextId++),
      key,
      service: req.service,
      country: req.country,
      band: req.band,
      number,
      priceCents,
      state: 'waiting',
      code: null,
      sms: [],
      createdAt: now,
      expiresAt: now + this.windowSeconds * 1000,
      cancelableAt: now + this.earlyCancelSeconds * 1000,
      windowSeconds: this.windowSeconds,
      movements: [{ type: 'hold', cents: priceCents, at: now }],
      simulated: null,
      refundDelay: this.refundPlan.shift() ?? null,
      deliveryDelay: this.deliveryPlan.shift() ?? null,
      ended: null,
      refundDueAt: null,
    };
    account.balanceCents -= priceCents;
    account.heldCents += priceCents;
    this.orders.set(order.id, order);
    this.openIds.add(order.id);
    this.openByNumber.set(number, order.id);
    order.simulated = planSimulatedSms(order, service.name, this.simulation, this.rng);
    if (order.simulated) this.arm(order.id, order.simulated.at);
    this.arm(order.id, order.expiresAt);
    return { ok: true, order, replayed: false };
  }

  /** The order if it exists and belongs to `key`. */
  getOrder(key: string, id: string): Readonly<Order> | undefined {
    this.sweep();
    const order = this.orders.get(id);
    return order && order.key === key ? order : undefined;
  }

  /** Every order of `key`, oldest first. */
  ordersOf(key: string): Readonly<Order>[] {
    this.sweep();
    return [...this.orders.values()].filter((o) => o.key === key);
  }

  openOrdersOf(key: string): Readonly<Order>[] {
    return this.ordersOf(key).filter((o) => OPEN_STATES.has(o.state));
  }

  /** `lock: false` for a face whose provider documents no early-cancel period (CODASMS). */
  cancel(key: string, id: string, opts: { lock?: boolean } = {}): CancelResult {
    this.sweep();
    const order = this.orders.get(id);
    if (!order || order.key !== key) return { kind: 'not_found' };
    if (endedWithoutCode(order)) return { kind: 'refunded', order };
    if (order.code !== null) return { kind: 'has_code', order };
    const now = this.now();
    if (opts.lock !== false && now < order.cancelableAt) {
      const retryInSeconds = Math.max(1, Math.ceil((order.cancelableAt - now) / 1000));
      return { kind: 'too_early', order, retryInSeconds };
    }
    this.endWithoutCode(order, 'cancelled', now);
    return { kind: 'refunded', order };
  }

  /**
   * An SMS for the open order (waiting or waiting_resend) holding `number`. A code turns the
   * hold into a charge the first time; later codes are appended, never charged again. An SMS
   * without a code is recorded and the order keeps waiting. A delivery delay holds one back.
   */
  deliver(number: string, text: string, code: string | null): DeliverResult {
    this.sweep();
    const id = this.openByNumber.get(number);
    const order = id === undefined ? undefined : this.orders.get(id);
    if (!order || (order.state !== 'waiting' && order.state !== 'waiting_resend')) {
      return { kind: 'not_found' };
    }
    const held = holdBack(order, text, code, this.now());
    if (held === null) return this.applySms(order, text, code, this.now());
    if (held !== 'never') this.arm(order.id, held);
    return { kind: 'held', order };
  }

  private applySms(order: Order, text: string, code: string | null, at: number): DeliverResult {
    order.sms.push({ text, code, at });
    if (code === null) return { kind: 'recorded', order };
    if (order.state === 'waiting') {
      const account = this.mustAccount(order.key);
      account.heldCents -= order.priceCents;
      account.chargedCents += order.priceCents;
      order.movements.push({ type: 'charge', cents: order.priceCents, at });
    }
    order.code = code;
    order.state = 'delivered';
    return { kind: 'delivered', order, code };
  }

  /** SMS-Activate setStatus 3: wait for another SMS on an order that has a code. */
  requestAnotherSms(key: string, id: string): StepResult {
    this.sweep();
    const order = this.orders.get(id);
    if (!order || order.key !== key) return { kind: 'not_found' };
    if (order.state === 'waiting') return { kind: 'no_code', order };
    if (!OPEN_STATES.has(order.state)) return { kind: 'closed', order };
    order.state = 'waiting_resend';
    return { kind: 'ok', order };
  }

  /** SMS-Activate setStatus 6: finish an order that has a code (idempotent). */
  complete(key: string, id: string): StepResult {
    this.sweep();
    const order = this.orders.get(id);
    if (!order || order.key !== key) return { kind: 'not_found' };
    if (order.state === 'waiting') return { kind: 'no_code', order };
    if (endedWithoutCode(order)) return { kind: 'closed', order };
    if (order.state !== 'completed') this.close(order, 'completed');
    return { kind: 'ok', order };
  }

  // ---- time ----

  /** Applies simulated deliveries and window ends that are due at `now`. */
  sweep(now: number = this.now()): void {
    for (const id of [...this.openIds]) {
      const order = this.orders.get(id);
      if (!order) continue;
      const sim = order.simulated;
      if (sim && sim.at <= now && sim.at < order.expiresAt) {
        order.simulated = null;
        if (order.state === 'waiting') this.applySms(order, sim.text, sim.code, sim.at);
      }
      if (order.expiresAt <= now) {
        if (order.state === 'waiting') this.endWithoutCode(order, 'expired', order.expiresAt);
        else this.close(order, 'completed');
      }
    }
    for (const id of [...this.pendingRefunds]) {
      const order = this.orders.get(id);
      const due = order?.refundDueAt ?? Infinity;
      if (!order || due > now) continue;
      this.pendingRefunds.delete(id);
      this.refund(order, due);
    }
  }

  /** Clears every timer (server shutdown). */
  dispose(): void {
    for (const handles of this.timers.values()) handles.forEach(clearTimeout);
    this.timers.clear();
  }

  /** True when the account satisfies every money invariant (used by tests). */
  audit(key: string): boolean {
    const a = this.accounts.get(key);
    if (!a) return false;
    const orders = [...this.orders.values()].filter((o) => o.key === key);
    // A cancelled order whose refund has not landed still holds its price.
    const holding = (o: Order) => o.state === 'waiting' || o.state === 'cancelled';
    const held = orders.filter(holding).reduce((s, o) => s + o.priceCents, 0);
    const charged = orders.filter((o) => o.code !== null).reduce((s, o) => s + o.priceCents, 0);
    return (
      a.balanceCents >= 0 &&
      a.balanceCents + a.heldCents === a.depositsCents - a.chargedCents &&
      a.heldCents === held &&
      a.chargedCents === charged
    );
  }

  // ---- internals ----

  /** Ends an order that got no code: refunded now, later or never (order.refundDelay). */
  private endWithoutCode(order: Order, reason: 'expired' | 'cancelled', at: number): void {
    order.ended = reason;
    const delay = order.refundDelay;
    if (delay === null) return this.refund(order, at);
    this.close(order, 'cancelled');
    if (delay.kind === 'never') return;
    order.refundDueAt = at + delay.seconds * 1000;
    this.pendingRefunds.add(order.id);
    this.arm(order.id, order.refundDueAt);
  }

  private refund(order: Order, at: number): void {
    const account = this.mustAccount(order.key);
    account.heldCents -= order.priceCents;
    account.balanceCents += order.priceCents;
    account.refundedCents += order.priceCents;
    const reason = order.ended ?? 'cancelled';
    order.movements.push({ type: 'refund', cents: order.priceCents, at, reason });
    this.close(order, 'refunded');
  }

  private close(order: Order, state: 'completed' | 'cancelled' | 'refunded'): void {
    order.state = state;
    order.simulated = null;
    this.openIds.delete(order.id);
    if (this.openByNumber.get(order.number) === order.id) this.openByNumber.delete(order.number);
    this.timers.get(order.id)?.forEach(clearTimeout);
    this.timers.delete(order.id);
  }

  private mustAccount(key: string): Account {
    const account = this.accounts.get(key);
    if (!account) throw new Error('order without account');
    return account;
  }

  private arm(id: string, at: number): void {
    if (!this.useTimers) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - this.now()) + 5);
    const handle = setTimeout(() => {
      try {
        this.sweep();
      } catch {
        // A sweep failure must never take the server down; the next request sweeps again.
      }
    }, delay);
    handle.unref();
    const list = this.timers.get(id) ?? [];
    list.push(handle);
    this.timers.set(id, list);
  }
}
