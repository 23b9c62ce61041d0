import { money } from '../../money.ts';
import { countryById } from '../data/countries.ts';
import { createHttp, parseReply, withRetry, type RawReply } from '../http.ts';
import { createOrderMemo, orderOnce, type OrderMemo } from '../order-once.ts';
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
import { normalizeSmsActivateUrl, type SmsActivateHost } from './hosts.ts';
import {
  amount,
  decimalOf,
  errorMessage,
  parseToken,
  replyError,
  statusFromActivation,
  statusFromToken,
  windowMs,
  type Token,
} from './map.ts';
import * as s from './schemas.ts';

/**
 * Priority on the SMS-Activate protocol: the protocol has one pool per service and country and
 * no quality tier. What a buyer can do is accept a higher price: hosts with free pricing (and
 * the sandbox) sell to the highest cap first when numbers are scarce. So Priority here is the
 * same pool ordered with a price cap this much above the listed price; the popup shows it as
 * "up to" that cap, never as better delivery.
 */
export const PRIORITY_CAP_PERCENT = 150;

export function smsActivateCapabilities(host: SmsActivateHost): Capabilities {
  return {
    windowSeconds: 1200,
    earlyCancelSeconds: host.earlyCancelSeconds,
    rateLimitPerMinute: host.rateLimitPerMinute,
    bulkCheck: true,
    tiers: ['standard', 'priority'],
    anotherSms: true,
    complete: true,
  };
}

export interface SmsActivateOptions {
  apiKey: string;
  host: SmsActivateHost;
  budget: RateBudget;
  memo?: OrderMemo;
  now?: () => number;
  fetch?: typeof fetch;
}

export function createSmsActivateProvider(opts: SmsActivateOptions): Provider {
  const { host } = opts;
  const now = opts.now ?? Date.now;
  const memo = opts.memo ?? createOrderMemo();
  const capabilities = smsActivateCapabilities(host);
  const currency = host.currency;
  const http = createHttp({
    baseUrl: normalizeSmsActivateUrl(host.baseUrl),
    name: host.name,
    budget: opts.budget,
    fetch: opts.fetch,
  });

  async function call(
    action: string,
    params: Record<string, string> = {},
    priority?: Priority,
  ): Promise<RawReply> {
    const reply = await http.send('get', '/stubs/handler_api.php', {
      searchParams: { api_key: opts.apiKey, action, ...params },
      priority,
    });
    if (reply.status === 429 || parseToken(reply.body)?.token === 'TOO_MANY_REQUESTS') {
      opts.budget.pause(reply.retryAfterMs ?? 10_000);
    }
    return reply;
  }

  /**
   * A legacy text reply: the answer token, or the error it stands for. `alsoAccept` lets a
   * caller take a token that is an answer only in its context (BAD_STATUS to a setStatus).
   */
  async function token(
    action: string,
    params?: Record<string, string>,
    alsoAccept: readonly string[] = [],
    priority?: Priority,
  ): Promise<Token> {
    const reply = await call(action, params, priority);
    const t = parseToken(reply.body);
    if (reply.status < 400 && t && (isAnswer(t) || alsoAccept.includes(t.token))) return t;
    throw replyError(reply, host.name);
  }

  /** A JSON reply, or the error token the host sent instead. `empty` names a token meaning "none". */
  async function json(
    action: string,
    params?: Record<string, string>,
    empty?: string,
    priority?: Priority,
  ) {
    const reply = await call(action, params, priority);
    const t = parseToken(reply.body);
    if (empty && t?.token === empty) return null;
    if (reply.status < 400 && reply.json !== undefined && typeof reply.json === 'object') {
      return reply.json;
    }
    throw replyError(reply, host.name);
  }

  const unexpected = (t: Token) =>
    new ProviderError('malformed_reply', `${host.name} answered "${t.token}" unexpectedly.`);

  async function status(id: string, options?: CheckOptions): Promise<ProviderStatus> {
    const priority = options?.urgent ? 'urgent' : undefined;
    const t = await withRetry(() => token('getStatus', { id }, [], priority));
    const result = statusFromToken(t);
    if (!result) throw unexpected(t);
    return result;
  }

  async function activeActivations(priority?: Priority): Promise<s.ActiveActivation[]> {
    const body = await json('getActiveActivations', {}, 'NO_ACTIVATIONS', priority);
    if (body === null) return [];
    return parseReply(s.activeActivationsReply, body, 'open orders').activeActivations;
  }

  async function buy(req: OrderRequest): Promise<ProviderOrder> {
    const params: Record<string, string> = { service: req.service, country: req.country };
    if (req.maxPrice) params[host.maxPriceParam] = decimalOf(req.maxPrice.cents);
    const reply = await call('getNumberV2', params);
    const t = parseToken(reply.body);
    if (t?.token === 'BAD_ACTION') return buyLegacy(req, params);
    if (reply.status >= 400 || reply.json === undefined) throw replyError(reply, host.name);
    const v2 = parseReply(s.numberV2Reply, reply.json, 'order');
    const window = windowMs(v2.activationTime, v2.activationEndTime);
    return placed(
      req,
      v2.activationId,
      v2.phoneNumber,
      amount(v2.activationCost, currency, host.name),
      window,
    );
  }

  /** Hosts without getNumberV2 answer `ACCESS_NUMBER:<id>:<digits>` and no price. */
  async function buyLegacy(req: OrderRequest, params: Record<string, string>) {
    const t = await token('getNumber', params);
    const [id, phone] = (t.data ?? '').split(':');
    if (t.token !== 'ACCESS_NUMBER' || !id || !phone || !/^\d{6,15}$/.test(phone))
      throw unexpected(t);
    return placed(req, id, phone, await listedPrice(req), null);
  }

  async function listedPrice(req: OrderRequest) {
    try {
      const prices = await pricesFor(req.service, req.country);
      const cell = prices[req.country]?.[req.service];
      if (cell) return amount(cell.cost, currency, host.name);
    } catch {
      // The number is bought either way; the cap is the honest upper bound.
    }
    return req.maxPrice ?? money(0, currency);
  }

  function placed(
    req: OrderRequest,
    id: string,
    digits: string,
    price: ProviderOrder['price'],
    window: number | null,
  ): ProviderOrder {
    return {
      id,
      phone: `+${digits.replace(/\D/g, '')}`,
      price,
      tier: req.tier,
      expiresAt: now() + (window ?? capabilities.windowSeconds * 1000),
      cancelAllowedAt: now() + capabilities.earlyCancelSeconds * 1000,
    };
  }

  async function pricesFor(service: string, country?: string) {
    const params: Record<string, string> = { service };
    if (country !== undefined) params.country = country;
    const body = await withRetry(() => json('getPrices', params));
    return parseReply(s.pricesReply, body, 'prices');
  }

  async function countryNames(): Promise<Map<string, string>> {
    const body = await withRetry(() => json('getCountries'));
    const list = parseReply(s.countriesReply, body, 'countries');
    return new Map(Object.entries(list).map(([id, c]) => [c.id ?? id, c.eng ?? id]));
  }

  /** setStatus, then (when the host refuses or answers oddly) what the order really is. */
  async function settle(
    id: string,
    code: '6' | '8',
  ): Promise<{ t: Token; now: ProviderStatus | null }> {
    const t = await token('setStatus', { id, status: code }, ['BAD_STATUS']);
    const done = code === '8' ? 'ACCESS_CANCEL' : 'ACCESS_ACTIVATION';
    if (t.token === done) return { t, now: null };
    // BAD_STATUS (a code exists, or the order is closed) or DaisySMS's ACCESS_READY for a
    // refused cancel: the order's status says which.
    return { t, now: await status(id) };
  }

  return {
    id: 'smsactivate',
    name: host.name,
    capabilities,
    budget: opts.budget,

    async balance() {
      const t = await withRetry(() => token('getBalance'));
      if (t.token !== 'ACCESS_BALANCE' || t.data === null) throw unexpected(t);
      return amount(t.data, currency, host.name);
    },

    async services() {
      const body = await withRetry(() => json('getServicesList'));
      return parseReply(s.servicesListReply, body, 'services').services;
    },

    async offers(service) {
      const prices = await pricesFor(service);
      const unknown = Object.keys(prices).some((id) => !countryById(id));
      const names = unknown ? await countryNames().catch(() => new Map<string, string>()) : null;
      const offers: Offer[] = [];
      for (const [country, row] of Object.entries(prices)) {
        const cell = row[service];
        if (!cell) continue;
        const known = countryById(country);
        const price = amount(cell.cost, currency, host.name);
        const base: Omit<Offer, 'tier' | 'price' | 'priceIsCap'> = {
          providerId: 'smsactivate',
          providerName: host.name,
          country,
          countryName: known?.name ?? names?.get(country) ?? `Country ${country}`,
          countryIso: known?.iso ?? null,
          stock: cell.count,
        };
        offers.push({ ...base, tier: 'standard', price, priceIsCap: false });
        const cap = Math.ceil((price.cents * PRIORITY_CAP_PERCENT) / 100);
        offers.push({ ...base, tier: 'priority', price: money(cap, currency), priceIsCap: true });
      }
      return offers;
    },

    async order(req) {
      return orderOnce({
        memo,
        idempotencyKey: req.idempotencyKey,
        listOpen: async () =>
          (await activeActivations()).map((a) => ({
            id: a.activationId,
            matches:
              (a.serviceCode ?? req.service) === req.service &&
              (a.countryCode ?? req.country) === req.country,
          })),
        buy: () => buy(req),
        adopt: async (id) => {
          const found = (await activeActivations()).find((a) => a.activationId === id);
          if (!found?.phoneNumber)
            throw new ProviderError('not_found', errorMessage('not_found', host.name, null));
          return placed(req, id, found.phoneNumber, await listedPrice(req), null);
        },
      });
    },

    check: status,

    async checkMany(ids, options) {
      const open = await withRetry(() => activeActivations(options?.urgent ? 'urgent' : undefined));
      const wanted = new Set(ids);
      const result = new Map<string, ProviderStatus>();
      for (const a of open)
        if (wanted.has(a.activationId)) result.set(a.activationId, statusFromActivation(a));
      return result;
    },

    async cancel(id) {
      // Not retried blindly: a lost ACCESS_CANCEL is recovered by the engine's next cancel.
      const { t, now: after } = await settle(id, '8');
      if (!after) return { kind: 'refunded' };
      if (after.kind === 'code' || after.kind === 'refunded') return after;
      if (after.kind === 'completed') return after;
      throw new ProviderError(
        'too_early_to_cancel',
        `${host.name} refused to cancel this order yet (${t.token}).`,
      );
    },

    async complete(id) {
      const { t, now: after } = await settle(id, '6');
      if (after && after.kind === 'waiting') throw unexpected(t);
    },

    async requestAnotherSms(id) {
      const t = await token('setStatus', { id, status: '3' });
      if (t.token !== 'ACCESS_RETRY_GET') {
        throw new ProviderError(
          'unavailable',
          `${host.name} cannot send another SMS for this order now.`,
        );
      }
    },
  };
}

/** Replies that answer a request (as opposed to error tokens). */
function isAnswer(t: Token): boolean {
  return t.token.startsWith('ACCESS_') || t.token.startsWith('STATUS_');
}
