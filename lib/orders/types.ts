import type { Money } from '../money.ts';
import type { ProviderErrorKind, ProviderId, Tier } from '../providers/types.ts';
import type { Replacement } from './replacement.ts';

export type OrderState =
  'ordering' | 'waiting' | 'cancelling' | 'received' | 'completed' | 'refunded' | 'failed';

export const OPEN_STATES: ReadonlySet<OrderState> = new Set([
  'ordering',
  'waiting',
  'cancelling',
  'received',
]);

/** Why we cancel: the user, the window's end, "try another number", or a price above the cap. */
export type CancelReason = 'user' | 'window' | 'another' | 'price';

export interface OrderSite {
  tabId: number;
  /** Origin the order was placed from, e.g. https://discord.com */
  origin: string;
  /** Registrable domain (public suffix list): the widest unit an order may follow to (lib/orders/binding.ts). */
  domain: string;
  /** Other origins of that domain the order's own tab went to during the signup. */
  followed?: string[];
}

export interface OrderError {
  kind: ProviderErrorKind;
  message: string;
  /** price_moved: the price asked now, for the popup to offer (null: no offer left). */
  currentPrice?: Money | null;
}

export interface Order {
  id: string;
  idempotencyKey: string;
  providerId: ProviderId;
  providerOrderId: string | null;
  service: { code: string; name: string };
  country: { code: string; name: string; iso: string | null };
  tier: Tier;
  maxPrice: Money | null;
  site: OrderSite;
  state: OrderState;
  phone: string | null;
  /** The price held at order time; charged on a code, returned on a refund. */
  price: Money | null;
  code: string | null;
  smsText: string | null;
  createdAt: number;
  orderedAt: number | null;
  expiresAt: number | null;
  /** Earliest time the provider accepts a cancel. */
  cancelAllowedAt: number | null;
  cancelReason: CancelReason | null;
  /** Set when a cancel was refused because a code exists: poll before cancelling again. */
  pollBeforeCancel: boolean;
  /** Consecutive failed provider calls, for backoff. */
  failures: number;
  /** No provider call for this order before this time (backoff, "too early"). */
  retryAt: number;
  lastError: OrderError | null;
  phoneFilled: boolean;
  codeFilled: boolean;
  /**
   * The user pressed "Fill again": the page fills what is unfilled whatever the options'
   * auto-fill switches say, until the code is filled. Absent on orders stored before.
   */
  fillAsked?: boolean;
  endedAt: number | null;
  /** The attempt this one replaced ("try another number"). */
  previousOrderId: string | null;
  /**
   * The provider can send another SMS on this order (capabilities.anotherSms): `complete` then
   * waits a little after the code, since completing closes the order for good.
   */
  anotherSms: boolean;
  /** "Request another SMS": asked for (call pending), or sent and waiting for the new code. */
  resend: ResendState;
  /**
   * The refund check after a cancel or an expiry (lib/orders/refund.ts). Absent on orders
   * stored before refund checks existed, and on orders that never needed one.
   */
  refund?: RefundCheck | null;
  /** Every status reply and error the provider gave for this order, runs of one merged. */
  replies?: ReplyRecord[];
  /** The signup page refused this number: when, and its error text (clipped). */
  rejectedBySite?: { at: number; text: string } | null;
  /**
   * "Try another number" / "Cancel and get another": the offer chosen to replace this number,
   * or why none could be ordered (lib/orders/replacement.ts). Absent before one was asked for.
   */
  replacement?: Replacement | null;
  /** No SMS within the minutes the options say: what was done about it (lib/orders/no-sms.ts). */
  noSms?: NoSmsMark | null;
}

/** Why an automatic swap did not happen: the page moved on, K swaps done, a spending limit. */
export type NoSmsStop = 'page' | 'max' | 'limit' | 'offer';

/**
 * asked: the popup offers "try another number"; swapped: the background swapped it by itself
 * (the cancel may still be under way); stopped: it would have, but `reason` stopped it.
 * `minutes`: the wait the options asked for then, said in the popup's words.
 */
export type NoSmsMark = { at: number; minutes: number } & NoSmsOutcome;

export type NoSmsOutcome =
  { outcome: 'asked' } | { outcome: 'swapped' } | { outcome: 'stopped'; reason: NoSmsStop };

/**
 * pending: the provider took the cancel (or ended the order) but has not said the money is
 * back; confirmed: it said so; missing: it did not by the deadline (flagged "not refunded").
 */
export type RefundOutcome = 'pending' | 'confirmed' | 'missing';

export interface RefundCheck {
  outcome: RefundOutcome;
  /** When the order ended without a code (cancel accepted, or the provider's window end). */
  since: number;
  /** No confirmation by then: the order ends flagged as not refunded. */
  deadline: number;
  /** Status checks that found the money not back yet. */
  checks: number;
}

/** One reply, or a run of the same reply: what it said, first and last time, how many. */
export interface ReplyRecord {
  /** Our word for it: placed, waiting, code, cancelled, refunded, completed, error:<kind>. */
  what: string;
  /** The call that got it: cancel, or a status check / order otherwise. */
  via?: 'cancel';
  at: number;
  last: number;
  count: number;
}

export type ResendState = 'requested' | 'waiting' | null;

export interface NewOrder {
  id: string;
  idempotencyKey: string;
  providerId: ProviderId;
  service: Order['service'];
  country: Order['country'];
  tier: Tier;
  maxPrice: Money | null;
  site: OrderSite;
  previousOrderId?: string | null;
  anotherSms?: boolean;
}
