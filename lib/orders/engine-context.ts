/**
 * What every engine operation shares (engine.ts builds one per engine): its deps, the one
 * write turn, the store view every read and write goes through, and the orders with a provider
 * call under way. The operations themselves live in engine-steps.ts, engine-spend.ts and
 * engine.ts, and all take this context.
 */
import type { Money } from '../money.ts';
import type { Provider, ProviderId } from '../providers/types.ts';
import type { SpendLimits } from './limits.ts';
import type { OrderEffect } from './machine.ts';
import {
  createOrderWriter,
  type OrderChange,
  type OrderStore,
  type OrderWriter,
} from './order-writes.ts';
import type { NewOrder, Order } from './types.ts';

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

/** Runs `fn` in the engine's write turn, after every call queued before it has settled. */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

export interface EngineContext {
  deps: EngineDeps;
  /** The one write turn of this engine: every caller of it shares the same queue. */
  exclusive: Exclusive;
  /** The store as the engine sees it: poll bookkeeping held back and merged (order-writes.ts). */
  store: OrderWriter;
  /** Orders with a provider call under way (a step or a bulk poll): no second call for them. */
  inFlight: Set<string>;
}

/** A one-slot queue: transitions are read-modify-write on storage and must not interleave. */
function createMutex(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One engine's shared state: built once by createEngine, passed to each of its operations. */
export function createEngineContext(deps: EngineDeps): EngineContext {
  const exclusive = createMutex();
  // Every read and write of orders goes through it: held-back poll bookkeeping merged in.
  const store = createOrderWriter(deps.store, () => deps.now(), deps.onChange);
  const inFlight = new Set<string>();
  return { deps, exclusive, store, inFlight };
}
