/**
 * What an order may still do and what it came to, asked by the popup, the history page and the
 * background alike: may it fill a page, may it be cancelled (and from when), what it cost or
 * held or got back, how it ended. Pure: the stored order and the clock decide everything.
 */
import { notRefunded, refundPending } from './refund.ts';
import { OPEN_STATES, type Order } from './types.ts';

/** How long after a code arrived a page of its site may still get it filled. */
export const CODE_FILL_MS = 20 * 60_000;

/**
 * How long the backstop alarm keeps coming back for a code that is known but not yet filled:
 * a worker killed right after storing the code (before poking the page) has nothing else to
 * wake it.
 */
export const FILL_BACKSTOP_MS = 2 * 60_000;

const endedWithin = (order: Order, now: number, ms: number) => now - (order.endedAt ?? 0) < ms;

/** Orders that may still fill something into a page: open ones, and codes not yet filled. */
export function wantsPage(order: Order, now: number): boolean {
  if (OPEN_STATES.has(order.state)) return true;
  return (
    order.state === 'completed' &&
    order.code !== null &&
    !order.codeFilled &&
    endedWithin(order, now, CODE_FILL_MS)
  );
}

/**
 * When an order stops wanting its page by the clock alone (a code never filled stops being
 * offered); null while it is open, or when it wants no page anyway.
 */
export function pageWantedUntil(order: Order, now: number): number | null {
  if (!wantsPage(order, now) || order.state !== 'completed') return null;
  return (order.endedAt ?? now) + CODE_FILL_MS;
}

/** A code that may still be filled (by hand too, again): it arrived, and ended lately if at all. */
export function codeUsable(order: Order, now: number): boolean {
  if (order.code === null) return false;
  if (order.state === 'received') return true;
  return order.state === 'completed' && endedWithin(order, now, CODE_FILL_MS);
}

/** A code known but not filled yet, lately enough that the backstop alarm keeps watching it. */
export function fillPending(order: Order, now: number): boolean {
  if (order.code === null || order.codeFilled) return false;
  if (order.state === 'received') return true;
  return order.state === 'completed' && endedWithin(order, now, FILL_BACKSTOP_MS);
}

/** A number filled into a page, then refunded lately: the page should no longer hold it. */
export function numberWithdrawn(order: Order, now: number): boolean {
  return (
    order.state === 'refunded' &&
    order.phoneFilled &&
    order.phone !== null &&
    endedWithin(order, now, CODE_FILL_MS)
  );
}

/** What the badge, the context menu and site access read of an order. */
function pageFacts(o: Order): string {
  return JSON.stringify([
    o.state,
    o.phone,
    o.code,
    o.smsText,
    o.phoneFilled,
    o.codeFilled,
    o.fillAsked ?? false,
    o.site,
    o.endedAt,
    o.expiresAt,
    o.rejectedBySite ?? null,
    o.refund?.outcome ?? null,
  ]);
}

/**
 * Whether a change of an order matters to what the pages get and show (badge, menus, site
 * access); a poll's retry time, failures or reply log do not. `previous` null: a new order.
 */
export function pageFactsChanged(previous: Order | null, next: Order): boolean {
  return previous === null || pageFacts(previous) !== pageFacts(next);
}

/**
 * Inside the provider's early-cancel lock: a cancel would be refused (the machine keeps
 * polling instead of cancelling, the popup shows the time left).
 */
export function cancelLocked(order: Order, now: number): boolean {
  return now < (order.cancelAllowedAt ?? 0);
}

/** Milliseconds until the provider accepts a cancel; zero or less once it does. */
export function cancelLockLeft(order: Order, now: number): number {
  return (order.cancelAllowedAt ?? 0) - now;
}

/** Whether the user may cancel (or swap) this order now. */
export function mayCancel(order: Order, now: number): boolean {
  return order.state === 'waiting' && !cancelLocked(order, now);
}

/** Money this order holds at the provider right now (price held while waiting). */
export function heldCents(order: Order): number {
  return order.state === 'waiting' || order.state === 'cancelling' ? (order.price?.cents ?? 0) : 0;
}

/** Money this order cost: the price stands once a code arrived, never otherwise. */
export function chargedCents(order: Order): number {
  return order.state === 'received' || order.state === 'completed' ? (order.price?.cents ?? 0) : 0;
}

export type Outcome =
  | 'charged'
  | 'refunded'
  | 'rejected by site'
  | 'refund pending'
  | 'not refunded'
  | 'no number'
  | 'open';

/** How an order ended; a refund counts only once the provider confirmed it (refund.ts). */
export function outcomeOf(order: Order): Outcome {
  if (notRefunded(order)) return 'not refunded';
  if (refundPending(order)) return 'refund pending';
  switch (order.state) {
    case 'received':
    case 'completed':
      return 'charged';
    case 'refunded':
      // The site refused the number and it was given back: refunded, and why.
      return order.rejectedBySite ? 'rejected by site' : 'refunded';
    case 'failed':
      return 'no number';
    case 'ordering':
    case 'waiting':
    case 'cancelling':
      return 'open';
  }
}

/** A number still the user's to use: it brought a code, or it is still waiting for one. */
export function numberLive(order: Order): boolean {
  const outcome = outcomeOf(order);
  return outcome === 'charged' || outcome === 'open';
}

/**
 * Where an order's money stands, in minor units of its price's currency. `saved`: what
 * pay-per-code saved, the price of an attempt that brought no code (a pay-per-number
 * service would have kept it).
 */
export interface OrderMoney {
  outcome: Outcome;
  charged: number;
  refunded: number;
  held: number;
  notRefunded: number;
  saved: number;
}

export function moneyOf(order: Order): OrderMoney {
  const cents = order.price?.cents ?? 0;
  const outcome = outcomeOf(order);
  const money = { outcome, charged: 0, refunded: 0, held: 0, notRefunded: 0, saved: 0 };
  switch (outcome) {
    case 'charged':
      return { ...money, charged: cents };
    case 'refunded':
    case 'rejected by site':
      return { ...money, refunded: cents, saved: cents };
    case 'open':
      return { ...money, held: order.state === 'ordering' ? 0 : cents };
    case 'refund pending':
      return { ...money, held: cents };
    case 'not refunded':
      return { ...money, notRefunded: cents };
    case 'no number':
      return money;
  }
}
