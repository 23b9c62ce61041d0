import { money } from '../../money.ts';
import { CODASMS_DEFAULT_BASE_URL, codasmsCapabilities, PROVIDERS } from '../catalog.ts';
import {
  createHttp,
  MAX_CATALOG_REPLY_BYTES,
  parseReply,
  withRetry,
  type Http,
  type RawReply,
} from '../http.ts';
import { placedOrder } from '../placed-order.ts';
import type { Priority, RateBudget } from '../rate-budget.ts';
import {
  ProviderError,
  type CheckOptions,
  type Offer,
  type OrderRequest,
  type Provider,
  type ProviderOrder,
  type ProviderStatus,
} from '../types.ts';
import {
  errorFromHttp,
  errorFromReason,
  idFromWire,
  idToWire,
  offersFromCell,
  priceMoved,
  statusFromReply,
  toE164,
} from './map.ts';
import * as s from './schemas.ts';

export interface CodasmsOptions {
  apiKey: string;
  baseUrl?: string;
  budget: RateBudget;
  now?: () => number;
  fetch?: typeof fetch;
  /** Waits between order attempts (tests step a fake clock). */
  sleep?: (ms: number) => Promise<void>;
}

/** `price_moved` (ask again at the new price) and `unavailable` (temporary) are retried. */
const ORDER_ATTEMPTS = 3;
const ORDER_BACKOFF_MS = [1_000, 3_000];
const RETRY_ORDER: ReadonlySet<string> = new Set(['price_moved', 'unavailable']);

/** What every request of one CODASMS provider shares. */
interface CodasmsContext {
  http: Http;
  budget: RateBudget;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The account's currency: the catalog's until a balance reply names it. */
  currency: string;
}

/** Turns a raw reply into JSON that passed `ok: true`, or the provider's typed error. */
function unwrap(ctx: CodasmsContext, reply: RawReply): unknown {
  const err = s.errorReply.safeParse(reply.json);
  if (err.success) {
    const e = errorFromReason(err.data.reason, err.data.retry_after_seconds);
    if (e.kind === 'rate_limited') ctx.budget.pause(e.retryAfterMs ?? reply.retryAfterMs ?? 10_000);
    throw e;
  }
  if (reply.status >= 400 || reply.json === undefined) {
    const e = errorFromHttp(reply.status);
    if (e.kind === 'rate_limited') ctx.budget.pause(reply.retryAfterMs ?? 10_000);
    throw e;
  }
  return reply.json;
}

async function get(ctx: CodasmsContext, path: string, searchParams?: Record<string, string>) {
  return unwrap(ctx, await ctx.http.send('get', path, { searchParams }));
}

/** The service list and country table: large replies, read under the catalog cap. */
async function getCatalog(
  ctx: CodasmsContext,
  path: string,
  searchParams?: Record<string, string>,
  priority?: Priority,
) {
  const init = { searchParams, priority, maxBytes: MAX_CATALOG_REPLY_BYTES };
  return unwrap(ctx, await ctx.http.send('get', path, init));
}

async function post(
  ctx: CodasmsContext,
  path: string,
  json: unknown,
  headers?: Record<string, string>,
  priority?: Priority,
) {
  return unwrap(ctx, await ctx.http.send('post', path, { json, headers, priority }));
}

async function orderStatus(
  ctx: CodasmsContext,
  id: string,
  action: 'poll' | 'cancel',
  priority?: Priority,
) {
  const body = { order_id: idToWire(id), action };
  const json = await post(ctx, '/v1/orders/status', body, undefined, priority);
  return parseReply(s.statusReply, json, 'order status');
}

async function readBalance(ctx: CodasmsContext) {
  const reply = parseReply(
    s.balanceReply,
    await withRetry(() => get(ctx, '/v1/balance')),
    'balance',
  );
  ctx.currency = reply.currency;
  return money(reply.balance_cents, reply.currency);
}

async function listServices(ctx: CodasmsContext) {
  const json = await withRetry(() => getCatalog(ctx, '/v1/services'));
  return parseReply(s.servicesReply, json, 'services').services.map(({ code, name }) => ({
    code,
    name,
  }));
}

/** Every country's offers for one service: the price matrix joined with the country table. */
async function listOffers(ctx: CodasmsContext, service: string, options?: CheckOptions) {
  const priority = options?.urgent ? 'urgent' : undefined;
  const [servicesJson, countriesJson] = await Promise.all([
    withRetry(() => getCatalog(ctx, '/v1/services', { service }, priority)),
    withRetry(() => getCatalog(ctx, '/v1/countries', { service }, priority)),
  ]);
  const { matrix } = parseReply(s.servicesReply, servicesJson, 'services');
  const { countries } = parseReply(s.countriesReply, countriesJson, 'countries');
  const byCode = new Map(countries.map((c) => [c.code, c]));
  const offers: Offer[] = [];
  for (const [countryCode, row] of Object.entries(matrix)) {
    const cell = row[service];
    if (!cell) continue;
    const c = byCode.get(countryCode);
    const country = { code: countryCode, name: c?.name ?? countryCode, iso: c?.iso ?? null };
    offers.push(...offersFromCell(country, cell, ctx.currency));
  }
  return offers;
}

/** The price asked now for one country and tier; null when the pair is not sold. */
async function livePrice(ctx: CodasmsContext, req: OrderRequest) {
  const json = await withRetry(() =>
    getCatalog(ctx, '/v1/services', { service: req.service, country: req.country }, 'urgent'),
  );
  const cell = parseReply(s.servicesReply, json, 'services').matrix[req.country]?.[req.service];
  const cents = req.tier === 'priority' ? cell?.priority_cents : cell?.standard_cents;
  return cents === undefined ? null : money(cents, ctx.currency);
}

const secondsToMs = (seconds: number | undefined) =>
  seconds === undefined ? null : seconds * 1000;

/** One purchase: the live price against the cap first, so nothing is bought above it. */
async function buyOnce(ctx: CodasmsContext, req: OrderRequest): Promise<ProviderOrder> {
  if (req.maxPrice) {
    const live = await livePrice(ctx, req);
    if (live === null) throw priceMoved(null);
    if (live.currency !== req.maxPrice.currency || live.cents > req.maxPrice.cents) {
      throw priceMoved(live);
    }
  }
  const body = { service: req.service, country: req.country, band: req.tier };
  // Safe to retry: the same Idempotency-Key never buys twice.
  const json = await withRetry(
    () => post(ctx, '/v1/orders', body, { 'idempotency-key': req.idempotencyKey }, 'urgent'),
    { attempts: 4 },
  );
  const reply = parseReply(s.orderReply, json, 'order');
  const bought = {
    id: idFromWire(reply.order_id),
    phone: toE164(reply.number),
    price: money(reply.price_cents, ctx.currency),
    tier: reply.band ?? req.tier,
    windowMs: secondsToMs(reply.expires_in_seconds),
    lockMs: secondsToMs(reply.cancel_available_in_seconds),
  };
  return placedOrder(bought, codasmsCapabilities, ctx.now);
}

/** Buys, asking again a few times while the server's refusal is one that passes. */
async function order(ctx: CodasmsContext, req: OrderRequest): Promise<ProviderOrder> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await buyOnce(ctx, req);
    } catch (e) {
      // A price_moved refusal from our own check (it carries the price) is final: the
      // user decides. The server's price_moved and unavailable pass after a while.
      const again =
        e instanceof ProviderError &&
        RETRY_ORDER.has(e.kind) &&
        !(e.kind === 'price_moved' && e.currentPrice !== null) &&
        attempt < ORDER_ATTEMPTS;
      if (!again) throw e;
      await ctx.sleep(ORDER_BACKOFF_MS[attempt - 1] ?? 3_000);
    }
  }
}

async function check(
  ctx: CodasmsContext,
  id: string,
  options?: CheckOptions,
): Promise<ProviderStatus> {
  const priority = options?.urgent ? 'code' : undefined;
  return statusFromReply(await withRetry(() => orderStatus(ctx, id, 'poll', priority)));
}

async function cancel(ctx: CodasmsContext, id: string): Promise<ProviderStatus> {
  // Cancelling twice is harmless at CODASMS (an already refunded order stays refunded).
  // Urgent: a cancel returns money, and the user may be waiting on it.
  const reply = await withRetry(() => orderStatus(ctx, id, 'cancel', 'urgent'));
  const result = statusFromReply(reply);
  if (result.kind === 'waiting') {
    const wait = reply.cancel_available_in_seconds;
    throw new ProviderError(
      'too_early_to_cancel',
      'CODASMS does not allow cancelling this order yet.',
      wait === undefined ? null : Math.max(1, wait) * 1000,
    );
  }
  return result;
}

export function createCodasmsProvider(opts: CodasmsOptions): Provider {
  const ctx: CodasmsContext = {
    http: createHttp({
      baseUrl: opts.baseUrl || CODASMS_DEFAULT_BASE_URL,
      headers: { authorization: `Bearer ${opts.apiKey}`, accept: 'application/json' },
      budget: opts.budget,
      fetch: opts.fetch,
    }),
    budget: opts.budget,
    now: opts.now ?? Date.now,
    sleep: opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    currency: PROVIDERS.codasms.currency,
  };

  return {
    id: 'codasms',
    name: PROVIDERS.codasms.name,
    capabilities: codasmsCapabilities,
    budget: opts.budget,
    balance: () => readBalance(ctx),
    services: () => listServices(ctx),
    offers: (service, options) => listOffers(ctx, service, options),
    order: (req) => order(ctx, req),
    check: (id, options) => check(ctx, id, options),
    cancel: (id) => cancel(ctx, id),

    async complete() {
      // CODASMS closes delivered orders by itself; nothing to send.
    },

    async requestAnotherSms() {
      throw new ProviderError('unavailable', 'CODASMS does not offer another SMS on an order.');
    },
  };
}
