/**
 * CODASMS v1 face (/v1/...), providers.md section 1. Error replies are `{ok:false, reason}`
 * with reasons from the documented list only; HTTP statuses chosen here:
 *   401 missing_or_malformed_key | invalid_key, 429 rate_limited (+ Retry-After),
 *   402 insufficient_balance, 409 no_numbers | out_of_stock | in_progress,
 *   400 unavailable (unknown service or country),
 *   400 provider_error + message (malformed JSON / invalid fields: the documented list has no
 *       "invalid request" reason, and internal_error would wrongly blame the server),
 *   405 provider_error (wrong method), 404 not_found, 500 internal_error,
 *   409 price_moved (the pair's price changed in the last PRICE_MOVED_MS: ask again).
 * As CODASMS's official client (ajemba/codasms-mcp) reads it: `order_id` is a number and must
 * come back as one; a cancel refunds at once (no early-cancel lock; the
 * `codasms_cancel_lock` quirk brings one back to test refusals); stock is given per service,
 * and with `codasms_matrix_no_stock` the matrix cells carry prices only.
 */
import * as z from 'zod';
import { header, jsonReply, parseJson, type ApiRequest, type Reply } from '../http.ts';
import type { Order, OrderFailure } from '../ledger.ts';
import type { Face, FaceContext } from './face.ts';

const fail = (status: number, reason: string, extra: Record<string, unknown> = {}): Reply =>
  jsonReply(status, { ok: false, reason, ...extra });

const idString = z
  .union([z.string().trim().min(1).max(64), z.int().nonnegative()])
  .transform(String);

const OrderBody = z.object({
  service: z.string().trim().min(1).max(32),
  country: idString,
  band: z.enum(['standard', 'priority']).default('standard'),
});

/** Order ids are numbers on the wire; a string is refused, as a typed server would. */
const StatusBody = z.object({
  order_id: z.int().nonnegative().transform(String),
  action: z.enum(['poll', 'cancel']).default('poll'),
});

const IdempotencyKey = z.string().trim().min(1).max(200);

/** How long after a price change an order of that pair answers `price_moved`. */
const PRICE_MOVED_MS = 2_000;

function invalid(error: z.ZodError): Reply {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return fail(400, 'provider_error', {
    message: `invalid request: ${where}${first?.message ?? 'bad body'}`,
  });
}

function parseBody<T>(
  req: ApiRequest,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reply: Reply } {
  const json = parseJson(req.body);
  if (!json.ok)
    return {
      ok: false,
      reply: fail(400, 'provider_error', { message: 'invalid request: body is not JSON' }),
    };
  const parsed = schema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reply: invalid(parsed.error) };
}

/** The status reply for an order, as polled. */
export function statusReply(order: Readonly<Order>): Record<string, unknown> {
  const base = { ok: true, order_id: Number(order.id) };
  switch (order.state) {
    case 'waiting':
    case 'waiting_resend':
      return { ...base, status: 'waiting', waiting: true };
    case 'delivered':
    case 'completed': {
      const sms = [...order.sms].reverse().find((s) => s.code === order.code);
      return {
        ...base,
        status: 'delivered',
        waiting: false,
        code: order.code,
        text: sms?.text ?? '',
      };
    }
    case 'refunded':
      return { ...base, status: 'refunded', waiting: false };
    case 'cancelled':
      // Ended without a code, the money not back yet: CODASMS says `refunded` only once it is.
      return {
        ...base,
        status: order.ended === 'expired' ? 'expired' : 'cancelled',
        waiting: false,
      };
  }
}

function orderFailure(f: OrderFailure): Reply {
  switch (f.reason) {
    case 'no_account':
      return fail(401, 'invalid_key');
    case 'unknown_service':
    case 'unknown_country':
      return fail(400, 'unavailable');
    case 'unknown_pair':
      return fail(409, 'no_numbers');
    case 'out_of_stock':
      return fail(409, 'out_of_stock');
    case 'price_above_max':
    case 'insufficient_balance':
      return fail(402, 'insufficient_balance', { price_cents: f.priceCents });
  }
}

function orderReply(order: Readonly<Order>, locked: boolean): Record<string, unknown> {
  return {
    ok: true,
    order_id: Number(order.id),
    number: order.number,
    service: order.service,
    country: order.country,
    band: order.band,
    price_cents: order.priceCents,
    status: 'waiting',
    expires_in_seconds: order.windowSeconds,
    // Not in providers.md's shape; clients must treat it as optional (0: no lock).
    cancel_available_in_seconds: locked
      ? Math.max(0, Math.ceil((order.cancelableAt - order.createdAt) / 1000))
      : 0,
  };
}

async function createOrder(req: ApiRequest, key: string, ctx: FaceContext): Promise<Reply> {
  const locked = ctx.quirks.has('codasms_cancel_lock');
  const body = parseBody(req, OrderBody);
  if (!body.ok) return body.reply;
  const rawIdem = header(req.headers, 'idempotency-key');
  let idem: string | undefined;
  if (rawIdem !== undefined) {
    const parsed = IdempotencyKey.safeParse(rawIdem);
    if (!parsed.success)
      return fail(400, 'provider_error', { message: 'invalid request: Idempotency-Key' });
    idem = parsed.data;
    const claim = ctx.ledger.claimIdempotency(key, idem);
    if (claim.kind === 'in_progress') return fail(409, 'in_progress');
    if (claim.kind === 'replay')
      return jsonReply(200, orderReply(claim.order, locked), { 'idempotent-replayed': 'true' });
  }
  try {
    await ctx.pause();
    const { service, country } = body.value;
    const since = ctx.ledger.catalog.sinceRepriced(service, country, ctx.ledger.now());
    if (since !== null && since < PRICE_MOVED_MS) return fail(409, 'price_moved');
    const result = ctx.ledger.order(key, { ...body.value, idempotencyKey: idem });
    if (!result.ok) return orderFailure(result);
    const headers: Record<string, string> = result.replayed
      ? { 'idempotent-replayed': 'true' }
      : {};
    return jsonReply(200, orderReply(result.order, locked), headers);
  } finally {
    if (idem !== undefined) ctx.ledger.releaseIdempotency(key, idem);
  }
}

function orderStatus(req: ApiRequest, key: string, ctx: FaceContext): Reply {
  const body = parseBody(req, StatusBody);
  if (!body.ok) return body.reply;
  const { order_id: id, action } = body.value;
  if (action === 'poll') {
    const order = ctx.ledger.getOrder(key, id);
    return order ? jsonReply(200, statusReply(order)) : fail(404, 'not_found');
  }
  const result = ctx.ledger.cancel(key, id, { lock: ctx.quirks.has('codasms_cancel_lock') });
  switch (result.kind) {
    case 'not_found':
      return fail(404, 'not_found');
    case 'too_early':
      return jsonReply(200, {
        ok: true,
        order_id: Number(id),
        status: 'waiting',
        waiting: true,
        cancel_available_in_seconds: result.retryInSeconds,
      });
    case 'refunded':
    case 'has_code':
      return jsonReply(200, statusReply(result.order));
  }
}

function services(req: ApiRequest, ctx: FaceContext): Reply {
  const service = req.url.searchParams.get('service') || undefined;
  const country = req.url.searchParams.get('country') || undefined;
  const offers = ctx.ledger.catalog.offers({ service, country });
  const matrix: Record<string, Record<string, Record<string, number>>> = {};
  const byService = new Map<string, { from: number; fromInStock: number; stock: number }>();
  for (const o of offers) {
    const stock = o.standardStock + o.priorityStock;
    const prices = { standard_cents: o.standardCents, priority_cents: o.priorityCents };
    (matrix[o.country] ??= {})[o.service] = ctx.quirks.has('codasms_matrix_no_stock')
      ? prices
      : { ...prices, stock, standard_stock: o.standardStock, priority_stock: o.priorityStock };
    const agg = byService.get(o.service) ?? { from: Infinity, fromInStock: Infinity, stock: 0 };
    agg.from = Math.min(agg.from, o.standardCents);
    if (o.standardStock > 0) agg.fromInStock = Math.min(agg.fromInStock, o.standardCents);
    agg.stock += stock;
    byService.set(o.service, agg);
  }
  const list = ctx.ledger.catalog.services.flatMap((s) => {
    const agg = byService.get(s.code);
    if (!agg) return [];
    const from = Number.isFinite(agg.fromInStock) ? agg.fromInStock : agg.from;
    return [{ code: s.code, name: s.name, from_cents: from, stock: agg.stock }];
  });
  return jsonReply(200, { ok: true, services: list, matrix });
}

function countries(req: ApiRequest, ctx: FaceContext): Reply {
  const service = req.url.searchParams.get('service') || undefined;
  const catalog = ctx.ledger.catalog;
  const list = catalog.countries
    .filter((c) => service === undefined || catalog.offer(service, c.id) !== undefined)
    .map((c) => ({ code: c.id, name: c.eng, iso: c.iso }));
  return jsonReply(200, { ok: true, countries: list });
}

function balance(key: string, ctx: FaceContext): Reply {
  const cents = ctx.ledger.account(key)?.balanceCents ?? 0;
  return jsonReply(200, {
    ok: true,
    balance_cents: cents,
    balance_usd: cents / 100,
    currency: 'USD',
  });
}

type Route = {
  method: 'GET' | 'POST';
  run: (req: ApiRequest, key: string, ctx: FaceContext) => Reply | Promise<Reply>;
};

const ROUTES: Record<string, Route> = {
  '/v1/balance': { method: 'GET', run: (_r, key, ctx) => balance(key, ctx) },
  '/v1/services': { method: 'GET', run: (r, _k, ctx) => services(r, ctx) },
  '/v1/countries': { method: 'GET', run: (r, _k, ctx) => countries(r, ctx) },
  '/v1/orders': { method: 'POST', run: createOrder },
  '/v1/orders/status': { method: 'POST', run: orderStatus },
};

/** The Bearer token, or null when the header is missing or not `Bearer <token>`. */
function bearer(req: ApiRequest): string | null {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header(req.headers, 'authorization') ?? '');
  return m?.[1] ?? null;
}

export const codasmsFace: Face = {
  async handle(req, ctx) {
    const path = req.url.pathname.replace(/\/+$/, '');
    const route = ROUTES[path];
    if (!route) return fail(404, 'not_found');
    if (req.method !== route.method) {
      return fail(405, 'provider_error', { message: `use ${route.method} for ${path}` });
    }
    const key = bearer(req);
    if (key === null) return fail(401, 'missing_or_malformed_key');
    if (!ctx.ledger.hasAccount(key)) return fail(401, 'invalid_key');
    const admitted = ctx.admit(key);
    if (!admitted.ok) return this.rateLimited(admitted.retryAfterSeconds);
    // Orders pause after claiming their idempotency key, so a retry during the delay sees in_progress.
    if (path !== '/v1/orders') await ctx.pause();
    return route.run(req, key, ctx);
  },
  rateLimited(retryAfterSeconds) {
    return jsonReply(
      429,
      { ok: false, reason: 'rate_limited', retry_after_seconds: retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    );
  },
  internalError() {
    return fail(500, 'internal_error');
  },
  badRequest(message) {
    return fail(400, 'provider_error', { message });
  },
};
