/** Data types of the sandbox ledger (one account per API key, shared by every face). */
import type { Band } from './catalog.ts';

export type { Band };

/**
 * `cancelled`: ended without a code (cancel or window end) while the refund has not landed yet
 * (a provider that refunds late or never, see RefundDelay); the price stays held until then.
 */
export type OrderState =
  'waiting' | 'waiting_resend' | 'delivered' | 'completed' | 'cancelled' | 'refunded';

/**
 * How a provider refunds an order that ended without a code: `late` some seconds after the
 * cancel or window end, or `never` (the price stays held: what the user would have to claim
 * from support). Set for the next orders through /control/refunds.
 */
export type RefundDelay = { kind: 'late'; seconds: number } | { kind: 'never' };

/**
 * How an order's SMS reach it: `late`, some seconds after they were sent (kept in `simulated`,
 * so only the last one sent is delivered), or `never` (the site believes it sent; no code ever
 * comes). Set for the next orders through /control/delivery; simulated SMS are not affected.
 */
export type DeliveryDelay = { kind: 'late'; seconds: number } | { kind: 'never' };

export interface Movement {
  type: 'hold' | 'charge' | 'refund';
  cents: number;
  at: number;
  reason?: 'expired' | 'cancelled';
}

export interface SmsRecord {
  text: string;
  code: string | null;
  at: number;
}

export interface Order {
  id: string;
  key: string;
  service: string;
  country: string;
  band: Band;
  number: string;
  priceCents: number;
  state: OrderState;
  /** The latest code, null until one arrived. */
  code: string | null;
  sms: SmsRecord[];
  createdAt: number;
  expiresAt: number;
  /** Cancel is refused before this time (the early-cancel rule). */
  cancelableAt: number;
  /** Window length this order was created with (settings can change later). */
  windowSeconds: number;
  movements: Movement[];
  /** A sandbox-simulated SMS scheduled for this order, if any. */
  simulated: { at: number; text: string; code: string } | null;
  /** Null: refunded the moment it ends without a code (the providers' documented rule). */
  refundDelay: RefundDelay | null;
  /** Null: an SMS sent to the number arrives at once. */
  deliveryDelay?: DeliveryDelay | null;
  /** Why it ended without a code (set at the cancel or the window end, before the refund). */
  ended: 'expired' | 'cancelled' | null;
  /** `cancelled` with a late refund: when the refund lands (null: never, or not yet ended). */
  refundDueAt: number | null;
}

export interface Account {
  key: string;
  balanceCents: number;
  heldCents: number;
  depositsCents: number;
  chargedCents: number;
  refundedCents: number;
}

export interface SimulationSettings {
  enabled: boolean;
  /** Probability that a Standard order gets an SMS, in [0, 1]. */
  standardOdds: number;
  priorityOdds: number;
  /** Upper bound of the random delay; also capped by the order's window. */
  maxDelaySeconds: number;
}

export const DEFAULT_SIMULATION: SimulationSettings = {
  enabled: false,
  standardOdds: 0.7,
  priorityOdds: 0.95,
  maxDelaySeconds: 60,
};

export interface OrderRequest {
  service: string;
  country: string;
  band: Band;
  /** Refuse (price_above_max) when the price exceeds this cap. */
  maxPriceCents?: number;
  idempotencyKey?: string;
}

export type OrderFailure =
  | { ok: false; reason: 'no_account' }
  | { ok: false; reason: 'unknown_service' }
  | { ok: false; reason: 'unknown_country' }
  /** Service and country known, but this pair is not offered. */
  | { ok: false; reason: 'unknown_pair' }
  | { ok: false; reason: 'out_of_stock' }
  | { ok: false; reason: 'price_above_max'; priceCents: number }
  | { ok: false; reason: 'insufficient_balance'; priceCents: number };

export type OrderResult = { ok: true; order: Readonly<Order>; replayed: boolean } | OrderFailure;

export type ClaimResult =
  { kind: 'new' } | { kind: 'in_progress' } | { kind: 'replay'; order: Readonly<Order> };

export type CancelResult =
  /** The cancel is accepted: refunded, or refund pending (order.state `cancelled`). */
  | { kind: 'refunded'; order: Readonly<Order> }
  | { kind: 'too_early'; order: Readonly<Order>; retryInSeconds: number }
  | { kind: 'has_code'; order: Readonly<Order> }
  | { kind: 'not_found' };

export type DeliverResult =
  | { kind: 'delivered'; order: Readonly<Order>; code: string }
  | { kind: 'recorded'; order: Readonly<Order> }
  /** Held back by the order's delivery delay: later, or never. */
  | { kind: 'held'; order: Readonly<Order> }
  | { kind: 'not_found' };

export type StepResult =
  | { kind: 'ok'; order: Readonly<Order> }
  | { kind: 'no_code'; order: Readonly<Order> }
  | { kind: 'closed'; order: Readonly<Order> }
  | { kind: 'not_found' };

export const OPEN_STATES: ReadonlySet<OrderState> = new Set([
  'waiting',
  'waiting_resend',
  'delivered',
]);
