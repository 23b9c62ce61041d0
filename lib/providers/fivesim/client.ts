import { money } from '../../money.ts';
import { FIVESIM_DEFAULT_BASE_URL, fivesimCapabilities, PROVIDERS } from '../catalog.ts';
import { countryByFivesimName, countryById } from '../data/countries.ts';
import { SERVICE_TABLE, serviceByCode } from '../data/services.ts';
import {
  createHttp,
  MAX_CATALOG_REPLY_BYTES,
  parseReply,
  withRetry,
  type RawReply,
} from '../http.ts';
import { createOrderMemo, orderOnce, type OrderMemo } from '../order-once.ts';
import type { Priority, RateBudget } from '../rate-budget.ts';
import {
  ProviderError,
  type CheckOptions,
  type Offer,
  type OrderRequest,
  type Provider,
  type ProviderOrder,
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

export function createFivesimProvider(opts: FivesimOptions): Provider {
  const now = opts.now ?? Date.now;
  const memo = opts.memo ?? createOrderMemo();
  const currency = opts.currency ?? PROVIDERS.fivesim.currency;
  const http = createHttp({
    baseUrl: (opts.baseUrl || FIVESIM_DEFAULT_BASE_URL).replace(/\/v1\/?$/, ''),
    headers: { authorization: `Bearer ${opts.apiKey}`, accept: 'application/json' },
    budget: opts.budget,
    fetch: opts.fetch,
  });

  async function get(
    path: string,
    searchParams?: Record<string, string>,
    priority?: Priority,
    maxBytes?: number,
  ): Promise<unknown> {
    const reply: RawReply = await http.send('get', path, { searchParams, priority, maxBytes });
    if (reply.status === 429) opts.budget.pause(reply.retryAfterMs ?? 10_000);
    if (reply.status < 400 && reply.json !== undefined && typeof reply.json === 'object') {
      return reply.json;
    }
    throw errorFromReply(reply);
  }

  const orderAt = async (path: string, priority?: Priority, params?: Record<string, string>) =>
    parseReply(s.orderReply, await get(path, params, priority), 'order');
  const check = async (id: string, options?: CheckOptions) =>
    statusFromOrder(
      await withRetry(() =>
        orderAt(`/v1/user/check/${encodeURIComponent(id)}`, options?.urgent ? 'urgent' : undefined),
      ),
    );

  function placed(order: s.OrderReply, tier: OrderRequest['tier']): ProviderOrder {
    return {
      id: order.id,
      phone: `+${order.phone.replace(/\D/g, '')}`,
      price: amount(order.price, currency),
      tier,
      expiresAt: now() + (windowMs(order) ?? fivesimCapabilities.windowSeconds * 1000),
      cancelAllowedAt: now() + fivesimCapabilities.earlyCancelSeconds * 1000,
    };
  }

  async function prices(params: Record<string, string>, priority?: Priority) {
    const body = await withRetry(() =>
      get('/v1/guest/prices', params, priority, MAX_CATALOG_REPLY_BYTES),
    );
    return parseReply(s.pricesReply, body, 'prices');
  }

  async function recentOrders() {
    const params = { category: 'activation', limit: '50', order: 'id', reverse: 'true' };
    const body = await get('/v1/user/orders', params, 'urgent');
    return parseReply(s.ordersReply, body, 'orders').Data ?? [];
  }

  return {
    id: 'fivesim',
    name: PROVIDERS.fivesim.name,
    capabilities: fivesimCapabilities,
    budget: opts.budget,

    async balance() {
      const profile = parseReply(
        s.profileReply,
        await withRetry(() => get('/v1/user/profile')),
        'profile',
      );
      return amount(profile.balance, currency);
    },

    async account() {
      const profile = parseReply(
        s.profileReply,
        await withRetry(() => get('/v1/user/profile')),
        'profile',
      );
      return {
        balance: amount(profile.balance, currency),
        rating: profile.rating ?? null,
        cancelCost: RATING_CANCEL_COST,
        timeoutCost: RATING_TIMEOUT_COST,
        blockedUntil: null,
      };
    },

    async services() {
      // 5sim's product list has no display names; the shipped table does.
      return SERVICE_TABLE.filter((r) => r.fivesim).map(({ code, name }) => ({ code, name }));
    },

    async offers(service, options) {
      const product = serviceByCode(service)?.fivesim;
      if (!product) return [];
      const offers: Offer[] = [];
      const all = await prices({ product }, options?.urgent ? 'urgent' : undefined);
      for (const [name, ops] of countriesOf(all, product)) {
        const country = countryByFivesimName(name);
        if (!country) continue;
        const base = {
          providerId: 'fivesim',
          providerName: PROVIDERS.fivesim.name,
          country: country.id,
          countryName: country.name,
          countryIso: country.iso,
          priceIsCap: false,
        } satisfies Partial<Offer>;
        for (const tier of ['standard', 'priority'] as const) {
          const choice = chooseOperator(ops, tier, null);
          if (choice) {
            offers.push({
              ...base,
              tier,
              price: money(choice.cents, currency),
              stock: choice.stock,
              providerRate: choice.rate,
            });
          }
        }
      }
      return offers;
    },

    async order(req) {
      const product = serviceByCode(req.service)?.fivesim;
      const country = countryById(req.country)?.fivesim;
      if (!product || !country) throw unsold();
      const ops = operatorsOf(await prices({ country, product }, 'urgent'), product, country);
      if (!ops || Object.keys(ops).length === 0) {
        throw new ProviderError(
          'no_numbers',
          '5sim has no numbers for this service and country right now.',
        );
      }
      const cap = req.maxPrice?.cents ?? null;
      const choice = chooseOperator(ops, req.tier, cap);
      if (!choice) {
        const uncapped = chooseOperator(ops, req.tier, null);
        if (uncapped && cap !== null && uncapped.cents > cap) {
          throw new ProviderError(
            'price_moved',
            '5sim wants more than the price you saw; check the offer again.',
            null,
            money(uncapped.cents, currency),
          );
        }
        throw new ProviderError(
          'no_numbers',
          '5sim has no numbers for this service and country right now.',
        );
      }
      // Standard under a cap buys from operator `any` with maxPrice: 5sim then holds the cap
      // itself, at the moment of purchase (maxPrice works with `any` only).
      const capped = req.tier === 'standard' && cap !== null;
      const operator = capped ? 'any' : choice.operator;
      const params = capped ? { maxPrice: decimal(cap) } : undefined;
      const path = ['/v1/user/buy/activation', country, operator, product]
        .map((p, i) => (i === 0 ? p : encodeURIComponent(p)))
        .join('/');
      return orderOnce({
        memo,
        idempotencyKey: req.idempotencyKey,
        held: req.held,
        listOpen: async () =>
          (await recentOrders())
            .filter((o) => isOpenStatus(o.status))
            .map((o) => ({ id: o.id, matches: o.product === product && o.country === country })),
        buy: async () => placed(await orderAt(path, 'urgent', params), req.tier),
        adopt: async (id) =>
          placed(
            await withRetry(() => orderAt(`/v1/user/check/${encodeURIComponent(id)}`, 'urgent')),
            req.tier,
          ),
      });
    },

    check,

    async cancel(id, options) {
      try {
        // Not retried blindly: the engine cancels again after an unclear failure.
        // Urgent: a cancel returns money, and the user may be waiting on it.
        // A number the site refused is banned: refunded the same, and not sold to us again.
        const action = options?.ban ? 'ban' : 'cancel';
        const order = await orderAt(`/v1/user/${action}/${encodeURIComponent(id)}`, 'urgent');
        return statusFromOrder(order);
      } catch (e) {
        // "order has sms": a code raced in, take it. "order expired": it ended (and refunded).
        if (
          e instanceof ProviderError &&
          (e.kind === 'code_already_received' || e.kind === 'not_found')
        ) {
          const after = await check(id, { urgent: true });
          if (after.kind !== 'waiting') return after;
        }
        throw e;
      }
    },

    async complete(id) {
      try {
        await orderAt(`/v1/user/finish/${encodeURIComponent(id)}`);
      } catch (e) {
        // Finishing an order 5sim already closed is done.
        if (e instanceof ProviderError && e.kind === 'not_found') return;
        throw e;
      }
    },

    async requestAnotherSms() {
      throw new ProviderError(
        'unavailable',
        '5sim sends every SMS to the order by itself; there is nothing to request.',
      );
    },
  };
}
