import { money } from '../../money.ts';
import { smsActivateCapabilities } from '../catalog.ts';
import { countryById } from '../data/countries.ts';
import { parseReply, withRetry } from '../http.ts';
import { createOrderMemo, orderOnce, type OrderMemo } from '../order-once.ts';
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
import { createWire } from './wire.ts';

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

export function createSmsActivateProvider(opts: SmsActivateOptions): Provider {
  const { host } = opts;
  const now = opts.now ?? Date.now;
  const memo = opts.memo ?? createOrderMemo();
  const capabilities = smsActivateCapabilities(host);
  const currency = host.currency;
  const wire = createWire(opts);

  /** Whether the host has an optional action: what it answered before, else what it declares. */
  const has = (feature: Optional): boolean | null => {
    const learned = memo.learned.get(feature);
    if (learned !== undefined) return learned;
    const declared = host.features[feature];
    return declared === 'detect' ? null : declared === 'yes';
  };
  const learn = (feature: Optional, value: boolean) => memo.learned.set(feature, value);
  const unsupported = (t: Token | null) => t?.token === 'BAD_ACTION';

  const unexpected = (t: Token) =>
    new ProviderError('malformed_reply', `${host.name} answered "${t.token}" unexpectedly.`);

  async function status(id: string, options?: CheckOptions): Promise<ProviderStatus> {
    const priority = options?.urgent ? 'urgent' : undefined;
    const t = await withRetry(() => wire.token('getStatus', { id }, [], priority));
    const result = statusFromToken(t);
    if (!result) throw unexpected(t);
    if (result.kind !== 'code' || !host.features.statusV2) return result;
    // The code is what matters; the full text is a bonus that must not cost the code.
    const text = await fullText(id, priority).catch(() => null);
    return text ? { ...result, text } : result;
  }

  async function fullText(id: string, priority?: Priority): Promise<string | null> {
    const body = await wire.json('getStatusV2', { id }, undefined, priority);
    return parseReply(s.statusV2Reply, body, 'status').sms?.text ?? null;
  }

  /** Every open order, or null when the host has no listing (learned once, then not asked). */
  async function listing(priority?: Priority): Promise<s.ActiveActivation[] | null> {
    if (has('listing') === false) return null;
    const reply = await wire.call('getActiveActivations', {}, priority);
    const t = replyToken(reply);
    if (unsupported(t)) {
      learn('listing', false);
      return null;
    }
    const list =
      t?.token === 'NO_ACTIVATIONS'
        ? []
        : parseReply(s.activeActivationsReply, wire.jsonOf(reply), 'open orders');
    learn('listing', true);
    return list;
  }

  async function buy(req: OrderRequest): Promise<ProviderOrder> {
    const params: Record<string, string> = { service: req.service, country: req.country };
    if (req.maxPrice) params[host.maxPriceParam] = decimalOf(req.maxPrice.cents);
    if (has('numberV2') === false) return buyLegacy(req, params);
    const reply = await wire.call('getNumberV2', params, 'urgent');
    if (unsupported(replyToken(reply))) {
      // BAD_ACTION: nothing was bought; the legacy action says the same with less.
      learn('numberV2', false);
      return buyLegacy(req, params);
    }
    const v2 = parseReply(s.numberV2Reply, wire.jsonOf(reply), 'order');
    learn('numberV2', true);
    const window = windowMs(v2.activationTime, v2.activationEndTime);
    const price = amount(v2.activationCost, currency, host.name);
    return placed(req, v2.activationId, v2.phoneNumber, price, window);
  }

  /** `ACCESS_NUMBER:<id>:<digits>` and no price (DaisySMS gives it in an X-Price header). */
  async function buyLegacy(req: OrderRequest, params: Record<string, string>) {
    const reply = await wire.call('getNumber', params, 'urgent');
    const t = replyToken(reply);
    if (reply.status >= 400 || t?.token !== 'ACCESS_NUMBER') throw wire.fail(reply);
    const [id, phone] = (t.data ?? '').split(':');
    if (!id || !phone || !/^\d{6,15}$/.test(phone)) throw unexpected(t);
    const header = reply.header?.('x-price');
    const price = header ? amount(header, currency, host.name) : await listedPrice(req);
    return placed(req, id, phone, price, null);
  }

  async function listedPrice(req: OrderRequest) {
    try {
      const prices = await pricesFor(req.service, req.country, 'urgent');
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

  async function pricesFor(service: string, country?: string, priority?: Priority) {
    const params: Record<string, string> = { service };
    if (country !== undefined) params.country = country;
    const body = await withRetry(() => wire.json('getPrices', params, undefined, priority));
    return parseReply(s.pricesReply, body, 'prices');
  }

  async function countryNames(): Promise<Map<string, string>> {
    const body = await withRetry(() => wire.json('getCountries'));
    const list = parseReply(s.countriesReply, body, 'countries');
    return new Map(list.map(([id, c]) => [c.id ?? id, c.eng ?? id]));
  }

  async function balance(priority?: Priority) {
    const t = await withRetry(() => wire.token('getBalance', {}, [], priority));
    if (t.token !== 'ACCESS_BALANCE' || t.data === null) throw unexpected(t);
    return amount(t.data, currency, host.name);
  }

  /** setStatus, then (when the host refuses or answers oddly) what the order really is. */
  async function settle(
    id: string,
    code: '6' | '8',
  ): Promise<{ t: Token; now: ProviderStatus | null }> {
    // A cancel returns money (and someone may be waiting on it): it goes before routine traffic.
    const urgent = code === '8';
    const priority = urgent ? 'urgent' : undefined;
    const t = await wire.token('setStatus', { id, status: code }, ['BAD_STATUS'], priority);
    const done = code === '8' ? 'ACCESS_CANCEL' : 'ACCESS_ACTIVATION';
    if (t.token === done) return { t, now: null };
    // BAD_STATUS (a code exists, or the order is closed) or DaisySMS's ACCESS_READY for a
    // refused cancel: the order's status says which.
    return { t, now: await status(id, { urgent }) };
  }

  function offersOf(service: string, prices: s.Prices, names: Map<string, string> | null) {
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
  }

  return {
    id: 'smsactivate',
    name: host.name,
    capabilities,
    budget: opts.budget,
    balance: () => balance(),

    async services() {
      const body = await withRetry(() => wire.json('getServicesList'));
      return parseReply(s.servicesListReply, body, 'services').services;
    },

    async offers(service, options) {
      const prices = await pricesFor(service, undefined, options?.urgent ? 'urgent' : undefined);
      const unknown = Object.keys(prices).some((id) => !countryById(id));
      const names = unknown ? await countryNames().catch(() => new Map<string, string>()) : null;
      return offersOf(service, prices, names);
    },

    async order(req) {
      // The rows of the last listing, so adopting one needs no second request.
      const seen = new Map<string, s.ActiveActivation>();
      return orderOnce({
        memo,
        idempotencyKey: req.idempotencyKey,
        held: req.held,
        name: host.name,
        sleep: opts.sleep,
        listOpen: async () =>
          (await listing('urgent'))?.map((a) => {
            seen.set(a.activationId, a);
            return {
              id: a.activationId,
              matches:
                (a.serviceCode ?? req.service) === req.service &&
                (a.countryCode ?? req.country) === req.country,
            };
          }) ?? null,
        balance: async () => (await balance('urgent')).cents,
        buy: () => buy(req),
        adopt: async (id) => {
          const found =
            seen.get(id) ?? (await listing('urgent'))?.find((a) => a.activationId === id);
          if (!found?.phoneNumber)
            throw new ProviderError('not_found', errorMessage('not_found', host.name, null));
          return placed(req, id, found.phoneNumber, await listedPrice(req), null);
        },
      });
    },

    check: status,

    async checkMany(ids, options) {
      const priority = options?.urgent ? 'urgent' : undefined;
      const open = await withRetry(() => listing(priority));
      const result = new Map<string, ProviderStatus>();
      if (open === null) {
        // No listing after all: one check per order, those that fail stay unknown.
        for (const id of ids) {
          const one = await status(id, options).catch(() => null);
          if (one) result.set(id, one);
        }
        return result;
      }
      const wanted = new Set(ids);
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
      const t = await wire.token('setStatus', { id, status: '3' });
      if (t.token !== 'ACCESS_RETRY_GET') {
        throw new ProviderError(
          'unavailable',
          `${host.name} cannot send another SMS for this order now.`,
        );
      }
    },
  };
}
