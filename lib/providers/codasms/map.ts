import { money, type Money } from '../../money.ts';
import { PROVIDERS } from '../catalog.ts';
import {
  ProviderError,
  type Offer,
  type ProviderErrorKind,
  type ProviderStatus,
} from '../types.ts';
import type { MatrixCell, StatusReply } from './schemas.ts';

const REASONS: Record<string, ProviderErrorKind> = {
  missing_or_malformed_key: 'bad_key',
  invalid_key: 'bad_key',
  rate_limited: 'rate_limited',
  insufficient_balance: 'no_balance',
  no_numbers: 'no_numbers',
  out_of_stock: 'no_numbers',
  unavailable: 'unavailable',
  concierge_only: 'unavailable',
  price_moved: 'price_moved',
  provider_error: 'provider_down',
  internal_error: 'provider_down',
  not_found: 'not_found',
  in_progress: 'in_progress',
};

const MESSAGES: Record<ProviderErrorKind, string> = {
  bad_key: 'This key was rejected by CODASMS.',
  no_numbers: 'CODASMS has no numbers for this service and country right now.',
  no_balance: 'Your CODASMS balance is too low for this number.',
  rate_limited: 'Too many requests to CODASMS; slowing down.',
  too_early_to_cancel: 'CODASMS does not allow cancelling this order yet.',
  code_already_received: 'A code already arrived for this order.',
  not_found: 'CODASMS does not know this order.',
  banned: 'CODASMS has blocked this account.',
  price_above_cap: 'The price changed; check the offer again.',
  price_moved: 'CODASMS asks a different price now; check the offer again.',
  in_progress: 'CODASMS is still processing this order.',
  unavailable: 'CODASMS does not offer this service or country.',
  provider_down: 'CODASMS is having trouble; trying again shortly.',
  network: 'Could not reach CODASMS.',
  malformed_reply: 'CODASMS sent a reply that could not be read.',
};

/** The kind for a documented reason; own keys only, so "constructor" is not a reason. */
export function kindOfReason(reason: string): ProviderErrorKind | null {
  return Object.hasOwn(REASONS, reason) ? (REASONS[reason] ?? null) : null;
}

export function errorFromReason(reason: string, retryAfterSeconds?: number): ProviderError {
  const known = kindOfReason(reason);
  const kind = known ?? 'provider_down';
  // The reason is the server's text: clipped, so a hostile one cannot fill the order's record.
  const message = known ? MESSAGES[kind] : `CODASMS answered "${reason.slice(0, 60)}".`;
  return new ProviderError(kind, message, retryAfterSeconds ? retryAfterSeconds * 1000 : null);
}

/** The refusal before buying: the live price is above the cap (or there is no offer left). */
export function priceMoved(current: Money | null): ProviderError {
  return new ProviderError('price_moved', MESSAGES.price_moved, null, current);
}

/**
 * Order ids go back as the server sent them: a number as a number. Stored as text; a string id
 * made only of digits is marked so it is not sent back as a number.
 */
export function idFromWire(id: string | number): string {
  return typeof id === 'number' ? String(id) : /^\d+$/.test(id) ? `s:${id}` : id;
}

export function idToWire(id: string): string | number {
  if (id.startsWith('s:')) return id.slice(2);
  return /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}

export function errorFromHttp(status: number): ProviderError {
  if (status === 401 || status === 403) return new ProviderError('bad_key', MESSAGES.bad_key);
  if (status === 429) return new ProviderError('rate_limited', MESSAGES.rate_limited);
  if (status >= 500) {
    return new ProviderError('provider_down', `${MESSAGES.provider_down} (HTTP ${status})`);
  }
  return new ProviderError('malformed_reply', `${MESSAGES.malformed_reply} (HTTP ${status})`);
}

export function offersFromCell(
  country: { code: string; name: string; iso: string | null },
  cell: MatrixCell,
  currency: string,
): Offer[] {
  const base = {
    providerId: 'codasms',
    providerName: PROVIDERS.codasms.name,
    country: country.code,
    countryName: country.name,
    countryIso: country.iso,
    priceIsCap: false,
  } satisfies Partial<Offer>;
  const offers: Offer[] = [
    {
      ...base,
      tier: 'standard',
      price: money(cell.standard_cents, currency),
      // A cell without stock of its own: unknown (stock is given per service), not zero.
      stock: cell.standard_stock ?? cell.stock ?? null,
    },
  ];
  if (cell.priority_cents !== undefined) {
    offers.push({
      ...base,
      tier: 'priority',
      price: money(cell.priority_cents, currency),
      stock: cell.priority_stock ?? cell.stock ?? null,
    });
  }
  return offers;
}

/** Maps a poll/cancel reply. "delivered" without a code is not a code: keep waiting. */
export function statusFromReply(reply: StatusReply): ProviderStatus {
  switch (reply.status) {
    case 'delivered':
    case 'received':
    case 'completed':
      return reply.code
        ? { kind: 'code', code: reply.code, text: reply.text ?? null }
        : { kind: 'waiting' };
    case 'refunded':
      // The one documented refund fact: "expired or cancelled with the money back".
      return { kind: 'refunded' };
    case 'cancelled':
    case 'canceled':
    case 'expired':
      // Ended, but not said to be refunded: the engine checks again until `refunded`.
      return { kind: 'cancelled' };
    default:
      return { kind: 'waiting' };
  }
}

export function toE164(number: string): string {
  const digits = number.replace(/[^\d]/g, '');
  return `+${digits}`;
}
