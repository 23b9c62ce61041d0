/**
 * "When no SMS comes within N minutes" (#20, part 2): ask the user, swap the number by itself,
 * or wait for the window as before. Pure: the background (lib/background/no-sms.ts) feeds it
 * the stored order, the preference, the page's step and the swaps already done, and acts on
 * the answer through the "Try another number" path (cancel for a refund, the same offer again).
 */
import type { MessageKey } from '../i18n.ts';
import { visitOrders } from './limits.ts';
import type { NoSmsMark, NoSmsStop, Order } from './types.ts';

export const NO_SMS_CHOICES = ['ask', 'swap', 'wait'] as const;
export type NoSmsChoice = (typeof NO_SMS_CHOICES)[number];

export interface NoSmsPolicy {
  when: NoSmsChoice;
  /** N: minutes from the number given to the question (or the swap). */
  minutes: number;
  /** K: automatic swaps per site visit (lib/orders/limits.ts's visit) at most. */
  maxSwaps: number;
}

export const DEFAULT_NO_SMS: NoSmsPolicy = { when: 'ask', minutes: 3, maxSwaps: 2 };

/** A whole number 1-99, or the default. */
const count = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 99 ? v : fallback;

/**
 * The preference as stored, made whole: a missing or broken value falls back field by field.
 * Written out rather than a zod schema: lib/storage.ts imports it, and every page that reads
 * preferences would otherwise carry zod.
 */
export function noSmsPolicy(stored: unknown): NoSmsPolicy {
  const o =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const when = NO_SMS_CHOICES.find((c) => c === o.when) ?? DEFAULT_NO_SMS.when;
  return {
    when,
    minutes: count(o.minutes, DEFAULT_NO_SMS.minutes),
    maxSwaps: count(o.maxSwaps, DEFAULT_NO_SMS.maxSwaps),
  };
}

/**
 * Where the order's page is, as its content script sees it: `phone` while its phone field is
 * there and empty or still holds this order's number; `moved` when the field is gone, holds
 * another number, or the tab left the site; `unknown` when the page did not answer (yet).
 */
export type PageStep = 'phone' | 'moved' | 'unknown';

export type NoSmsDecision =
  | { kind: 'ask' }
  | { kind: 'swap' }
  /** Nothing to do now: not due yet, the user chose to wait, already handled, and so on. */
  | { kind: 'wait'; why: 'not-due' | 'choice' | 'handled' | 'not-waiting' | 'page-unknown' }
  | { kind: 'stop'; reason: Extract<NoSmsStop, 'page' | 'max'> };

export interface NoSmsInput {
  order: Order;
  policy: NoSmsPolicy;
  page: PageStep;
  /** Automatic swaps already done in this site visit (autoSwapsThisVisit). */
  swapsDone: number;
  now: number;
}

/** When the order has waited N minutes since its number was given; null: no number yet. */
export function noSmsDueAt(order: Order, policy: NoSmsPolicy): number | null {
  return order.orderedAt === null ? null : order.orderedAt + policy.minutes * 60_000;
}

/**
 * The order's own mark: one older than its number was copied along from the order it replaced
 * (a replacement made from the old order's fields), and says nothing about this number.
 */
export function noSmsMark(order: Order): NoSmsMark | null {
  const mark = order.noSms;
  return mark && order.orderedAt !== null && mark.at >= order.orderedAt ? mark : null;
}

/**
 * The machine's `noSms` event: a waiting order takes the mark (a code or a cancel came first:
 * nothing to say). Swapped may become stopped (a limit refused it); the user hears of a
 * question or a stop once, of a swap not at all (the swap itself shows).
 */
export function markNoSms(order: Order, mark: NoSmsMark): { order: Order; notify: boolean } {
  if (order.state !== 'waiting' || noSmsMark(order)?.outcome === mark.outcome) {
    return { order, notify: false };
  }
  return { order: { ...order, noSms: mark }, notify: mark.outcome !== 'swapped' };
}

/** Whether the order waits for its SMS with nothing decided about it yet, and N is up. */
export function noSmsDue(order: Order, policy: NoSmsPolicy, now: number): boolean {
  const at = noSmsDueAt(order, policy);
  return open(order) && !noSmsMark(order) && at !== null && now >= at;
}

/** Still waiting for its first SMS, and nothing else (a refusal by the site) in the way. */
const open = (o: Order) => o.state === 'waiting' && o.code === null && !o.rejectedBySite;

export function decideNoSms({ order, policy, page, swapsDone, now }: NoSmsInput): NoSmsDecision {
  if (!open(order)) return { kind: 'wait', why: 'not-waiting' };
  const mark = noSmsMark(order);
  // Marked swapped but still waiting: the worker stopped between the mark and the cancel.
  if (mark?.outcome === 'swapped') return { kind: 'swap' };
  if (mark) return { kind: 'wait', why: 'handled' };
  if (!noSmsDue(order, policy, now)) return { kind: 'wait', why: 'not-due' };
  switch (policy.when) {
    case 'wait':
      return { kind: 'wait', why: 'choice' };
    case 'ask':
      return { kind: 'ask' };
    case 'swap':
      if (swapsDone >= policy.maxSwaps) return { kind: 'stop', reason: 'max' };
      if (page === 'unknown') return { kind: 'wait', why: 'page-unknown' };
      if (page === 'moved') return { kind: 'stop', reason: 'page' };
      return { kind: 'swap' };
  }
}

/** Why no automatic swap happened, in words (the popup and the notification say the same). */
export const NO_SMS_STOP: Record<NoSmsStop, MessageKey> = {
  page: 'popup.order.noSms.stop.page',
  max: 'popup.order.noSms.stop.max',
  limit: 'popup.order.noSms.stop.limit',
  offer: 'popup.order.noSms.stop.offer',
};

/** Orders of this order's site visit (other than itself) the background swapped by itself. */
export function autoSwapsThisVisit(orders: readonly Order[], order: Order, now: number): number {
  return visitOrders(orders, order.site, now).filter(
    (o) => o.id !== order.id && noSmsMark(o)?.outcome === 'swapped',
  ).length;
}
