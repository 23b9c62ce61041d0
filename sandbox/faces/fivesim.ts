/**
 * 5sim REST face (/v1/user/..., /v1/guest/...), providers.md section 3, on the shared ledger.
 * Bearer token; a missing or unknown token gets 401 with an empty body, as 5sim does. Errors
 * are plain-text bodies with HTTP 400. Choices where 5sim's documentation is silent:
 * - each catalog pair has two operators: `virtual21` sells the Standard band, `virtual38` the
 *   Priority band; `rate` is the band's simulated delivery odds in percent; `any` buys the
 *   cheaper one in stock;
 * - the ledger's early-cancel rule answers `order cannot be cancelled yet`;
 * - rate limited: 429, body `too many requests`, Retry-After; unexpected failure: 503
 *   `server offline`;
 * - guest prices need no token and do not count against a key's rate limit;
 * - `maxPrice` (decimal, account currency) is honoured with operator `any` only, as 5sim
 *   documents; nothing within it answers `no free phones`;
 * - the account rating (fivesim-rating.ts): a blocked account's purchases answer
 *   `not enough rating`.
 */
import { dollars, header, jsonReply, textReply, type ApiRequest, type Reply } from '../http.ts';
import type { Ledger, Order, OrderFailure } from '../ledger.ts';
import type { Face, FaceContext } from './face.ts';
import { countryIdOf, FIVESIM_COUNTRY, FIVESIM_PRODUCT, serviceCodeOf } from './fivesim-names.ts';
import { isBanned, markBanned, markBought, standing } from './fivesim-rating.ts';
import { priceOf, stockOf } from '../catalog.ts';

const OPERATORS = { standard: 'virtual21', priority: 'virtual38' } as const;

const text = (status: number, body: string): Reply => textReply(status, body);
const bad = (body: string): Reply => text(400, body);
const iso = (ms: number) => new Date(ms).toISOString();
const price = (cents: number) => Number(dollars(cents));

function status(o: Readonly<Order>): string {
  switch (o.state) {
    case 'waiting':
      return 'PENDING';
    case 'waiting_resend':
    case 'delivered':
      return 'RECEIVED';
    case 'completed':
      return 'FINISHED';
    case 'cancelled':
    case 'refunded':
      // 5sim's statuses say how the order ended, not whether the money came back.
      if (isBanned(o)) return 'BANNED';
      return o.ended === 'expired' ? 'TIMEOUT' : 'CANCELED';
  }
}

function orderJson(o: Readonly<Order>, ledger: Ledger): Record<string, unknown> {
  const sender = ledger.catalog.service(o.service)?.name ?? o.service;
  return {
    id: Number(o.id),
    phone: o.number,
    operator: OPERATORS[o.band],
    product: FIVESIM_PRODUCT[o.service] ?? o.service,
    price: price(o.priceCents),
    status: status(o),
    expires: iso(o.expiresAt),
    sms: o.sms.map((s) => ({
      created_at: iso(s.at),
      date: iso(s.at),
      sender,
      text: s.text,
      code: s.code ?? '',
    })),
    created_at: iso(o.createdAt),
    forwarding: false,
    forwarding_number: '',
    country: FIVESIM_COUNTRY[o.country] ?? o.country,
  };
}

function buyFailure(f: OrderFailure): Reply {
  switch (f.reason) {
    case 'no_account':
      return text(401, '');
    case 'unknown_service':
      return bad('bad product');
    case 'unknown_country':
      return bad('bad country');
    case 'unknown_pair':
    case 'out_of_stock':
      return bad('no free phones');
    case 'price_above_max':
      return bad('no free phones');
    case 'insufficient_balance':
      return bad('not enough user balance');
  }
}

/** `maxPrice` in cents, undefined when absent; NaN when unreadable. */
function maxPriceOf(req: ApiRequest): number | undefined {
  const raw = req.url.searchParams.get('maxPrice');
  if (raw === null || raw === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(raw) ? Math.round(Number(raw) * 100) : NaN;
}

function buy(req: ApiRequest, parts: string[], key: string, ledger: Ledger): Reply {
  const [countryName = '', operator = '', product = ''] = parts;
  const country = countryIdOf(countryName);
  if (!country) return bad('bad country');
  const service = serviceCodeOf(product);
  if (!service) return bad('bad product');
  if (standing(ledger, key).blockedUntil !== null) return bad('not enough rating');
  const offer = ledger.catalog.offer(service, country);
  const cap = maxPriceOf(req);
  if (Number.isNaN(cap)) return bad('bad maxPrice');
  let band: 'standard' | 'priority';
  let maxPriceCents: number | undefined;
  if (operator === OPERATORS.standard) band = 'standard';
  else if (operator === OPERATORS.priority) band = 'priority';
  else if (operator === 'any') {
    // The cheapest band in stock within maxPrice; with nothing there, the cap refuses it.
    const bands = (['standard', 'priority'] as const).filter(
      (b) => offer && stockOf(offer, b) > 0 && (cap === undefined || priceOf(offer, b) <= cap),
    );
    band = bands[0] ?? 'standard';
    maxPriceCents = cap;
  } else return bad('bad operator');
  const result = ledger.order(key, { service, country, band, maxPriceCents });
  if (!result.ok) return buyFailure(result);
  markBought(result.order);
  return jsonReply(200, orderJson(result.order, ledger));
}

function orderAction(action: string, id: string, key: string, ledger: Ledger): Reply {
  const order = ledger.getOrder(key, id);
  if (!order) return text(404, 'order not found');
  switch (action) {
    case 'check':
      return jsonReply(200, orderJson(order, ledger));
    case 'finish': {
      const r = ledger.complete(key, id);
      if (r.kind === 'ok') return jsonReply(200, orderJson(r.order, ledger));
      return bad(r.kind === 'no_code' ? 'order has no sms' : 'order expired');
    }
    case 'cancel':
    case 'ban': {
      const wasOpen = order.state === 'waiting';
      const r = ledger.cancel(key, id);
      // A ban ends the order as BANNED (refunded like a cancel), not CANCELED.
      if (r.kind === 'refunded' && action === 'ban' && wasOpen) markBanned(r.order);
      if (r.kind === 'refunded') return jsonReply(200, orderJson(r.order, ledger));
      if (r.kind === 'too_early') return bad('order cannot be cancelled yet');
      if (r.kind === 'has_code') return bad('order has sms');
      return text(404, 'order not found');
    }
    default:
      return text(404, 'not found');
  }
}

function orders(req: ApiRequest, key: string, ledger: Ledger): Reply {
  const p = req.url.searchParams;
  const all = ledger.ordersOf(key);
  const sorted = p.get('reverse') === 'true' ? [...all].reverse() : all;
  const limit = Math.max(1, Math.min(100, Number(p.get('limit')) || 15));
  const offset = Math.max(0, Number(p.get('offset')) || 0);
  return jsonReply(200, {
    Data: sorted.slice(offset, offset + limit).map((o) => orderJson(o, ledger)),
    ProductNames: [],
    Statuses: [],
    Total: all.length,
  });
}

function profile(key: string, ledger: Ledger): Reply {
  const a = ledger.account(key);
  const { rating } = standing(ledger, key);
  return jsonReply(200, {
    id: 1,
    email: `${key.slice(0, 6)}@sandbox.test`,
    vendor: '',
    balance: price(a?.balanceCents ?? 0),
    rating,
    frozen_balance: price(a?.heldCents ?? 0),
    default_country: { name: 'any', iso: 'any', prefix: '' },
    default_operator: { name: 'any' },
  });
}

/** {product: {country: {operator: cell}}} for `?product=`, else country first. */
function guestPrices(req: ApiRequest, ledger: Ledger): Reply {
  const product = req.url.searchParams.get('product') || undefined;
  const countryName = req.url.searchParams.get('country') || undefined;
  const service = product === undefined ? undefined : serviceCodeOf(product);
  const country = countryName === undefined ? undefined : countryIdOf(countryName);
  if ((product && !service) || (countryName && !country)) return jsonReply(200, {});
  const sim = ledger.simulation;
  const productFirst = product !== undefined && countryName === undefined;
  const out: Record<string, Record<string, Record<string, Record<string, number>>>> = {};
  for (const o of ledger.catalog.offers({ service, country })) {
    const c = FIVESIM_COUNTRY[o.country];
    const s = FIVESIM_PRODUCT[o.service];
    if (!c || !s) continue;
    const [outer, inner] = productFirst ? [s, c] : [c, s];
    (out[outer] ??= {})[inner] = {
      [OPERATORS.standard]: {
        cost: price(o.standardCents),
        count: o.standardStock,
        rate: Math.round(sim.standardOdds * 1000) / 10,
      },
      [OPERATORS.priority]: {
        cost: price(o.priorityCents),
        count: o.priorityStock,
        rate: Math.round(sim.priorityOdds * 1000) / 10,
      },
    };
  }
  return jsonReply(200, out);
}

function bearer(req: ApiRequest): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header(req.headers, 'authorization') ?? '');
  return m?.[1] ?? null;
}

export const isFivesimPath = (path: string): boolean =>
  path.startsWith('/v1/user/') || path.startsWith('/v1/guest/');

export const fivesimFace: Face = {
  async handle(req, ctx: FaceContext) {
    if (req.method !== 'GET') return text(405, 'method not allowed');
    const parts = req.url.pathname.replace(/\/+$/, '').split('/').slice(2).map(decodeURIComponent);
    const [area, action, ...rest] = parts;
    if (area === 'guest') {
      await ctx.pause();
      return action === 'prices' ? guestPrices(req, ctx.ledger) : text(404, 'not found');
    }
    const key = bearer(req);
    if (key === null || !ctx.ledger.hasAccount(key)) return text(401, '');
    const admitted = ctx.admit(key);
    if (!admitted.ok) return this.rateLimited(admitted.retryAfterSeconds);
    await ctx.pause();
    if (action === 'profile') return profile(key, ctx.ledger);
    if (action === 'orders') return orders(req, key, ctx.ledger);
    if (action === 'buy' && rest[0] === 'activation')
      return buy(req, rest.slice(1), key, ctx.ledger);
    if (action && rest.length === 1 && rest[0])
      return orderAction(action, rest[0], key, ctx.ledger);
    return text(404, 'not found');
  },
  rateLimited(retryAfterSeconds) {
    return textReply(429, 'too many requests', { 'retry-after': String(retryAfterSeconds) });
  },
  internalError() {
    return text(503, 'server offline');
  },
  badRequest(message) {
    return bad(message);
  },
};
