import type { RateBudget } from './rate-budget.ts';
import type { Money } from '../money.ts';
import { RETRYABLE_KINDS, type ProviderErrorKind } from '../errors.ts';

/**
 * Every provider family the extension can talk to. `smsactivate` is the protocol, spoken by
 * many hosts (the host is a setting); one configuration per family.
 */
export type ProviderId = 'codasms' | 'smsactivate' | 'fivesim';

export type Tier = 'standard' | 'priority';

export interface ServiceInfo {
  /** SMS-Activate style code: `ds` for Discord. */
  code: string;
  name: string;
}

export interface Offer {
  /** Who sells it, so offers of several providers can be shown side by side. */
  providerId: ProviderId;
  /** The provider's name as people know it ("CODASMS", "HeroSMS", "5sim"). */
  providerName: string;
  /**
   * Country id shared by every adapter: the SMS-Activate numeric id as a string ("6" =
   * Indonesia). Adapters with other vocabularies (5sim names) translate through lib/providers/data.
   */
  country: string;
  countryName: string;
  /** ISO 3166-1 alpha-2, when the provider says. */
  countryIso: string | null;
  tier: Tier;
  price: Money;
  /**
   * True when `price` is the most the order may cost rather than the price itself (an
   * SMS-Activate-protocol Priority order is a higher price cap; the host charges its going rate).
   */
  priceIsCap: boolean;
  /** Numbers left; null when the provider does not say (unknown is not zero: still orderable). */
  stock: number | null;
  /**
   * The delivery rate the provider publishes for this offer, in percent (5sim's `rate` of the
   * operator it sells the tier from); absent or null where the provider publishes none.
   */
  providerRate?: number | null;
}

export interface OrderRequest {
  /** SMS-Activate service code ("ds"); adapters translate to their own vocabulary. */
  service: string;
  /** Shared country id (see Offer.country). */
  country: string;
  tier: Tier;
  /** Refuse to buy above this. */
  maxPrice: Money | null;
  /** Same key on a retry = the same purchase, never a second number. */
  idempotencyKey: string;
  /**
   * Provider order ids the extension's records already hold: a lost purchase is never matched
   * to one of them (adapters without an idempotency key look for it among open orders).
   */
  held?: readonly string[];
}

export interface ProviderOrder {
  id: string;
  /** E.164, with the plus. */
  phone: string;
  price: Money;
  tier: Tier;
  /** Epoch ms when the provider ends the window (and refunds if no code). */
  expiresAt: number;
  /** Epoch ms from which the provider accepts a cancel. */
  cancelAllowedAt: number;
}

export type ProviderStatus =
  | { kind: 'waiting' }
  | { kind: 'code'; code: string; text: string | null }
  /** The provider says the money is back (CODASMS `refunded`; see lib/orders/refund.ts). */
  | { kind: 'refunded' }
  /** Ended without a code, but the provider does not (yet) say the money is back. */
  | { kind: 'cancelled' }
  | { kind: 'completed' };

export interface Capabilities {
  windowSeconds: number;
  earlyCancelSeconds: number;
  rateLimitPerMinute: number;
  bulkCheck: boolean;
  tiers: readonly Tier[];
  anotherSms: boolean;
  /** Whether the provider wants an explicit "done" after a code is used. */
  complete: boolean;
}

export interface Provider {
  readonly id: ProviderId;
  /** The name to show people ("CODASMS", "HeroSMS", "5sim"); also used in error messages. */
  readonly name: string;
  readonly capabilities: Capabilities;
  balance(): Promise<Money>;
  services(): Promise<ServiceInfo[]>;
  /** `urgent`: asked for an order the user just clicked (see CheckOptions). */
  offers(service: string, options?: CheckOptions): Promise<Offer[]>;
  /** Every request of a purchase is urgent: the user clicked and waits for the number. */
  order(request: OrderRequest): Promise<ProviderOrder>;
  check(id: string, options?: CheckOptions): Promise<ProviderStatus>;
  /**
   * Asks for a refund. Resolves to the resulting status: `refunded`, or `code` when one raced in.
   * Its requests are urgent: they return money, and the user may be waiting on them.
   */
  cancel(id: string, options?: CancelOptions): Promise<ProviderStatus>;
  complete(id: string): Promise<void>;
  /**
   * Asks for another SMS on an order that already has a code (capabilities.anotherSms).
   * Providers without it throw a ProviderError of kind 'unavailable'.
   */
  requestAnotherSms(id: string): Promise<void>;
  /**
   * One request for many orders where the provider has a bulk status call
   * (capabilities.bulkCheck); absent otherwise. Orders missing from the map are unknown.
   */
  checkMany?(ids: readonly string[], options?: CheckOptions): Promise<Map<string, ProviderStatus>>;
  /** The rate budget this provider's key spends (how many requests may go now). */
  readonly budget?: Pick<RateBudget, 'available'> & Partial<Pick<RateBudget, 'limitedUntil'>>;
  /**
   * The account's standing where the provider keeps one (5sim's rating: each cancel lowers it,
   * at 0 the account is blocked); absent otherwise.
   */
  account?(): Promise<AccountStanding>;
}

export interface AccountStanding {
  balance: Money;
  /** 5sim: rating points; cancels cost `cancelCost`, timeouts `timeoutCost`. */
  rating: number | null;
  cancelCost: number;
  timeoutCost: number;
  /** Blocked until this time (epoch ms), when the provider says so. */
  blockedUntil: number | null;
}

export interface CancelOptions {
  /**
   * The site refused the number: where the provider has a ban (5sim), the cancel bans it so it
   * is not sold again; elsewhere a plain cancel. The refund is the same either way.
   */
  ban?: boolean;
}

export interface CheckOptions {
  /**
   * Someone waits on this request right now (the page shows the code field, or the user just
   * clicked a number): it may use the rate budget's reserve instead of queueing behind popup
   * refreshes and routine polls. A status poll so marked brings the code: it may also use the
   * share kept for code polls alone (rate-budget.ts, `code`).
   */
  urgent?: boolean;
}

// The kinds, and which are worth retrying, are listed once with every kind the UI words.
export type { ProviderErrorKind } from '../errors.ts';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** When the provider says how long to wait. */
    readonly retryAfterMs: number | null = null,
    /** price_moved: the price asked now (null when no offer is left); the user may accept it. */
    readonly currentPrice: Money | null = null,
  ) {
    super(message);
  }

  /**
   * Which provider failed, set where several are asked at once (offers.ts), so the popup can
   * say "5sim is not answering" rather than a generic line.
   */
  provider: string | null = null;

  get transient(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/** Rethrows `e` named after the provider that failed (kept when already named). */
export function namedError(e: unknown, provider: string): unknown {
  if (e instanceof ProviderError && e.provider === null) e.provider = provider;
  return e;
}
