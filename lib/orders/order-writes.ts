/**
 * How the engine stores its orders. Every order lives in one storage record, so each write
 * rewrites all of them, and whatever watches the orders runs again. A poll that only says
 * "still waiting" changes nothing anyone acts on (the reply run's count and last time, a retry
 * time that holds nothing back): it is kept in memory, merged into every read, and stored with
 * the order's next real change, or with the others within FLUSH_MS. A killed worker loses at
 * most that much of a reply run's count. Everything else is stored at once, and `onChange`
 * hears of it.
 */
import { warn } from '../redact.ts';
import type { Order, ReplyRecord } from './types.ts';

export interface OrderStore {
  all(): Promise<Order[]>;
  get(id: string): Promise<Order | null>;
  put(order: Order): Promise<void>;
  /** Several orders in one write (the poll bookkeeping held back); else one put each. */
  putMany?(orders: readonly Order[]): Promise<void>;
  /** Moves finished orders that ended before then out of the live record; how many moved. */
  archive?(endedBefore: number): Promise<number>;
}

/** Called after an order that changed was stored; `previous` is null for a new order. */
export type OrderChange = (order: Order, previous: Order | null) => void;

/** Longest a poll's bookkeeping waits in memory for a write. */
export const FLUSH_MS = 60_000;

type PollPatch = Pick<Order, 'retryAt' | 'replies'>;

const BOOKKEEPING: ReadonlySet<string> = new Set(['retryAt', 'replies']);

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The same runs of replies, only the last one's end and count moved (one more of the same). */
function sameRunGrew(before: readonly ReplyRecord[], after: readonly ReplyRecord[]): boolean {
  if (before.length !== after.length || before.length === 0) return false;
  const last = before.length - 1;
  const [a, b] = [before[last] as ReplyRecord, after[last] as ReplyRecord];
  if (a.what !== b.what || a.via !== b.via || a.at !== b.at) return false;
  return before.every((r, i) => i === last || same(r, after[i]));
}

/**
 * Whether `next` differs from `previous` only by a poll's bookkeeping: a reply repeating the
 * last one, and a retry time that holds nothing back at `now`.
 */
export function pollOnly(previous: Order, next: Order, now: number): boolean {
  if (next.retryAt > now) return false;
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    if (!same(previous[key as keyof Order], next[key as keyof Order])) return false;
  }
  return (
    same(previous.replies, next.replies) || sameRunGrew(previous.replies ?? [], next.replies ?? [])
  );
}

/**
 * The engine's view of the store: poll bookkeeping merged in, real changes stored and told to
 * `onChange`. Callers serialise writes (the engine's write turn).
 */
export function createOrderWriter(store: OrderStore, now: () => number, onChange?: OrderChange) {
  const held = new Map<string, PollPatch>();
  let heldSince: number | null = null;
  const merge = (order: Order): Order => {
    const patch = held.get(order.id);
    return patch ? { ...order, ...patch } : order;
  };

  /** The orders with bookkeeping held back, merged, and no longer held. */
  async function heldOrders(): Promise<Order[]> {
    const orders: Order[] = [];
    for (const id of held.keys()) {
      const stored = await store.get(id);
      if (stored) orders.push(merge(stored));
    }
    held.clear();
    heldSince = null;
    return orders;
  }

  async function flush(): Promise<void> {
    const orders = await heldOrders();
    if (orders.length === 0) return;
    if (store.putMany) await store.putMany(orders);
    else for (const o of orders) await store.put(o);
  }

  return {
    all: async () => (await store.all()).map(merge),
    get: async (id: string) => {
      const order = await store.get(id);
      return order && merge(order);
    },
    /** Stores a transition's result; `previous`: the order it came from (null: a new one). */
    async put(order: Order, previous: Order | null): Promise<void> {
      const t = now();
      if (previous && pollOnly(previous, order, t)) {
        held.set(order.id, { retryAt: order.retryAt, replies: order.replies });
        heldSince ??= t;
        if (t - heldSince >= FLUSH_MS) await flush();
        return;
      }
      held.delete(order.id);
      // One record holds every order: what was held back goes along in the same write.
      const all = [order, ...(await heldOrders())];
      if (all.length > 1 && store.putMany) await store.putMany(all);
      else for (const o of all) await store.put(o);
      try {
        onChange?.(order, previous);
      } catch (e) {
        warn(`order ${order.id}: change hook failed`, e);
      }
    },
    flush,
  };
}

export type OrderWriter = ReturnType<typeof createOrderWriter>;
