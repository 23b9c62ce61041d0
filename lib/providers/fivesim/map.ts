import { centsFromDecimal, money, type Money } from '../../money.ts';
import type { RawReply } from '../http.ts';
import type { Tier } from '../types.ts';
import { ProviderError, type ProviderErrorKind, type ProviderStatus } from '../types.ts';
import type { OperatorCell, OrderReply, PricesReply } from './schemas.ts';

/** 5sim's plain-text error bodies -> kinds. Matched as whole phrases, case-insensitive. */
const TEXTS: readonly [RegExp, ProviderErrorKind, string][] = [
  [
    /^no free phones$/i,
    'no_numbers',
    '5sim has no numbers for this service and country right now.',
  ],
  [/^not enough (user )?balance$/i, 'no_balance', 'Your 5sim balance is too low for this number.'],
  [
    /^not enough rating$/i,
    'unavailable',
    '5sim limits how many numbers this account may hold at once (account rating).',
  ],
  [/^order not found$/i, 'not_found', '5sim does not know this order.'],
  [/^order expired$/i, 'not_found', 'This 5sim order has already ended.'],
  [/^order has sms$/i, 'code_already_received', 'A code already arrived for this order.'],
  [
    /^bad (country|operator|product)$/i,
    'unavailable',
    '5sim does not offer this service or country.',
  ],
  [/^no product$/i, 'unavailable', '5sim does not offer this service or country.'],
  [/^server offline$/i, 'provider_down', '5sim is having trouble; trying again shortly.'],
  [
    /cancel.*(yet|early)|too early/i,
    'too_early_to_cancel',
    '5sim does not allow cancelling this order yet.',
  ],
];

export function errorFromReply(reply: RawReply): ProviderError {
  const text = reply.body.trim();
  if (reply.status === 401 || reply.status === 403)
    return new ProviderError('bad_key', 'This key was rejected by 5sim.');
  if (reply.status === 429)
    return new ProviderError(
      'rate_limited',
      'Too many requests to 5sim; slowing down.',
      reply.retryAfterMs,
    );
  for (const [pattern, kind, message] of TEXTS) {
    if (pattern.test(text)) return new ProviderError(kind, message);
  }
  // 5sim answers an unknown order with 404 `order not found` (matched above), or a bare 404.
  if (reply.status === 404 && text === '')
    return new ProviderError('not_found', '5sim does not know this order.');
  if (reply.status >= 500)
    return new ProviderError(
      'provider_down',
      `5sim is having trouble; trying again shortly. (HTTP ${reply.status})`,
    );
  if (/^\s*</.test(text))
    return new ProviderError(
      'malformed_reply',
      '5sim answered with a web page instead of an API reply.',
    );
  return new ProviderError('malformed_reply', '5sim sent a reply that could not be read.');
}

export function amount(value: string | number, currency: string): Money {
  const cents = centsFromDecimal(value);
  if (cents === null)
    throw new ProviderError('malformed_reply', '5sim sent a price that could not be read.');
  return money(cents, currency);
}

/** The latest SMS's code. A code is present when `sms` holds one; the status alone is not trusted. */
export function latestSms(order: OrderReply): { code: string; text: string | null } | null {
  const withCode = (order.sms ?? []).filter((s) => (s.code ?? '').trim() !== '');
  const last = withCode[withCode.length - 1];
  return last?.code ? { code: last.code.trim(), text: last.text ?? null } : null;
}

export function statusFromOrder(order: OrderReply): ProviderStatus {
  const sms = latestSms(order);
  if (sms) return { kind: 'code', code: sms.code, text: sms.text };
  switch (order.status.toUpperCase()) {
    case 'CANCELED':
    case 'CANCELLED':
    case 'TIMEOUT':
    case 'BANNED':
      // 5sim has no separate refund fact: its documented cancel and timeout return the price
      // (trusted; see lib/orders/refund.ts).
      return { kind: 'refunded' };
    case 'FINISHED':
      return { kind: 'completed' };
    default:
      // PENDING, RECEIVED without an SMS yet, or a status added later: keep waiting.
      return { kind: 'waiting' };
  }
}

export const isOpenStatus = (status: string): boolean =>
  ['PENDING', 'RECEIVED'].includes(status.toUpperCase());

/** Window length from 5sim's own times (their difference; our clock is the reference). */
export function windowMs(order: OrderReply): number | null {
  if (!order.created_at || !order.expires) return null;
  const ms = Date.parse(order.expires) - Date.parse(order.created_at);
  return Number.isFinite(ms) && ms > 0 && ms <= 24 * 3_600_000 ? ms : null;
}

/** Operators of one product in one country, whichever way round the reply nests them. */
export function operatorsOf(
  prices: PricesReply,
  product: string,
  country: string,
): Record<string, OperatorCell> | undefined {
  return prices[product]?.[country] ?? prices[country]?.[product];
}

/** Every country's operators for one product (a `?product=` reply, or a country-first one). */
export function countriesOf(
  prices: PricesReply,
  product: string,
): [string, Record<string, OperatorCell>][] {
  const productFirst = prices[product];
  if (productFirst) return Object.entries(productFirst);
  return Object.entries(prices).flatMap(
    ([country, row]): [string, Record<string, OperatorCell>][] => {
      const ops = row[product];
      return ops ? [[country, ops]] : [];
    },
  );
}

export interface OperatorChoice {
  operator: string;
  cents: number;
  stock: number;
  /** The operator's delivery rate as 5sim publishes it (percent); null when it gives none. */
  rate: number | null;
}

/**
 * Standard = the cheapest operator with numbers. Priority = the operator with the best delivery
 * `rate` (ties: cheaper) within the cap; without any rate published, Priority does not exist.
 * Operators above `capCents` are not considered.
 */
export function chooseOperator(
  ops: Record<string, OperatorCell>,
  tier: Tier,
  capCents: number | null,
): OperatorChoice | null {
  const rows = Object.entries(ops).flatMap(([operator, cell]) => {
    const cents = centsFromDecimal(cell.cost);
    return cents === null ? [] : [{ operator, cents, stock: cell.count, rate: cell.rate ?? null }];
  });
  const inStock = rows.filter((r) => r.stock > 0);
  const pool = (inStock.length > 0 ? inStock : rows).filter(
    (r) => capCents === null || r.cents <= capCents,
  );
  if (tier === 'standard') {
    return pool.sort((a, b) => a.cents - b.cents || b.stock - a.stock)[0] ?? null;
  }
  const rated = pool.filter((r) => r.rate !== null);
  return rated.sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.cents - b.cents)[0] ?? null;
}
