import * as z from 'zod/mini';
import { centsFromDecimal, money, type Money } from '../../money.ts';
import type { RawReply } from '../http.ts';
import { ProviderError, type ProviderErrorKind, type ProviderStatus } from '../types.ts';
import type { ErrorDialect } from './hosts.ts';
import type { ActiveActivation } from './schemas.ts';

/** A legacy reply `TOKEN[:data]`, split at the first ':' only (codes and texts may hold ':'). */
export interface Token {
  token: string;
  data: string | null;
}

const TOKEN = /^([A-Z][A-Z0-9_]+)(?::([\s\S]*))?$/;

export function parseToken(body: string): Token | null {
  const m = TOKEN.exec(body.trim());
  if (!m?.[1]) return null;
  return { token: m[1], data: m[2] ?? null };
}

export const looksLikeHtml = (body: string): boolean =>
  /^\s*<(!doctype|html|head|body)/i.test(body);

type KindMap = Readonly<Record<string, ProviderErrorKind>>;

/** The tokens every host of the protocol shares (sms-activate's own list). */
const CLASSIC: KindMap = {
  BAD_KEY: 'bad_key',
  NO_KEY: 'bad_key',
  BAD_ACTION: 'unavailable',
  BAD_SERVICE: 'unavailable',
  WRONG_SERVICE: 'unavailable',
  BAD_COUNTRY: 'unavailable',
  NO_NUMBERS: 'no_numbers',
  NO_BALANCE: 'no_balance',
  BANNED: 'banned',
  WRONG_MAX_PRICE: 'price_above_cap',
  NO_ACTIVATION: 'not_found',
  WRONG_ACTIVATION_ID: 'not_found',
  EARLY_CANCEL_DENIED: 'too_early_to_cancel',
  ERROR_SQL: 'provider_down',
  SQL_ERROR: 'provider_down',
  TOO_MANY_REQUESTS: 'rate_limited',
};

/** What each host adds or says in its own words (sandbox/dialects/README.md cites them). */
const DIALECT_KINDS: Record<Exclude<ErrorDialect, 'any'>, KindMap> = {
  classic: {},
  // npm hero-sms (errors.ts, types.ts): JSON titles beside the classic tokens.
  herosms: {
    NOT_FOUND: 'not_found',
    ACTIVATION_NOT_ACTIVE: 'not_found',
    ACCOUNT_INACTIVE: 'banned',
    CHANNELS_LIMIT: 'rate_limited',
    SERVICE_NOT_AVAILABLE: 'unavailable',
    OPERATORS_NOT_FOUND: 'no_numbers',
    WRONG_COUNTRY: 'unavailable',
    UNPROCESSABLE_ENTITY: 'unavailable',
    OTP_RECEIVED: 'code_already_received',
    NEW_OTP_RECEIVED: 'code_already_received',
    ORDER_ALREADY_EXISTS: 'in_progress',
    SERVER_ERROR: 'provider_down',
  },
  // daisysms.com/docs/api: its own names for no money, a price over the cap, 20 open rentals.
  daisysms: {
    NO_MONEY: 'no_balance',
    MAX_PRICE_EXCEEDED: 'price_above_cap',
    TOO_MANY_ACTIVE_RENTALS: 'unavailable',
  },
  // grizzlysms.com/docs: region blocks.
  grizzly: { SERVICE_UNAVAILABLE_REGION: 'unavailable' },
  // SMSBower's client docs list only classic tokens; some mirrors say NO_MEANS for no money.
  smsbower: { NO_MEANS: 'no_balance' },
};

/** Failures some hosts answer in words instead of a token (GrizzlySMS's getNumber). */
const PHRASES: readonly [RegExp, ProviderErrorKind][] = [
  [/^the number has not been issued/i, 'no_numbers'],
  [/prohibited for sale/i, 'unavailable'],
];

const ANY: KindMap = Object.assign({}, CLASSIC, ...Object.values(DIALECT_KINDS));

/** The error table of one dialect; `any` (a custom host) knows every dialect's words. */
export function kindsOf(dialect: ErrorDialect): KindMap {
  return dialect === 'any' ? ANY : { ...CLASSIC, ...DIALECT_KINDS[dialect] };
}

/**
 * The kind a token stands for. Own keys only: a token such as "constructor" or "__proto__"
 * (a JSON title can be any string) must never pick up Object.prototype's members.
 */
export function kindOf(token: string, dialect: ErrorDialect = 'any'): ProviderErrorKind | null {
  const kinds = kindsOf(dialect);
  return Object.hasOwn(kinds, token) ? (kinds[token] ?? null) : null;
}

/** Every reply token that is an error (as opposed to an answer such as ACCESS_*, STATUS_*). */
export const isErrorToken = (t: Token, dialect: ErrorDialect = 'any'): boolean =>
  kindOf(t.token, dialect) !== null;

export function errorMessage(kind: ProviderErrorKind, host: string, data: string | null): string {
  switch (kind) {
    case 'bad_key':
      return `This key was rejected by ${host}.`;
    case 'no_numbers':
      return `${host} has no numbers for this service and country right now.`;
    case 'no_balance':
      return `Your ${host} balance is too low for this number.`;
    case 'banned':
      return `${host} has blocked this account${data ? ` until ${data}` : ''}.`;
    case 'price_moved':
    case 'price_above_cap':
      return `${host} wants more than the price you saw${data ? ` (at least ${data})` : ''}; check the offer again.`;
    case 'not_found':
      return `${host} does not know this order.`;
    case 'too_early_to_cancel':
      return `${host} does not allow cancelling this order yet.`;
    case 'rate_limited':
      return `Too many requests to ${host}; slowing down.`;
    case 'provider_down':
      return `${host} is having trouble; trying again shortly.`;
    case 'malformed_reply':
      return `${host} sent a reply that could not be read.`;
    case 'network':
      return `Could not reach ${host}.`;
    case 'code_already_received':
      return 'A code already arrived for this order.';
    case 'in_progress':
      return `${host} is still processing this request.`;
    case 'unavailable':
      return `${host} does not offer this (service, country or request).`;
  }
}

/** Messages for tokens whose kind is broad ("unavailable") but whose meaning is precise. */
const SPECIFIC: Readonly<Record<string, (host: string) => string>> = {
  TOO_MANY_ACTIVE_RENTALS: (host) => `${host} allows no more open orders right now.`,
  BAD_ACTION: (host) => `${host} does not support this request.`,
  SERVICE_UNAVAILABLE_REGION: (host) => `${host} does not sell to your region.`,
  CHANNELS_LIMIT: (host) => `${host} allows no more requests at once right now.`,
};

export function tokenError(t: Token, host: string, dialect: ErrorDialect = 'any'): ProviderError {
  const kind = kindOf(t.token, dialect);
  if (!kind) {
    return new ProviderError(
      'malformed_reply',
      `${host} answered "${t.token}", which is not part of the protocol.`,
    );
  }
  const specific = Object.hasOwn(SPECIFIC, t.token) ? SPECIFIC[t.token] : undefined;
  return new ProviderError(kind, specific ? specific(host) : errorMessage(kind, host, t.data));
}

/**
 * A JSON error envelope as a token: HeroSMS's `{title, details, info?}` (title = the classic
 * token; info.min / info.readable_date carry what classic puts after its colon) or the
 * `{status: "error", message | error}` some resellers send.
 */
export function envelopeToken(json: unknown): Token | null {
  const hero = heroEnvelope.safeParse(json);
  if (hero.success) {
    const info = hero.data.info;
    const data = info?.min ?? info?.readable_date ?? null;
    return { token: hero.data.title, data: data === null ? null : String(data) };
  }
  const other = statusEnvelope.safeParse(json);
  if (other.success) return { token: other.data.message ?? other.data.error ?? '', data: null };
  return null;
}

const tokenText = () => z.string().check(z.regex(/^[A-Z][A-Z0-9_]+$/));
const heroEnvelope = z.object({
  title: tokenText(),
  details: z.nullish(z.string()),
  info: z.nullish(
    z.object({
      min: z.optional(z.union([z.number(), z.string()])),
      readable_date: z.optional(z.string()),
    }),
  ),
});
const statusEnvelope = z
  .object({
    status: z.literal('error'),
    message: z.optional(tokenText()),
    error: z.optional(tokenText()),
  })
  .check(z.refine((e) => e.message !== undefined || e.error !== undefined));

/** The token a reply carries, as text (`TOKEN:data`) or inside a JSON error envelope. */
export function replyToken(reply: RawReply): Token | null {
  return parseToken(reply.body) ?? envelopeToken(reply.json);
}

/**
 * Classifies a reply that is neither the expected token nor JSON: a protocol error token (as
 * text or in a JSON envelope), a phrase some host uses instead, an HTML page (a proxy's or the
 * host's error page, not a protocol reply), or garbage.
 */
export function replyError(
  reply: RawReply,
  host: string,
  dialect: ErrorDialect = 'any',
): ProviderError {
  const t = replyToken(reply);
  if (reply.status === 429 || t?.token === 'TOO_MANY_REQUESTS') {
    const message = errorMessage('rate_limited', host, null);
    return new ProviderError('rate_limited', message, reply.retryAfterMs);
  }
  if (t && isErrorToken(t, dialect)) return tokenError(t, host, dialect);
  const phrase = PHRASES.find(([re]) => re.test(reply.body.trim()));
  if (phrase && reply.body.length < 200) {
    return new ProviderError(phrase[1], errorMessage(phrase[1], host, null));
  }
  if (reply.status === 401 || reply.status === 403)
    return new ProviderError('bad_key', errorMessage('bad_key', host, null));
  if (reply.status >= 500) {
    return new ProviderError(
      'provider_down',
      `${errorMessage('provider_down', host, null)} (HTTP ${reply.status})`,
    );
  }
  if (looksLikeHtml(reply.body)) {
    return new ProviderError(
      'malformed_reply',
      `${host} answered with a web page instead of an API reply.`,
    );
  }
  if (t) return tokenError(t, host, dialect);
  return new ProviderError('malformed_reply', errorMessage('malformed_reply', host, null));
}

/**
 * Words some hosts put after `STATUS_OK:` when there is no code yet. Anything without a letter
 * or digit is no code either.
 */
const NO_CODE =
  /^(null|none|nil|undefined|no[ _-]?code|no[ _-]?sms|empty|wait\w*|нет( кода)?|-+|0)$/i;

export function realCode(raw: string | null | undefined): string | null {
  const code = raw?.trim() ?? '';
  if (code === '' || NO_CODE.test(code) || !/[\p{L}\p{N}]/u.test(code)) return null;
  return code;
}

/** getStatus reply -> status. Null when the token is not a status (the caller reports it). */
export function statusFromToken(t: Token): ProviderStatus | null {
  switch (t.token) {
    case 'STATUS_WAIT_CODE':
    case 'STATUS_WAIT_RESEND':
      return { kind: 'waiting' };
    case 'STATUS_WAIT_RETRY':
    case 'STATUS_OK': {
      // WAIT_RETRY carries the last code while another SMS is awaited: that code stands.
      const code = realCode(t.data);
      return code ? { kind: 'code', code, text: null } : { kind: 'waiting' };
    }
    case 'STATUS_CANCEL':
      // The protocol has no refund fact of its own: a cancelled activation is documented to
      // return its price, and that is trusted (see lib/orders/refund.ts).
      return { kind: 'refunded' };
    default:
      return null;
  }
}

/** One row of getActiveActivations -> status; only open orders are listed. */
export function statusFromActivation(a: ActiveActivation): ProviderStatus {
  const code = realCode(a.smsCode);
  return code ? { kind: 'code', code, text: a.smsText } : { kind: 'waiting' };
}

/** A decimal amount in the host's currency, or a malformed reply. */
export function amount(value: string | number, currency: string, host: string): Money {
  const cents = centsFromDecimal(value);
  if (cents === null)
    throw new ProviderError('malformed_reply', errorMessage('malformed_reply', host, null));
  return money(cents, currency);
}

/** Cents -> "1.23" for a price-cap parameter (dollars, or the host's unit). */
export function decimalOf(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Window length from the host's own start and end times. Their time zone is unstated (often
 * Moscow), so only the difference is trusted, added to our clock.
 */
export function windowMs(start: string | undefined, end: string | null | undefined): number | null {
  if (!start || !end) return null;
  const parse = (s: string) => Date.parse(`${s.trim().replace(' ', 'T')}Z`);
  const ms = parse(end) - parse(start);
  return Number.isFinite(ms) && ms > 0 && ms <= 24 * 3_600_000 ? ms : null;
}
