/**
 * Every error kind that crosses from the background into the UI: one closed list, so the UI's
 * table of words (components/shared/problem.ts) has an entry for each, in every language.
 * Dependency-free: the popup, the options page and the background all import it.
 */

/** What a provider's answer (or its absence) means; adapters map their codes onto these. */
export const PROVIDER_ERROR_KINDS = [
  'bad_key',
  'no_numbers',
  'no_balance',
  'rate_limited',
  'too_early_to_cancel',
  'code_already_received',
  'not_found',
  'banned',
  'price_above_cap',
  /** The clicked offer is gone or its price rose: refused before buying; carries the new price. */
  'price_moved',
  'in_progress',
  'unavailable',
  'provider_down',
  'network',
  'malformed_reply',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/** The extension's own refusals, thrown as AppError (never as an English `new Error`). */
export const OWN_ERROR_KINDS = [
  /** A spending limit refused the order (lib/orders/limits.ts LimitError). */
  'limit_reached',
  /** The message did not match the protocol (lib/messaging.ts). */
  'bad_message',
  /** No provider is set up yet: the options need an API key. */
  'no_provider',
  /** The popup named a domain that is not a registrable one. */
  'not_a_site',
  /** The tab is not a web page the extension can fill (a browser page, a PDF). */
  'not_a_web_page',
  /** "Another SMS" on a provider that cannot send one for an order. */
  'no_another_sms',
  /** Anything unexpected: the UI shows its message as it is. */
  'internal',
] as const;
export type OwnErrorKind = (typeof OWN_ERROR_KINDS)[number];

export const APP_ERROR_KINDS = [...PROVIDER_ERROR_KINDS, ...OWN_ERROR_KINDS] as const;
export type AppErrorKind = ProviderErrorKind | OwnErrorKind;

const KNOWN: ReadonlySet<string> = new Set(APP_ERROR_KINDS);

export function isAppErrorKind(kind: string): kind is AppErrorKind {
  return KNOWN.has(kind);
}

/**
 * Kinds worth retrying as they are after a pause: the HTTP client retries them, the order
 * machine keeps the order, and the popup offers "Try again". The one list of them.
 */
export const RETRYABLE_KINDS: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>([
  'rate_limited',
  'in_progress',
  'provider_down',
  'network',
  'malformed_reply',
]);

/**
 * A refusal of the extension's own, by kind. The message is for logs only: the UI words the
 * kind in the user's language.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: Exclude<OwnErrorKind, 'limit_reached' | 'internal'>,
    message: string = kind,
  ) {
    super(message);
  }
}
