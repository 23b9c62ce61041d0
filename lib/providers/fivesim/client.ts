import { money } from '../../money.ts';
import { FIVESIM_DEFAULT_BASE_URL, fivesimCapabilities, PROVIDERS } from '../catalog.ts';
import { countryByFivesimName, countryById, type CountryRow } from '../data/countries.ts';
import { SERVICE_TABLE, serviceByCode } from '../data/services.ts';
import {
  createHttp,
  MAX_CATALOG_REPLY_BYTES,
  parseReply,
  withRetry,
  type Http,
  type RawReply,
} from '../http.ts';
import { createOrderMemo, orderOnce, type OrderMemo } from '../order-once.ts';
import { placedOrder } from '../placed-order.ts';
import type { Priority, RateBudget } from '../rate-budget.ts';
import {
  ProviderError,
  type AccountStanding,
  type CancelOptions,
  type CheckOptions,
  type Offer,
  type OrderRequest,
  type Provider,
  type ProviderOrder,
  type Tier,
} from '../types.ts';
import {
  amount,
  chooseOperator,
  countriesOf,
  errorFromReply,
  isOpenStatus,
  operatorsOf,
  statusFromOrder,
  windowMs,
} from './map.ts';
import * as s from './schemas.ts';

export interface FivesimOptions {
  apiKey: string;
  /** Origin; paths start with /v1. */
  baseUrl?: string;
  /** 5sim accounts keep their balance in one currency; the API does not name it. */
  currency?: string;
  budget: RateBudget;
  memo?: OrderMemo;
  now?: () => number;
  fetch?: typeof fetch;
}

/** What each cancel and each timed-out order costs the account's rating (5sim's rules). */
export const RATING_CANCEL_COST = 0.1;
export const RATING_TIMEOUT_COST = 0.15;

/** Cents as 5sim's decimal amount ("0.27"). */
const decimal = (cents: number) => (cents / 100).toFixed(2);

const unsold = () =>
  new ProviderError('unavailable', '5sim does not offer this service or country.');

/** What every request of one 5sim provider shares. */
interface FivesimContext {
  http: Http;
  budget: RateBudget;
  memo: OrderMemo;
  currency: string;
  now: () => number;
}

async function get(
  ctx: FivesimContext,
  path: string,
  searchParams?: Record<string, string>,
  priority?: Priority,
  maxBytes?: number,
): Promise<unknown> {
  const reply: RawReply = await ctx.http.send('get', path, { searchParams, priority, maxBytes });
  if (reply.status === 429) ctx.budget.pause(reply.retryAfterMs ?? 10_000);
  if (reply.status < 400 && reply.json !== undefined && typeof reply.json === 'object') {
    return reply.json;
  }
  throw errorFromReply(reply);
}

async function orderAt(
  ctx: FivesimContext,
  path: string,
  priority?: Priority,
  params?: Record<string, string>,
) {
  return parseReply(s.orderReply, await get(ctx, path, params, priority), 'order');
}

async function check(ctx: FivesimContext, id: string, options?: CheckOptions) {
  return statusFromOrder(
    await withRetry(() =>
      orderAt(
        ctx,
        `/v1/user/check/${encodeURIComponent(id)}`,
        options?.urgent ? 'code' : undefined,
      ),
    ),
  );
}

function placed(ctx: FivesimContext, order: s.OrderReply, tier: Tier): ProviderOrder {
  const bought = {
    id: order.id,
    phone: `+${order.phone.replace(/\D/g, '')}`,
    price: amount(order.price, ctx.currency),
    tier,
    windowMs: windowMs(order),
  };
  return placedOrder(bought, fivesimCapabilities, ctx.now);
}

async function prices(ctx: FivesimContext, params: Record<string, string>, priority?: Priority) {
  const body = await withRetry(() =>
    get(ctx, '/v1/guest/prices', params, priority, MAX_CATALOG_REPLY_BYTES),
  );
  return parseReply(s.pricesReply, body, 'prices');
}

async function recentOrders(ctx: FivesimContext) {
  const params = { category: 'activation', limit: '50', order: 'id', reverse: 'true' };
  const body = await get(ctx, '/v1/user/orders', params, 'urgent');
  return parseReply(s.ordersReply, body, 'orders').Data ?? [];
}

async function profile(ctx: FivesimContext) {
  return parseReply(s.profileReply, await withRetry(() => get(ctx, '/v1/user/profile')), 'profile');
}

async function account(ctx: FivesimContext): Promise<AccountStanding> {
  const { balance, rating } = await profile(ctx);
  return {
    balance: amount(balance, ctx.currency),
    rating: rating ?? null,
    cancelCost: RATING_CANCEL_COST,
    timeoutCost: RATING_TIMEOUT_COST,
    blockedUntil: null,
  };
}

/** One country's offer per tier, each from the operator that tier picks. */
function countryOffers(
  ctx: FivesimContext,
  country: CountryRow,
  ops: Record<string, s.OperatorCell>,
): Offer[] {
  const base = {
    providerId: 'fivesim',
    providerName: PROVIDERS.fivesim.name,
    country: country.id,
    countryName: country.name,
    countryIso: country.iso,
    priceIsCap: false,
  } satisfies Partial<Offer>;
  const offers: Offer[] = [];
  for (const tier of ['standard', 'priority'] as const) {
    const choice = chooseOperator(ops, tier, null);
    if (choice) {
      offers.push({
        ...base,
        tier,
        price: money(choice.cents, ctx.currency),
        stock: choice.stock,
        providerRate: choice.rate,
      });
    }
  }
  return offers;
}

async function offers(ctx: FivesimContext, service: string, options?: CheckOptions) {
  const product = serviceByCode(service)?.fivesim;
  if (!product) return [];
  const offers: Offer[] = [];
  const all = await prices(ctx, { product }, options?.urgent ? 'urgent' : undefined);
  for (const [name, ops] of countriesOf(all, product)) {
    const country = countryByFivesimName(name);
    if (!country) continue;
    offers.push(...countryOffers(ctx, country, ops));
  }
  return offers;
}

const noNumbers = () =>
  new ProviderError('no_numbers', '5sim has no numbers for this service and country right now.');

/** The operator an order buys from, or why none will do (no numbers, or none under the cap). */
function operatorForOrder(
  ctx: FivesimContext,
  ops: Record<string, s.OperatorCell> | undefined,
  req: OrderRequest,
) {
  if (!ops || Object.keys(ops).length === 0) throw noNumbers();
  const cap = req.maxPrice?.cents ?? null;
  const choice = chooseOperator(ops, req.tier, cap);
  if (choice) return choice;
  const uncapped = chooseOperator(ops, req.tier, null);
  if (uncapped && cap !== null && uncapped.cents > cap) {
    throw new ProviderError(
      'price_moved',
      '5sim wants more than the price you saw; check the offer again.',
      null,
      money(uncapped.cents, ctx.currency),
    );
  }
  throw noNumbers();
}

/** The purchase request for an order: where it goes and the cap it carries. */
function purchaseOf(req: OrderRequest, country: string, product: string, operator: string) {
  const cap = req.maxPrice?.cents ?? null;
  // Standard under a cap buys from operator `any` with maxPrice: 5sim then holds the cap
  // itself, at the moment of purchase (maxPrice works with `any` only).
  const capped = req.tier === 'standard' && cap !== null;
  const params = capped ? { maxPrice: decimal(cap) } : undefined;
  const path = ['/v1/user/buy/activation', country, capped ? 'any' : operator, product]
    .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
    .join('/');
  return { path, params };
}

async function order(ctx: FivesimContext, req: OrderRequest): Promise<ProviderOrder> {
  const product = serviceByCode(req.service)?.fivesim;
  const country = countryById(req.country)?.fivesim;
  if (!product || !country) throw unsold();
  const ops = operatorsOf(await prices(ctx, { country, product }, 'urgent'), product, country);
  const choice = operatorForOrder(ctx, ops, req);
  const { path, params } = purchaseOf(req, country, product, choice.operator);
  return orderOnce({
    memo: ctx.memo,
    idempotencyKey: req.idempotencyKey,
    held: req.held,
    listOpen: async () =>
      (await recentOrders(ctx))
        .filter((o) => isOpenStatus(o.status))
        .map((o) => ({ id: o.id, matches: o.product === product && o.country === country })),
    buy: async () => placed(ctx, await orderAt(ctx, path, 'urgent', params), req.tier),
    adopt: async (id) =>
      placed(
        ctx,
        await withRetry(() => orderAt(ctx, `/v1/user/check/${encodeURIComponent(id)}`, 'urgent')),
        req.tier,
      ),
  });
}

async function cancel(ctx: FivesimContext, id: string, options?: CancelOptions) {
  try {
    // Not retried blindly: the engine cancels again after an unclear failure.
    // Urgent: a cancel returns money, and the user may be waiting on it.
    // A number the site refused is banned: refunded the same, and not sold to us again.
    const action = options?.ban ? 'ban' : 'cancel';
    const order = await orderAt(ctx, `/v1/user/${action}/${encodeURIComponent(id)}`, 'urgent');
    return statusFromOrder(order);
  } catch (e) {
    // "order has sms": a code raced in, take it. "order expired": it ended (and refunded).
    if (
      e instanceof ProviderError &&
      (e.kind === 'code_already_received' || e.kind === 'not_found')
    ) {
      const after = await check(ctx, id, { urgent: true });
      if (after.kind !== 'waiting') return after;
    }
    throw e;
  }
}

async function complete(ctx: FivesimContext, id: string) {
  try {
    await orderAt(ctx, `/v1/user/finish/${encodeURIComponent(id)}`);
  } catch (e) {
    // Finishing an order 5sim already closed is done.
    if (e instanceof ProviderError && e.kind === 'not_found') return;
    throw e;
  }
}

export function createFivesimProvider(opts: FivesimOptions): Provider {
  const ctx: FivesimContext = {
    http: createHttp({
      baseUrl: (opts.baseUrl || FIVESIM_DEFAULT_BASE_URL).replace(/\/v1\/?$/, ''),
      headers: { authorization: `Bearer ${opts.apiKey}`, accept: 'application/json' },
      budget: opts.budget,
      fetch: opts.fetch,
    }),
    budget: opts.budget,
    memo: opts.memo ?? createOrderMemo(),
    currency: opts.currency ?? PROVIDERS.fivesim.currency,
    now: opts.now ?? Date.now,
  };

  return {
    id: 'fivesim',
    name: PROVIDERS.fivesim.name,
    capabilities: fivesimCapabilities,
    budget: opts.budget,
    balance: async () => amount((await profile(ctx)).balance, ctx.currency),
    account: () => account(ctx),

    async services() {
      // 5sim's product list has no display names; the shipped table does.
      return SERVICE_TABLE.filter((r) => r.fivesim).map(({ code, name }) => ({ code, name }));
    },

    offers: (service, options) => offers(ctx, service, options),
    order: (req) => order(ctx, req),
    check: (id, options) => check(ctx, id, options),
    cancel: (id, options) => cancel(ctx, id, options),
    complete: (id) => complete(ctx, id),

    async requestAnotherSms() {
      throw new ProviderError(
        'unavailable',
        '5sim sends every SMS to the order by itself; there is nothing to request.',
      );
    },
  };
}
