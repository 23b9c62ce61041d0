import { warn } from '../redact.ts';
import { AppError } from '../errors.ts';
import { capSmsText, chooseCode } from '../sms/extract-code.ts';
import {
  isProviderError,
  type Provider,
  type ProviderId,
  type ProviderStatus,
} from '../providers/types.ts';
import type { Money } from '../money.ts';
import { ARCHIVE_AFTER_MS } from './archive.ts';
import { checkLimits, LimitError, type SpendLimits } from './limits.ts';
import { createOrderWriter, type OrderChange, type OrderStore } from './order-writes.ts';
import { createOrder, nextCall, transition, type OrderEffect, type OrderEvent } from './machine.ts';
import {
  OPEN_STATES,
  type CancelReason,
  type NewOrder,
  type Order,
  type OrderError,
} from './types.ts';

export type { OrderStore };

export interface EngineDeps {
  store: OrderStore;
  /**
   * Told after an order that changed was stored (badge, site access, cached balance); not
   * after a poll that only repeated the last reply (order-writes.ts).
   */
  onChange?: OrderChange;
  /**
   * The provider with that id (an order's), or the default one; null when none is set up.
   * With an order id: the settings that order was placed with (its own key, kept after edits).
   */
  provider(id?: ProviderId, orderId?: string): Promise<Provider | null>;
  now(): number;
  newId(): string;
  /** Runs an effect after the transition that asked for it was stored. */
  runEffect(order: Order, effect: OrderEffect): Promise<void>;
  /** Spending limits every new order must pass; none when absent (lib/orders/limits.ts). */
  spend?: SpendGuard;
}

export interface SpendGuard {
  limits(): Promise<SpendLimits>;
  /** The balance at the provider that would get the order; null when unknown. */
  balance(providerId: ProviderId): Promise<Money | null>;
}

export type OrderInput = Omit<NewOrder, 'id' | 'idempotencyKey' | 'providerId'> & {
  /** Which configured provider to order from; the default one when absent. */
  providerId?: ProviderId;
};

/** A one-slot queue: transitions are read-modify-write on storage and must not interleave. */
function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Longest error message kept on an order: a provider may quote a megabyte of garbage. */
const MAX_MESSAGE = 300;
const clip = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;

function toOrderError(e: unknown): { error: OrderError; retryAfterMs: number | null } {
  if (isProviderError(e)) {
    const error: OrderError = { kind: e.kind, message: clip(e.message) };
    if (e.kind === 'price_moved') error.currentPrice = e.currentPrice;
    return { error, retryAfterMs: e.retryAfterMs };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { error: { kind: 'network', message: clip(message) }, retryAfterMs: null };
}

/**
 * The code we keep: an origin-bound line in the SMS wins, then the provider's parsed code when
 * the text bears it out, then our own extraction (providers sometimes parse the wrong number).
 */
function withChosenCode(status: ProviderStatus): ProviderStatus {
  if (status.kind !== 'code') return status;
  // Stored capped: the order is read on every poll, fill and popup render.
  const text = status.text === null ? null : capSmsText(status.text);
  return { ...status, text, code: chooseCode(status.code, text) ?? status.code };
}

export function createEngine(deps: EngineDeps) {
  const exclusive = createMutex();
  // Every read and write of orders goes through it: held-back poll bookkeeping merged in.
  const store = createOrderWriter(deps.store, () => deps.now(), deps.onChange);
  const inFlight = new Set<string>();

  async function runEffects(order: Order, effects: OrderEffect[]) {
    for (const effect of effects) {
      try {
        await deps.runEffect(order, effect);
      } catch (e) {
        // An effect (a fill, a notification) failing must never lose the stored order.
        warn(`order ${order.id}: effect ${effect.type} failed`, e);
      }
    }
  }

  /**
   * What the limit check needs besides the orders, read before the write turn (the balance may
   * ask the provider, and the turn must not wait on the network).
   */
  async function limitCheck(input: OrderInput) {
    const spend = deps.spend as SpendGuard;
    const limits = await spend.limits();
    const balance =
      limits.balanceFloor && input.providerId ? await spend.balance(input.providerId) : null;
    const now = deps.now();
    // An order with no cap may cost anything: it is checked at its known price, nothing.
    const price = input.maxPrice ?? { cents: 0, currency: limits.dailyCap?.currency ?? 'USD' };
    return (orders: readonly Order[]) =>
      checkLimits({ orders, limits, price, balance, site: input.site, now });
  }

  /** Applies an event to the stored order: transition, persist, then effects. */
  async function apply(id: string, event: OrderEvent): Promise<Order | null> {
    const result = await exclusive(async () => {
      const order = await store.get(id);
      if (!order) return null;
      const t = transition(order, event, deps.now());
      if (t.order !== order) await store.put(t.order, order);
      return t;
    });
    if (!result) return null;
    await runEffects(result.order, result.effects);
    return result.order;
  }

  /** What our records hold at this provider: never to be taken for a lost purchase. */
  async function heldIds(providerId: Order['providerId']): Promise<string[]> {
    const all = await store.all();
    return all.flatMap((o) =>
      o.providerId === providerId && o.providerOrderId !== null ? [o.providerOrderId] : [],
    );
  }

  async function call(
    order: Order,
    provider: Provider,
    what: NonNullable<ReturnType<typeof nextCall>>,
    urgent: boolean,
  ) {
    const id = order.providerOrderId ?? '';
    switch (what) {
      case 'order': {
        const placed = await provider.order({
          service: order.service.code,
          country: order.country.code,
          tier: order.tier,
          maxPrice: order.maxPrice,
          idempotencyKey: order.idempotencyKey,
          held: await heldIds(order.providerId),
        });
        return apply(order.id, { type: 'placed', placed });
      }
      case 'poll':
        return applyStatus(order.id, await provider.check(id, { urgent }));
      case 'cancel':
        // A number the site refused is banned where the provider can (5sim), so it is not
        // sold again; the refund is the same.
        return applyStatus(
          order.id,
          await (order.rejectedBySite ? provider.cancel(id, { ban: true }) : provider.cancel(id)),
          'cancel',
        );
      case 'complete':
        // Providers without an explicit "done" (capabilities.complete false) treat it as a no-op.
        await provider.complete(id);
        return apply(order.id, { type: 'completed' });
      case 'anotherSms':
        await provider.requestAnotherSms(id);
        return apply(order.id, { type: 'anotherSmsSent' });
    }
  }

  const applyStatus = (id: string, status: ProviderStatus, via?: 'cancel') =>
    apply(id, { type: 'status', status: withChosenCode(status), ...(via ? { via } : {}) });

  /**
   * Moves one order forward: the clock first (window end), then the provider call its state
   * needs. `pollDue` lets the scheduler hold back polls to keep inside the rate budget;
   * `urgent` marks a poll the page is waiting for (its code field shows).
   */
  async function step(id: string, pollDue: boolean, urgent = false): Promise<Order | null> {
    let order = await apply(id, { type: 'tick' });
    if (!order || inFlight.has(id)) return order;
    // Claimed before the next await: a concurrent step of this order (create() and a scheduler
    // pass) must not slip in while the provider settings load and make a second call.
    inFlight.add(id);
    try {
      const provider = await deps.provider(order.providerId, order.id);
      if (!provider) return order;
      const what = nextCall(order, deps.now());
      if (!what || (what === 'poll' && !pollDue)) return order;
      // A routine poll never queues for the rate budget: it would hold this order back (one
      // call at a time) when its page shows the code field and the poll becomes urgent.
      if (what === 'poll' && !urgent && provider.budget?.available() === 0) return order;
      try {
        order = (await call(order, provider, what, urgent)) ?? order;
      } catch (e) {
        const { error, retryAfterMs } = toOrderError(e);
        order = (await apply(id, { type: 'error', error, retryAfterMs })) ?? order;
      }
    } finally {
      inFlight.delete(id);
    }
    return order;
  }

  /**
   * One bulk status request for every given order of one provider that needs a poll now
   * (capabilities.bulkCheck). Returns the ids it settled; the caller steps the others alone,
   * so an order missing from the reply is still checked one by one, never assumed gone.
   */
  async function pollMany(ids: readonly string[], urgent = false): Promise<Set<string>> {
    const settled = new Set<string>();
    const due: Order[] = [];
    for (const id of ids) {
      const order = await apply(id, { type: 'tick' });
      if (order && !inFlight.has(id) && nextCall(order, deps.now()) === 'poll') due.push(order);
    }
    const first = due[0];
    if (!first || due.length < 2) return settled;
    const provider = await deps.provider(first.providerId, first.id);
    if (!provider?.checkMany || !provider.capabilities.bulkCheck) return settled;
    if (!urgent && provider.budget?.available() === 0) return settled;
    // One request covers one account: orders placed with another key (the user edited the
    // provider meanwhile) are left to step alone. Providers of one key share one rate budget.
    const batch: Order[] = [];
    for (const o of due) {
      if (o.providerId !== first.providerId || !o.providerOrderId) continue;
      if ((await deps.provider(o.providerId, o.id))?.budget === provider.budget) batch.push(o);
    }
    batch.forEach((o) => inFlight.add(o.id));
    try {
      const ids = batch.map((o) => o.providerOrderId ?? '');
      const statuses = await provider.checkMany(ids, { urgent });
      for (const o of batch) {
        const status = statuses.get(o.providerOrderId ?? '');
        if (!status) continue;
        await applyStatus(o.id, status);
        settled.add(o.id);
      }
    } catch (e) {
      // One failed bulk call counts against every order in it: they all back off together.
      const { error, retryAfterMs } = toOrderError(e);
      for (const o of batch) {
        await apply(o.id, { type: 'error', error, retryAfterMs });
        settled.add(o.id);
      }
    } finally {
      batch.forEach((o) => inFlight.delete(o.id));
    }
    return settled;
  }

  return {
    apply,
    step,
    pollMany,

    /**
     * Start-up (a fresh worker, a browser restart): asks the provider about every open order
     * now, whatever the cadence says. It may have refunded one by itself, or a code may have
     * arrived while the browser was closed: that code is filled, shown and completed.
     */
    async reconcile(): Promise<Order[]> {
      const open = (await store.all()).filter((o) => OPEN_STATES.has(o.state));
      const settled = await pollMany(open.map((o) => o.id));
      const out: Order[] = [];
      for (const o of open) {
        const after = settled.has(o.id) ? await store.get(o.id) : await step(o.id, true);
        if (after) out.push(after);
      }
      return out;
    },

    requestAnotherSms: (id: string) => apply(id, { type: 'requestAnotherSms' }),

    /**
     * Would a new order pass the spending limits? `replacing`: the order it replaces ("try
     * another number"), whose money comes back, though it still counts as a number of the visit.
     */
    async refusal(input: OrderInput, replacing?: string) {
      if (!deps.spend) return null;
      const prepared = await limitCheck(input);
      const all = await store.all();
      return prepared(all.map((o) => (o.id === replacing ? { ...o, state: 'refunded' } : o)));
    },

    /**
     * `refusal` for many offers at once (choosing what replaces `replacing`, replacement.ts):
     * the limits, the orders and each provider's balance are read once, then asked per offer.
     */
    async refusals(replacing: Order, providerIds: readonly ProviderId[]) {
      const spend = deps.spend;
      if (!spend) return () => null;
      const limits = await spend.limits();
      const balances = new Map<ProviderId, Money | null>();
      for (const id of new Set(providerIds)) {
        balances.set(id, limits.balanceFloor ? await spend.balance(id) : null);
      }
      const orders = (await store.all()).map((o) =>
        o.id === replacing.id ? { ...o, state: 'refunded' as const } : o,
      );
      const { site } = replacing;
      const now = deps.now();
      return (providerId: ProviderId, price: Money) =>
        checkLimits({
          orders,
          limits,
          price,
          balance: balances.get(providerId) ?? null,
          site,
          now,
        });
    },

    async create(input: OrderInput): Promise<Order> {
      const provider = await deps.provider(input.providerId);
      if (!provider) throw new AppError('no_provider', 'No provider is set up.');
      const order = createOrder(
        {
          ...input,
          id: deps.newId(),
          idempotencyKey: deps.newId(),
          providerId: provider.id,
          anotherSms: provider.capabilities.anotherSms,
        },
        deps.now(),
      );
      const check = deps.spend ? await limitCheck({ ...input, providerId: provider.id }) : null;
      // Stored before the provider hears of it: a crash mid-order retries with the same key.
      // The limits are checked in the same write turn, so two orders at once cannot both slip
      // under a cap that has room for one.
      await exclusive(async () => {
        const refused = check ? check(await store.all()) : null;
        if (refused) throw new LimitError(refused);
        await store.put(order, null);
      });
      return (await step(order.id, true)) ?? order;
    },

    cancel: (id: string, reason: CancelReason) => apply(id, { type: 'cancel', reason }),

    allOrders: () => store.all(),

    /** Finished orders older than ARCHIVE_AFTER_MS leave the live record (history keeps them). */
    archiveEnded: () =>
      exclusive(async () => (await deps.store.archive?.(deps.now() - ARCHIVE_AFTER_MS)) ?? 0),

    async openOrders(): Promise<Order[]> {
      return (await store.all()).filter((o) => OPEN_STATES.has(o.state));
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
