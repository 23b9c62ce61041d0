import { withRetry } from './http.ts';
import { defaultSleep } from './rate-budget.ts';
import { ProviderError, type ProviderErrorKind } from './types.ts';

/**
 * "Never two numbers for one click" for providers without an idempotency key (the
 * SMS-Activate protocol, 5sim). Before buying we note which orders are already open; when the
 * buy call fails in a way that leaves us unsure whether it went through (the connection broke,
 * the reply was unreadable, a 5xx page), we list open orders again and adopt a new one that
 * matches instead of buying again. Hosts without a listing (SMSBower, DaisySMS) are guarded by
 * the balance instead: noted before, read after; lower means the sale went through, and then
 * nothing is bought again. A balance can also rise meanwhile (other orders of the key refunded),
 * hiding a sale, so where the host lists open orders the listing has the last word. The note
 * survives in memory per provider key, so a retry of the same
 * request (same idempotency key) after such a failure checks before buying.
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

/**
 * What was noted before a purchase whose outcome may become unknown: the open orders (when the
 * host lists them), else the balance (every host has one: a sale lowers it by the price).
 */
export type PurchaseNote =
  { kind: 'listing'; before: ReadonlySet<string> } | { kind: 'balance'; cents: number };

/** Shared by every adapter instance made for one provider key. */
export interface OrderMemo {
  /** The note taken before a purchase whose outcome is unknown, by idempotency key. */
  pending: Map<string, PurchaseNote>;
  /** Ids already handed to an order, so two concurrent purchases never adopt the same one. */
  claimed: Set<string>;
  /**
   * Purchases on one key run one at a time: with two in flight, the other's new number would
   * look like ours in the listing, and we would adopt it and buy again.
   */
  queue: Promise<unknown>;
  /** What the adapter learned about its host on this key (e.g. "no listing action"). */
  learned: Map<string, boolean>;
}

export function createOrderMemo(): OrderMemo {
  return { pending: new Map(), claimed: new Set(), queue: Promise.resolve(), learned: new Map() };
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
  /** Lists open orders (safe to retry); null when the host has no such listing. */
  listOpen(): Promise<OpenOrderRef[] | null>;
  /**
   * The account balance in minor units (safe to retry): the guard for hosts without a
   * listing, or when the listing fails. Without it, a failed listing fails the order unbought.
   */
  balance?(): Promise<number>;
  /** Buys one number (never retried blindly). */
  buy(): Promise<T>;
  /** Turns an order found in the listing into the result a buy would have given. */
  adopt(id: string): Promise<T>;
  /**
   * Provider order ids the extension's records already hold: never adopted as this purchase
   * (after a restart the memo's claimed ids are gone, the records are not).
   */
  held?: readonly string[];
  /** The provider's name, for the error when a sale's reply was lost. */
  name?: string;
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

/**
 * The balance says a number was sold but its reply never came: there is no id to adopt, so the
 * order stops here (never a second number). Unused, the host refunds it at its window's end.
 */
function lostSale(name: string): ProviderError {
  return new ProviderError(
    'unavailable',
    `${name} took the price for a number but its reply was lost, so it is not bought again. ` +
      `${name} refunds that number when its window ends.`,
  );
}

async function takeNote<T extends { id: string }>(ops: OrderOnceOps<T>): Promise<PurchaseNote> {
  const sleep = ops.sleep ?? defaultSleep;
  try {
    const open = await withRetry(() => ops.listOpen(), { sleep });
    if (open) return { kind: 'listing', before: new Set(open.map((o) => o.id)) };
  } catch (e) {
    if (!ops.balance) throw e;
  }
  if (!ops.balance) throw new ProviderError('unavailable', 'No way to check a purchase.');
  const balance = ops.balance;
  return { kind: 'balance', cents: await withRetry(() => balance(), { sleep }) };
}

/** How one purchase finds out, after a lost reply, whether it bought and what. */
function reconciler<T extends { id: string }>(ops: OrderOnceOps<T>) {
  const { memo, idempotencyKey } = ops;
  const sleep = ops.sleep ?? defaultSleep;
  const held = new Set(ops.held ?? []);
  const taken = (id: string) => memo.claimed.has(id) || held.has(id);

  const adoptNote = async (id: string): Promise<T> => {
    // Adopted before the note goes: if adopting fails, the next try with this key must still
    // find this order rather than take a new note that counts it as old and buy again.
    const adopted = await withRetry(() => ops.adopt(id), { sleep });
    claim(memo, id);
    memo.pending.delete(idempotencyKey);
    return adopted;
  };

  /** After a lost reply: the order it bought, or null when nothing was bought. */
  const reconcile = async (note: PurchaseNote): Promise<T | null> => {
    if (note.kind === 'balance') return reconcileByBalance(note);
    // The order is open now but is refunded at its window's end, after which no listing shows
    // it: look hard now rather than leave it to a later retry (the soak's orphan purchases).
    const open = await withRetry(() => ops.listOpen(), { attempts: 6, baseMs: 500, sleep });
    const fresh = (open ?? []).filter((o) => o.matches && !note.before.has(o.id) && !taken(o.id));
    const found = fresh[fresh.length - 1];
    return found ? adoptNote(found.id) : null;
  };

  /**
   * The one open order no purchase of this key and no record of ours holds: the lost sale.
   * 'none' when the listing shows no such order; null when the host has no listing.
   */
  const findUnclaimed = async (): Promise<T | 'none' | null> => {
    const open = await withRetry(() => ops.listOpen(), { attempts: 6, baseMs: 500, sleep });
    if (open === null) return null;
    const fresh = open.filter((o) => o.matches && !taken(o.id));
    // Purchases on one key run one at a time, so one unheld order is ours; several (bought
    // elsewhere with this key) cannot be told apart and none is taken.
    if (fresh.length === 1) return adoptNote(fresh[0]?.id ?? '');
    return fresh.length === 0 ? 'none' : null;
  };

  const reconcileByBalance = async (note: PurchaseNote & { kind: 'balance' }) => {
    const balance = ops.balance;
    if (!balance) return null;
    const now = await withRetry(() => balance(), { sleep });
    // The balance alone cannot be trusted when it did not drop: refunds of this key's other
    // orders since the note can hide the sale (seen in the soak: +143 ¢ over a lost 53 ¢
    // sale). Where the host lists open orders after all, its listing decides.
    const found = await findUnclaimed().catch((e: unknown) => {
      // A sale may be open and unseen: check again on the next try, never buy blind.
      if (now >= note.cents) throw e;
      return null;
    });
    if (found !== null && found !== 'none') return found;
    if (now < note.cents) {
      memo.pending.delete(idempotencyKey);
      throw lostSale(ops.name ?? 'The provider');
    }
    // Compare the next try with what it is now.
    memo.pending.set(idempotencyKey, { kind: 'balance', cents: now });
    return null;
  };

  return reconcile;
}

async function orderOnceNow<T extends { id: string }>(ops: OrderOnceOps<T>): Promise<T> {
  const { memo, idempotencyKey } = ops;
  const sleep = ops.sleep ?? defaultSleep;
  const attempts = ops.attempts ?? 3;
  const reconcile = reconciler(ops);

  let note = memo.pending.get(idempotencyKey);
  if (note) {
    // An earlier try of this very request may have bought: look before buying again.
    const found = await reconcile(note);
    if (found) return found;
  }
  if (!note || note.kind === 'balance') {
    note = await takeNote(ops);
    memo.pending.set(idempotencyKey, note);
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
      const found = await reconcile(memo.pending.get(idempotencyKey) ?? note);
      if (found) return found;
      // Nothing was bought: trying again is safe. The note stays until an answer is certain.
      if (i >= attempts) throw e;
      await sleep(400 * 2 ** (i - 1));
    }
  }
}
