import { money } from '../../money.ts';
import { smsActivateCapabilities } from '../catalog.ts';
import { countryById } from '../data/countries.ts';
import { parseReply, withRetry } from '../http.ts';
import { createOrderMemo, orderOnce, type OrderMemo } from '../order-once.ts';
import { placedOrder } from '../placed-order.ts';
import type { Priority, RateBudget } from '../rate-budget.ts';
import {
  ProviderError,
  type Capabilities,
  type CheckOptions,
  type Offer,
  type OrderRequest,
  type Provider,
  type ProviderOrder,
  type ProviderStatus,
} from '../types.ts';
import type { HostFeatures, SmsActivateHost } from './hosts.ts';
import {
  amount,
  decimalOf,
  errorMessage,
  replyToken,
  statusFromActivation,
  statusFromToken,
  windowMs,
  type Token,
} from './map.ts';
import * as s from './schemas.ts';
import { createWire, type Wire } from './wire.ts';

/**
 * Priority on the SMS-Activate protocol: the protocol has one pool per service and country and
 * no quality tier. What a buyer can do is accept a higher price: hosts with free pricing (and
 * the sandbox) sell to the highest cap first when numbers are scarce. So Priority here is the
 * same pool ordered with a price cap this much above the listed price; the popup shows it as
 * "up to" that cap, never as better delivery.
 */
export const PRIORITY_CAP_PERCENT = 150;

export interface SmsActivateOptions {
  apiKey: string;
  host: SmsActivateHost;
  budget: RateBudget;
  memo?: OrderMemo;
  now?: () => number;
  fetch?: typeof fetch;
  /** Pauses between purchase retries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

type Optional = keyof Pick<HostFeatures, 'listing' | 'numberV2'>;

/** What every request of one SMS-Activate-protocol provider shares. */
interface SmsActivateContext {
  host: SmsActivateHost;
  wire: Wire;
  memo: OrderMemo;
  capabilities: Capabilities;
  currency: string;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Whether the host has an optional action: what it answered before, else what it declares. */
function has(ctx: SmsActivateContext, feature: Optional): boolean | null {
  const learned = ctx.memo.learned.get(feature);
  if (learned !== undefined) return learned;
  const declared = ctx.host.features[feature];
  return declared === 'detect' ? null : declared === 'yes';
}

const learn = (ctx: SmsActivateContext, feature: Optional, value: boolean) =>
  ctx.memo.learned.set(feature, value);
const unsupported = (t: Token | null) => t?.token === 'BAD_ACTION';

const unexpected = (ctx: SmsActivateContext, t: Token) =>
  new ProviderError('malformed_reply', `${ctx.host.name} answered "${t.token}" unexpectedly.`);

async function status(
  ctx: SmsActivateContext,
  id: string,
  options?: CheckOptions,
): Promise<ProviderStatus> {
  const priority = options?.urgent ? 'code' : undefined;
  const t = await withRetry(() => ctx.wire.token('getStatus', { id }, [], priority));
  const result = statusFromToken(t);
  if (!result) throw unexpected(ctx, t);
  if (result.kind !== 'code' || !ctx.host.features.statusV2) return result;
  // The code is what matters; the full text is a bonus that must not cost the code.
  const text = await fullText(ctx, id, priority).catch(() => null);
  return text ? { ...result, text } : result;
}

async function fullText(
  ctx: SmsActivateContext,
  id: string,
  priority?: Priority,
): Promise<string | null> {
  const body = await ctx.wire.json('getStatusV2', { id }, undefined, priority);
  return parseReply(s.statusV2Reply, body, 'status').sms?.text ?? null;
}

/** Every open order, or null when the host has no listing (learned once, then not asked). */
async function listing(
  ctx: SmsActivateContext,
  priority?: Priority,
): Promise<s.ActiveActivation[] | null> {
  if (has(ctx, 'listing') === false) return null;
  const reply = await ctx.wire.call('getActiveActivations', {}, priority);
  const t = replyToken(reply);
  if (unsupported(t)) {
    learn(ctx, 'listing', false);
    return null;
  }
  const list =
    t?.token === 'NO_ACTIVATIONS'
      ? []
      : parseReply(s.activeActivationsReply, ctx.wire.jsonOf(reply), 'open orders');
  learn(ctx, 'listing', true);
  return list;
}

async function buy(ctx: SmsActivateContext, req: OrderRequest): Promise<ProviderOrder> {
  const { host, wire } = ctx;
  const params: Record<string, string> = { service: req.service, country: req.country };
  if (req.maxPrice) params[host.maxPriceParam] = decimalOf(req.maxPrice.cents);
  if (has(ctx, 'numberV2') === false) return buyLegacy(ctx, req, params);
  const reply = await wire.call('getNumberV2', params, 'urgent');
  if (unsupported(replyToken(reply))) {
    // BAD_ACTION: nothing was bought; the legacy action says the same with less.
    learn(ctx, 'numberV2', false);
    return buyLegacy(ctx, req, params);
  }
  const v2 = parseReply(s.numberV2Reply, wire.jsonOf(reply), 'order');
  learn(ctx, 'numberV2', true);
  const window = windowMs(v2.activationTime, v2.activationEndTime);
  const price = amount(v2.activationCost, ctx.currency, host.name);
  return placed(ctx, req, v2.activationId, v2.phoneNumber, price, window);
}

/** `ACCESS_NUMBER:<id>:<digits>` and no price (DaisySMS gives it in an X-Price header). */
async function buyLegacy(
  ctx: SmsActivateContext,
  req: OrderRequest,
  params: Record<string, string>,
) {
  const reply = await ctx.wire.call('getNumber', params, 'urgent');
  const t = replyToken(reply);
  if (reply.status >= 400 || t?.token !== 'ACCESS_NUMBER') throw ctx.wire.fail(reply);
  const [id, phone] = (t.data ?? '').split(':');
  if (!id || !phone || !/^\d{6,15}$/.test(phone)) throw unexpected(ctx, t);
  const header = reply.header?.('x-price');
  const price = header ? amount(header, ctx.currency, ctx.host.name) : await listedPrice(ctx, req);
  return placed(ctx, req, id, phone, price, null);
}

async function listedPrice(ctx: SmsActivateContext, req: OrderRequest) {
  try {
    const prices = await pricesFor(ctx, req.service, req.country, 'urgent');
    const cell = prices[req.country]?.[req.service];
    if (cell) return amount(cell.cost, ctx.currency, ctx.host.name);
  } catch {
    // The number is bought either way; the cap is the honest upper bound.
  }
  return req.maxPrice ?? money(0, ctx.currency);
}

function placed(
  ctx: SmsActivateContext,
  req: OrderRequest,
  id: string,
  digits: string,
  price: ProviderOrder['price'],
  window: number | null,
): ProviderOrder {
  const bought = {
    id,
    phone: `+${digits.replace(/\D/g, '')}`,
    price,
    tier: req.tier,
    windowMs: window,
  };
  return placedOrder(bought, ctx.capabilities, ctx.now);
}

async function pricesFor(
  ctx: SmsActivateContext,
  service: string,
  country?: string,
  priority?: Priority,
) {
  const params: Record<string, string> = { service };
  if (country !== undefined) params.country = country;
  const body = await withRetry(() => ctx.wire.json('getPrices', params, undefined, priority));
  return parseReply(s.pricesReply, body, 'prices');
}

async function countryNames(ctx: SmsActivateContext): Promise<Map<string, string>> {
  const body = await withRetry(() => ctx.wire.json('getCountries'));
  const list = parseReply(s.countriesReply, body, 'countries');
  return new Map(list.map(([id, c]) => [c.id ?? id, c.eng ?? id]));
}

async function balance(ctx: SmsActivateContext, priority?: Priority) {
  const t = await withRetry(() => ctx.wire.token('getBalance', {}, [], priority));
  if (t.token !== 'ACCESS_BALANCE' || t.data === null) throw unexpected(ctx, t);
  return amount(t.data, ctx.currency, ctx.host.name);
}

/** setStatus, then (when the host refuses or answers oddly) what the order really is. */
async function settle(
  ctx: SmsActivateContext,
  id: string,
  code: '6' | '8',
): Promise<{ t: Token; now: ProviderStatus | null }> {
  // A cancel returns money (and someone may be waiting on it): it goes before routine traffic.
  const urgent = code === '8';
  const priority = urgent ? 'urgent' : undefined;
  const t = await ctx.wire.token('setStatus', { id, status: code }, ['BAD_STATUS'], priority);
  const done = code === '8' ? 'ACCESS_CANCEL' : 'ACCESS_ACTIVATION';
  if (t.token === done) return { t, now: null };
  // BAD_STATUS (a code exists, or the order is closed) or DaisySMS's ACCESS_READY for a
  // refused cancel: the order's status says which.
  return { t, now: await status(ctx, id, { urgent }) };
}

function offersOf(
  ctx: SmsActivateContext,
  service: string,
  prices: s.Prices,
  names: Map<string, string> | null,
) {
  const offers: Offer[] = [];
  for (const [country, row] of Object.entries(prices)) {
    const cell = row[service];
    if (!cell) continue;
    const known = countryById(country);
    const price = amount(cell.cost, ctx.currency, ctx.host.name);
    const base: Omit<Offer, 'tier' | 'price' | 'priceIsCap'> = {
      providerId: 'smsactivate',
      providerName: ctx.host.name,
      country,
      countryName: known?.name ?? names?.get(country) ?? `Country ${country}`,
      countryIso: known?.iso ?? null,
      stock: cell.count,
    };
    offers.push({ ...base, tier: 'standard', price, priceIsCap: false });
    const cap = Math.ceil((price.cents * PRIORITY_CAP_PERCENT) / 100);
    offers.push({ ...base, tier: 'priority', price: money(cap, ctx.currency), priceIsCap: true });
  }
  return offers;
}

async function services(ctx: SmsActivateContext) {
  const body = await withRetry(() => ctx.wire.json('getServicesList'));
  return parseReply(s.servicesListReply, body, 'services').services;
}

async function offers(ctx: SmsActivateContext, service: string, options?: CheckOptions) {
  const prices = await pricesFor(ctx, service, undefined, options?.urgent ? 'urgent' : undefined);
  const unknown = Object.keys(prices).some((id) => !countryById(id));
  const names = unknown ? await countryNames(ctx).catch(() => new Map<string, string>()) : null;
  return offersOf(ctx, service, prices, names);
}

/** Buys once per idempotency key: a lost reply is found in the listing (or the balance). */
async function order(ctx: SmsActivateContext, req: OrderRequest): Promise<ProviderOrder> {
  // The rows of the last listing, so adopting one needs no second request.
  const seen = new Map<string, s.ActiveActivation>();
  return orderOnce({
    memo: ctx.memo,
    idempotencyKey: req.idempotencyKey,
    held: req.held,
    name: ctx.host.name,
    sleep: ctx.sleep,
    listOpen: async () =>
      (await listing(ctx, 'urgent'))?.map((a) => {
        seen.set(a.activationId, a);
        return {
          id: a.activationId,
          matches:
            (a.serviceCode ?? req.service) === req.service &&
            (a.countryCode ?? req.country) === req.country,
        };
      }) ?? null,
    balance: async () => (await balance(ctx, 'urgent')).cents,
    buy: () => buy(ctx, req),
    adopt: async (id) => {
      const found =
        seen.get(id) ?? (await listing(ctx, 'urgent'))?.find((a) => a.activationId === id);
      if (!found?.phoneNumber)
        throw new ProviderError('not_found', errorMessage('not_found', ctx.host.name, null));
      return placed(ctx, req, id, found.phoneNumber, await listedPrice(ctx, req), null);
    },
  });
}

async function checkMany(ctx: SmsActivateContext, ids: readonly string[], options?: CheckOptions) {
  const priority = options?.urgent ? 'code' : undefined;
  const open = await withRetry(() => listing(ctx, priority));
  const result = new Map<string, ProviderStatus>();
  if (open === null) {
    // No listing after all: one check per order, those that fail stay unknown.
    for (const id of ids) {
      const one = await status(ctx, id, options).catch(() => null);
      if (one) result.set(id, one);
    }
    return result;
  }
  const wanted = new Set(ids);
  for (const a of open)
    if (wanted.has(a.activationId)) result.set(a.activationId, statusFromActivation(a));
  return result;
}

async function cancel(ctx: SmsActivateContext, id: string): Promise<ProviderStatus> {
  // Not retried blindly: a lost ACCESS_CANCEL is recovered by the engine's next cancel.
  const { t, now: after } = await settle(ctx, id, '8');
  if (!after) return { kind: 'refunded' };
  if (after.kind === 'code' || after.kind === 'refunded') return after;
  if (after.kind === 'completed') return after;
  throw new ProviderError(
    'too_early_to_cancel',
    `${ctx.host.name} refused to cancel this order yet (${t.token}).`,
  );
}

async function complete(ctx: SmsActivateContext, id: string) {
  const { t, now: after } = await settle(ctx, id, '6');
  if (after && after.kind === 'waiting') throw unexpected(ctx, t);
}

async function requestAnotherSms(ctx: SmsActivateContext, id: string) {
  const t = await ctx.wire.token('setStatus', { id, status: '3' });
  if (t.token !== 'ACCESS_RETRY_GET') {
    throw new ProviderError(
      'unavailable',
      `${ctx.host.name} cannot send another SMS for this order now.`,
    );
  }
}

export function createSmsActivateProvider(opts: SmsActivateOptions): Provider {
  const { host } = opts;
  const ctx: SmsActivateContext = {
    host,
    wire: createWire(opts),
    memo: opts.memo ?? createOrderMemo(),
    capabilities: smsActivateCapabilities(host),
    currency: host.currency,
    now: opts.now ?? Date.now,
    sleep: opts.sleep,
  };

  return {
    id: 'smsactivate',
    name: host.name,
    capabilities: ctx.capabilities,
    budget: opts.budget,
    balance: () => balance(ctx),
    services: () => services(ctx),
    offers: (service, options) => offers(ctx, service, options),
    order: (req) => order(ctx, req),
    check: (id, options) => status(ctx, id, options),
    checkMany: (ids, options) => checkMany(ctx, ids, options),
    cancel: (id) => cancel(ctx, id),
    complete: (id) => complete(ctx, id),
    requestAnotherSms: (id) => requestAnotherSms(ctx, id),
  };
}
