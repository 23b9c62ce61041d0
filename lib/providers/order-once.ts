import { withRetry } from './http.ts';
import { defaultSleep } from './rate-budget.ts';
import { ProviderError, type ProviderErrorKind } from './types.ts';

/**
 * "Never two numbers for one click" for providers without an idempotency key (the
 * SMS-Activate protocol, 5sim). Before buying we note which orders are already open; when the
 * buy call fails in a way that leaves us unsure whether it went through (the connection broke,
 * the reply was unreadable, a 5xx page), we list open orders again and adopt a new one that
 * matches instead of buying again. The note survives in memory per provider key, so a retry
 * of the same request (same idempotency key) after such a failure checks before buying.
 * A worker killed mid-order loses the note; that window is the engine's to close.
 */

/** Failures after which the provider may or may not have sold the number. */
const AMBIGUOUS: ReadonlySet<ProviderErrorKind> = new Set([
  'network',
  'malformed_reply',
  'provider_down',
]);

export function isAmbiguous(e: unknown): boolean {
  return e instanceof ProviderError && AMBIGUOUS.has(e.kind);
}

/** One open order as the provider's listing shows it. */
export interface OpenOrderRef {
  id: string;
  /** True when it is for the service and country being ordered. */
  matches: boolean;
}

/** Shared by every adapter instance made for one provider key. */
export interface OrderMemo {
  /** Open order ids seen before a purchase whose outcome is unknown, by idempotency key. */
  pending: Map<string, ReadonlySet<string>>;
  /** Ids already handed to an order, so two concurrent purchases never adopt the same one. */
  claimed: Set<string>;
  /**
   * Purchases on one key run one at a time: with two in flight, the other's new number would
   * look like ours in the listing, and we would adopt it and buy again.
   */
  queue: Promise<unknown>;
}

export function createOrderMemo(): OrderMemo {
  return { pending: new Map(), claimed: new Set(), queue: Promise.resolve() };
}

const MAX_CLAIMED = 500;

function claim(memo: OrderMemo, id: string): void {
  memo.claimed.add(id);
  // Old ids only matter while their orders are open (minutes); keep the set small.
  if (memo.claimed.size > MAX_CLAIMED) {
    const oldest = memo.claimed.values().next();
    if (!oldest.done) memo.claimed.delete(oldest.value);
  }
}

export interface OrderOnceOps<T extends { id: string }> {
  memo: OrderMemo;
  idempotencyKey: string;
  /** Lists open orders (safe to retry). */
  listOpen(): Promise<OpenOrderRef[]>;
  /** Buys one number (never retried blindly). */
  buy(): Promise<T>;
  /** Turns an order found in the listing into the result a buy would have given. */
  adopt(id: string): Promise<T>;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function orderOnce<T extends { id: string }>(ops: OrderOnceOps<T>): Promise<T> {
  const run = ops.memo.queue.then(
    () => orderOnceNow(ops),
    () => orderOnceNow(ops),
  );
  ops.memo.queue = run.catch(() => undefined);
  return run;
}

async function orderOnceNow<T extends { id: string }>(ops: OrderOnceOps<T>): Promise<T> {
  const { memo, idempotencyKey } = ops;
  const sleep = ops.sleep ?? defaultSleep;
  const attempts = ops.attempts ?? 3;

  const findNew = async (before: ReadonlySet<string>): Promise<T | null> => {
    const open = await withRetry(ops.listOpen);
    const fresh = open.filter((o) => o.matches && !before.has(o.id) && !memo.claimed.has(o.id));
    const found = fresh[fresh.length - 1];
    if (!found) return null;
    claim(memo, found.id);
    memo.pending.delete(idempotencyKey);
    return ops.adopt(found.id);
  };

  let before = memo.pending.get(idempotencyKey);
  if (before) {
    // An earlier try of this very request may have bought: look before buying again.
    const found = await findNew(before);
    if (found) return found;
  } else {
    before = new Set((await withRetry(ops.listOpen)).map((o) => o.id));
    memo.pending.set(idempotencyKey, before);
  }

  for (let i = 1; ; i++) {
    try {
      const order = await ops.buy();
      claim(memo, order.id);
      memo.pending.delete(idempotencyKey);
      return order;
    } catch (e) {
      if (!isAmbiguous(e)) {
        memo.pending.delete(idempotencyKey);
        throw e;
      }
      const found = await findNew(before);
      if (found) return found;
      // Nothing was bought: trying again is safe. The note stays until an answer is certain.
      if (i >= attempts) throw e;
      await sleep(400 * 2 ** (i - 1));
    }
  }
}
