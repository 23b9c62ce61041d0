/**
 * Control API (/control/...): loopback only, no auth, JSON. Errors: 400
 * `{ok:false, reason:"invalid_request", message}`, 404 `{ok:false, reason:"not_found"}`,
 * 405 `{ok:false, reason:"method_not_allowed"}`.
 */
import * as z from 'zod';
import { extractCode } from '../lib/sms/extract-code.ts';
import { FAULT_KINDS, type Faults } from './faults.ts';
import { jsonReply, parseJson, type ApiRequest, type Reply } from './http.ts';
import type { DeliveryDelay, Ledger, Order, RefundDelay } from './ledger.ts';
import { normalizePhone } from './numbers.ts';
import { setFivesimRating } from './faces/fivesim-rating.ts';
import { QUIRKS, type Quirks } from './quirks.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SiteRejects } from './demo/rejects.ts';

export interface ControlContext {
  ledger: Ledger;
  faults: Faults;
  limiter: RateLimiter;
  quirks: Quirks;
  /** Numbers the demo site refuses; absent: this sandbox serves no demo site. */
  siteRejects?: SiteRejects;
}

const fail = (status: number, reason: string, extra: Record<string, unknown> = {}): Reply =>
  jsonReply(status, { ok: false, reason, ...extra });

const cents = z.int().nonnegative().max(1_000_000_000);
const seconds = z.int().nonnegative().max(10_000_000);

const AccountBody = z.object({
  key: z.string().trim().min(1).max(200),
  balance_cents: cents.default(0),
});
const SmsBody = z.object({
  phone: z.string().min(1).max(40),
  text: z.string().max(2000),
  code: z.string().trim().min(1).max(32).optional(),
});
const FaultsBody = z.object({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).optional(),
  seed: z.int().optional(),
});
const QuirksBody = z.object({ quirks: z.array(z.enum(QUIRKS)) });
const PriceBody = z.object({
  service: z.string().trim().min(1).max(32),
  country: z.string().trim().min(1).max(16),
  band: z.enum(['standard', 'priority']).default('standard'),
  /** null: the pair is no longer sold. */
  cents: cents.nullable(),
});
const StockBody = z.object({
  service: z.string().trim().min(1).max(32),
  country: z.string().trim().min(1).max(16),
  band: z.enum(['standard', 'priority']).default('standard'),
  /** Numbers left; 0: sold out. */
  count: z.int().nonnegative().max(1_000_000),
});
const RatingBody = z.object({
  key: z.string().trim().min(1).max(200),
  rating: z.number().min(0).max(1000),
});
const SettingsBody = z.object({
  window_seconds: seconds.min(1).optional(),
  early_cancel_seconds: seconds.optional(),
  rate_limit: z.int().min(1).max(1_000_000).optional(),
});
const SiteRejectsBody = z.object({
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(300)
    .default([]),
  numbers: z
    .array(z.string().regex(/^\+[1-9]\d{6,14}$/))
    .max(1000)
    .default([]),
});
const RefundsBody = z.object({
  /** now: the documented rule (refund at the cancel or window end); clears what is planned. */
  mode: z.enum(['now', 'late', 'never']),
  /** late: the refund lands this long after the cancel or window end. */
  seconds: seconds.min(1).default(30),
  /** How many of the next orders (of any key) refund this way. */
  orders: z.int().min(1).max(1000).default(1),
});
const DeliveryBody = z.object({
  /** now: an SMS sent to the number arrives at once (clears what is planned). */
  mode: z.enum(['now', 'late', 'never']),
  /** late: the SMS arrives this long after it was sent (if the window is still open). */
  seconds: seconds.min(1).default(30),
  /** How many of the next orders (of any key) get their SMS this way. */
  orders: z.int().min(1).max(1000).default(1),
});
const SimulateBody = z.object({
  enabled: z.boolean(),
  standard_odds: z.number().min(0).max(1).optional(),
  priority_odds: z.number().min(0).max(1).optional(),
  max_delay_seconds: seconds.min(1).optional(),
});

function parse<T>(
  req: ApiRequest,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; reply: Reply } {
  const json = parseJson(req.body);
  if (!json.ok)
    return { ok: false, reply: fail(400, 'invalid_request', { message: 'body is not JSON' }) };
  const parsed = schema.safeParse(json.value ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return {
    ok: false,
    reply: fail(400, 'invalid_request', { message: `${where}${issue?.message ?? 'invalid'}` }),
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

function orderView(o: Readonly<Order>): Record<string, unknown> {
  return {
    order_id: o.id,
    service: o.service,
    country: o.country,
    band: o.band,
    number: o.number,
    price_cents: o.priceCents,
    state: o.state,
    code: o.code,
    sms: o.sms.map((s) => ({ text: s.text, code: s.code, at: iso(s.at) })),
    created_at: iso(o.createdAt),
    expires_at: iso(o.expiresAt),
    ...(o.refundDueAt !== null && o.state === 'cancelled'
      ? { refund_due_at: iso(o.refundDueAt) }
      : {}),
    movements: o.movements.map((m) => ({
      type: m.type,
      cents: m.cents,
      at: iso(m.at),
      ...(m.reason ? { reason: m.reason } : {}),
    })),
  };
}

function accounts(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, AccountBody);
  if (!body.ok) return body.reply;
  const account = ctx.ledger.deposit(body.value.key, body.value.balance_cents);
  return jsonReply(200, { ok: true, key: account.key, balance_cents: account.balanceCents });
}

function sms(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, SmsBody);
  if (!body.ok) return body.reply;
  const phone = normalizePhone(body.value.phone);
  if (phone === null) return fail(400, 'invalid_request', { message: 'phone: not a phone number' });
  const code = body.value.code ?? extractCode(body.value.text);
  const result = ctx.ledger.deliver(phone, body.value.text, code);
  switch (result.kind) {
    case 'not_found':
      return fail(404, 'not_found');
    case 'recorded':
      return jsonReply(202, { ok: true, order_id: result.order.id, code: null });
    case 'held':
      // Sent as far as the sender knows; the order gets it later, or never.
      return jsonReply(202, { ok: true, order_id: result.order.id, code: null, held: true });
    case 'delivered':
      return jsonReply(200, { ok: true, order_id: result.order.id, code: result.code });
  }
}

function ledgerView(req: ApiRequest, ctx: ControlContext): Reply {
  const key = req.url.searchParams.get('key');
  if (!key) return fail(400, 'invalid_request', { message: 'key: required' });
  const a = ctx.ledger.account(key);
  if (!a) return fail(404, 'not_found');
  return jsonReply(200, {
    ok: true,
    key: a.key,
    balance_cents: a.balanceCents,
    held_cents: a.heldCents,
    deposits_cents: a.depositsCents,
    charged_cents: a.chargedCents,
    refunded_cents: a.refundedCents,
    orders: ctx.ledger.ordersOf(key).map(orderView),
  });
}

function faults(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, FaultsBody);
  if (!body.ok) return body.reply;
  ctx.faults.configure(body.value.rate, body.value.kinds, body.value.seed);
  return jsonReply(200, { ok: true, rate: ctx.faults.rate, kinds: ctx.faults.kinds });
}

function settings(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, SettingsBody);
  if (!body.ok) return body.reply;
  const v = body.value;
  if (v.window_seconds !== undefined) ctx.ledger.windowSeconds = v.window_seconds;
  if (v.early_cancel_seconds !== undefined) ctx.ledger.earlyCancelSeconds = v.early_cancel_seconds;
  if (v.rate_limit !== undefined) ctx.limiter.limitPerMinute = v.rate_limit;
  return jsonReply(200, {
    ok: true,
    window_seconds: ctx.ledger.windowSeconds,
    early_cancel_seconds: ctx.ledger.earlyCancelSeconds,
    rate_limit: ctx.limiter.limitPerMinute,
  });
}

function simulate(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, SimulateBody);
  if (!body.ok) return body.reply;
  const v = body.value;
  const s = ctx.ledger.simulation;
  ctx.ledger.simulation = {
    enabled: v.enabled,
    standardOdds: v.standard_odds ?? s.standardOdds,
    priorityOdds: v.priority_odds ?? s.priorityOdds,
    maxDelaySeconds: v.max_delay_seconds ?? s.maxDelaySeconds,
  };
  const n = ctx.ledger.simulation;
  return jsonReply(200, {
    ok: true,
    enabled: n.enabled,
    standard_odds: n.standardOdds,
    priority_odds: n.priorityOdds,
    max_delay_seconds: n.maxDelaySeconds,
  });
}

/** A provider that refunds late or never, for the next orders (see RefundDelay). */
function refunds(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, RefundsBody);
  if (!body.ok) return body.reply;
  const { mode, seconds: s, orders } = body.value;
  const delay: RefundDelay | null =
    mode === 'late' ? { kind: 'late', seconds: s } : mode === 'never' ? { kind: 'never' } : null;
  ctx.ledger.refundPlan = delay === null ? [] : Array.from({ length: orders }, () => delay);
  return jsonReply(200, { ok: true, planned: ctx.ledger.refundPlan.length });
}

/** The next orders get the SMS sent to them late, or never (see DeliveryDelay). */
function delivery(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, DeliveryBody);
  if (!body.ok) return body.reply;
  const { mode, seconds: s, orders } = body.value;
  const delay: DeliveryDelay | null =
    mode === 'late' ? { kind: 'late', seconds: s } : mode === 'never' ? { kind: 'never' } : null;
  ctx.ledger.deliveryPlan = delay === null ? [] : Array.from({ length: orders }, () => delay);
  return jsonReply(200, { ok: true, planned: ctx.ledger.deliveryPlan.length });
}

function quirks(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, QuirksBody);
  if (!body.ok) return body.reply;
  ctx.quirks.clear();
  for (const q of body.value.quirks) ctx.quirks.add(q);
  return jsonReply(200, { ok: true, quirks: [...ctx.quirks] });
}

function price(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, PriceBody);
  if (!body.ok) return body.reply;
  const { service, country, band, cents } = body.value;
  const done = ctx.ledger.catalog.reprice(service, country, band, cents, ctx.ledger.now());
  return done ? jsonReply(200, { ok: true }) : fail(404, 'not_found');
}

/** One tier's stock of a pair (0: sold out), so a test can sell an offer out. */
function stock(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, StockBody);
  if (!body.ok) return body.reply;
  const { service, country, band, count } = body.value;
  const done = ctx.ledger.catalog.restock(service, country, band, count);
  return done ? jsonReply(200, { ok: true }) : fail(404, 'not_found');
}

function rating(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, RatingBody);
  if (!body.ok) return body.reply;
  if (!ctx.ledger.hasAccount(body.value.key)) return fail(404, 'not_found');
  setFivesimRating(ctx.ledger, body.value.key, body.value.rating);
  return jsonReply(200, { ok: true, rating: body.value.rating });
}

/** The demo site refuses these numbers from now on (replaces the lists; empty: none). */
function siteRejects(req: ApiRequest, ctx: ControlContext): Reply {
  const body = parse(req, SiteRejectsBody);
  if (!body.ok) return body.reply;
  const rejects = ctx.siteRejects;
  if (!rejects) return fail(404, 'not_found');
  rejects.countries = new Set(body.value.countries);
  rejects.numbers = new Set(body.value.numbers);
  return jsonReply(200, { ok: true, ...body.value });
}

type Route = { method: 'GET' | 'POST'; run: (req: ApiRequest, ctx: ControlContext) => Reply };

const ROUTES: Record<string, Route> = {
  '/control/health': { method: 'GET', run: () => jsonReply(200, { ok: true }) },
  '/control/accounts': { method: 'POST', run: accounts },
  '/control/sms': { method: 'POST', run: sms },
  '/control/ledger': { method: 'GET', run: ledgerView },
  '/control/faults': { method: 'POST', run: faults },
  '/control/settings': { method: 'POST', run: settings },
  '/control/simulate': { method: 'POST', run: simulate },
  '/control/quirks': { method: 'POST', run: quirks },
  '/control/refunds': { method: 'POST', run: refunds },
  '/control/delivery': { method: 'POST', run: delivery },
  '/control/price': { method: 'POST', run: price },
  '/control/stock': { method: 'POST', run: stock },
  '/control/rating': { method: 'POST', run: rating },
  '/control/site-rejects': { method: 'POST', run: siteRejects },
};

export function handleControl(req: ApiRequest, ctx: ControlContext): Reply {
  const path = req.url.pathname.replace(/\/+$/, '');
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (!route) return fail(404, 'not_found');
  if (req.method !== route.method) return fail(405, 'method_not_allowed');
  return route.run(req, ctx);
}
