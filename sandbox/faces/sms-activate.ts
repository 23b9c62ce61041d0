/**
 * SMS-Activate-compatible face (/stubs/handler_api.php), providers.md section 2. Parameters come
 * from the query string and, for POST, an x-www-form-urlencoded body (body wins). Protocol
 * tokens are sent with HTTP 200, as the real hosts do. Choices where the protocol is silent:
 * - rate limited: HTTP 429, body `TOO_MANY_REQUESTS`, Retry-After header;
 * - unexpected failure: HTTP 500, body `ERROR_SQL` (the protocol's server-error token);
 * - getNumber without country: country 0 (the real default); unknown country: NO_NUMBERS;
 *   an unreadable maxPrice counts as 0, so the reply is WRONG_MAX_PRICE:<price>;
 * - times ("YYYY-MM-DD HH:mm:ss") are UTC;
 * - getActiveActivations activationStatus: "4" waiting, "3" waiting for another SMS,
 *   "2" code received; smsCode/smsText are the latest SMS (null before one).
 * Orders on this face are always the Standard tier. Host dialects (quirks.ts) can be switched on.
 */
import {
  dollars,
  jsonReply,
  parseDollarsToCents,
  sqlTime,
  textReply,
  type Reply,
} from '../http.ts';
import type { Ledger, Order, OrderFailure } from '../ledger.ts';
import type { Quirk } from '../quirks.ts';

type Quirks = ReadonlySet<Quirk>;
import type { Face, FaceContext } from './face.ts';

const token = (body: string): Reply => textReply(200, body);

function params(url: URL, method: string, body: string): URLSearchParams {
  const merged = new URLSearchParams(url.search);
  if (method === 'POST' && body.trim() !== '') {
    for (const [k, v] of new URLSearchParams(body)) merged.set(k, v);
  }
  return merged;
}

function numberFailure(f: OrderFailure): Reply {
  switch (f.reason) {
    case 'no_account':
      return token('BAD_KEY');
    case 'unknown_service':
      return token('BAD_SERVICE');
    case 'unknown_country':
    case 'unknown_pair':
    case 'out_of_stock':
      return token('NO_NUMBERS');
    case 'price_above_max':
      return token(`WRONG_MAX_PRICE:${dollars(f.priceCents)}`);
    case 'insufficient_balance':
      return token('NO_BALANCE');
  }
}

function getNumber(p: URLSearchParams, key: string, ledger: Ledger, v2: boolean): Reply {
  const service = p.get('service')?.trim();
  if (!service) return token('BAD_SERVICE');
  const country = p.get('country')?.trim() || '0';
  const rawMax = p.get('maxPrice')?.trim();
  const maxPriceCents = rawMax ? (parseDollarsToCents(rawMax) ?? 0) : undefined;
  const result = ledger.order(key, { service, country, band: 'standard', maxPriceCents });
  if (!result.ok) return numberFailure(result);
  const o = result.order;
  if (!v2) return token(`ACCESS_NUMBER:${o.id}:${o.number.slice(1)}`);
  return jsonReply(200, {
    activationId: Number(o.id),
    phoneNumber: o.number.slice(1),
    activationCost: dollars(o.priceCents),
    countryCode: o.country,
    canGetAnotherSms: true,
    activationTime: sqlTime(o.createdAt),
    activationOperator: 'any',
    activationEndTime: sqlTime(o.expiresAt),
  });
}

function statusToken(o: Readonly<Order>): string {
  switch (o.state) {
    case 'waiting':
      return 'STATUS_WAIT_CODE';
    case 'waiting_resend':
      return `STATUS_WAIT_RETRY:${o.code ?? ''}`;
    case 'delivered':
    case 'completed':
      return `STATUS_OK:${o.code ?? ''}`;
    case 'refunded':
      return 'STATUS_CANCEL';
  }
}

function getStatus(p: URLSearchParams, key: string, ledger: Ledger, quirks: Quirks): Reply {
  const order = ledger.getOrder(key, p.get('id')?.trim() ?? '');
  if (order?.state === 'waiting' && quirks.has('status_ok_no_code'))
    return token('STATUS_OK:NO_CODE');
  return token(order ? statusToken(order) : 'NO_ACTIVATION');
}

function setStatus(p: URLSearchParams, key: string, ledger: Ledger, quirks: Quirks): Reply {
  const id = p.get('id')?.trim() ?? '';
  const order = ledger.getOrder(key, id);
  if (!order) return token('NO_ACTIVATION');
  switch (p.get('status')?.trim()) {
    case '1':
      return token(
        order.state === 'completed' || order.state === 'refunded' ? 'BAD_STATUS' : 'ACCESS_READY',
      );
    case '3': {
      const r = ledger.requestAnotherSms(key, id);
      return token(r.kind === 'ok' ? 'ACCESS_RETRY_GET' : 'BAD_STATUS');
    }
    case '6': {
      const r = ledger.complete(key, id);
      return token(r.kind === 'ok' ? 'ACCESS_ACTIVATION' : 'BAD_STATUS');
    }
    case '8': {
      const r = ledger.cancel(key, id);
      if (r.kind === 'refunded') return token('ACCESS_CANCEL');
      if (r.kind !== 'not_found' && quirks.has('cancel_answers_ready'))
        return token('ACCESS_READY');
      if (r.kind === 'too_early') return token('EARLY_CANCEL_DENIED');
      return token(r.kind === 'not_found' ? 'NO_ACTIVATION' : 'BAD_STATUS');
    }
    default:
      return token('BAD_STATUS');
  }
}

const ACTIVATION_STATUS: Record<string, string> = {
  waiting: '4',
  waiting_resend: '3',
  delivered: '2',
};

function getActiveActivations(key: string, ledger: Ledger): Reply {
  const open = ledger.openOrdersOf(key);
  if (open.length === 0) return token('NO_ACTIVATIONS');
  return jsonReply(200, {
    status: 'success',
    activeActivations: open.map((o) => {
      const last = o.sms[o.sms.length - 1];
      return {
        activationId: o.id,
        serviceCode: o.service,
        phoneNumber: o.number.slice(1),
        activationCost: dollars(o.priceCents),
        activationStatus: ACTIVATION_STATUS[o.state] ?? '4',
        smsCode: o.code,
        smsText: last?.text ?? null,
        activationTime: sqlTime(o.createdAt),
        countryCode: o.country,
        canGetAnotherSms: '1',
      };
    }),
  });
}

function getPrices(p: URLSearchParams, ledger: Ledger): Reply {
  const service = p.get('service')?.trim() || undefined;
  const country = p.get('country')?.trim() || undefined;
  const out: Record<string, Record<string, { cost: number; count: number }>> = {};
  for (const o of ledger.catalog.offers({ service, country })) {
    (out[o.country] ??= {})[o.service] = { cost: o.standardCents / 100, count: o.standardStock };
  }
  return jsonReply(200, out);
}

function getCountries(ledger: Ledger): Reply {
  const out: Record<string, Record<string, string | number>> = {};
  for (const c of ledger.catalog.countries) {
    out[c.id] = {
      id: Number(c.id),
      rus: c.rus,
      eng: c.eng,
      chn: c.chn,
      visible: 1,
      retry: 1,
      rent: 1,
      multiService: 1,
    };
  }
  return jsonReply(200, out);
}

function getServicesList(ledger: Ledger): Reply {
  return jsonReply(200, {
    status: 'success',
    services: ledger.catalog.services.map((s) => ({ code: s.code, name: s.name })),
  });
}

type Action = (p: URLSearchParams, key: string, ledger: Ledger, quirks: Quirks) => Reply;

const ACTIONS: Record<string, Action> = {
  getBalance: (_p, key, ledger) =>
    token(`ACCESS_BALANCE:${dollars(ledger.account(key)?.balanceCents ?? 0)}`),
  getNumber: (p, key, ledger) => getNumber(p, key, ledger, false),
  getNumberV2: (p, key, ledger) => getNumber(p, key, ledger, true),
  getStatus,
  setStatus,
  getActiveActivations: (_p, key, ledger) => getActiveActivations(key, ledger),
  getPrices: (p, _k, ledger) => getPrices(p, ledger),
  getCountries: (_p, _k, ledger) => getCountries(ledger),
  getServicesList: (_p, _k, ledger) => getServicesList(ledger),
};

export const smsActivateFace: Face = {
  async handle(req, ctx: FaceContext) {
    if (req.method !== 'GET' && req.method !== 'POST') return token('BAD_ACTION');
    const p = params(req.url, req.method, req.body);
    const key = p.get('api_key')?.trim();
    if (!key || !ctx.ledger.hasAccount(key)) return token('BAD_KEY');
    const admitted = ctx.admit(key);
    if (!admitted.ok) return this.rateLimited(admitted.retryAfterSeconds);
    const action = Object.hasOwn(ACTIONS, p.get('action') ?? '')
      ? ACTIONS[p.get('action') ?? '']
      : undefined;
    if (!action) return token('BAD_ACTION');
    await ctx.pause();
    return action(p, key, ctx.ledger, ctx.quirks);
  },
  rateLimited(retryAfterSeconds) {
    return textReply(429, 'TOO_MANY_REQUESTS', { 'retry-after': String(retryAfterSeconds) });
  },
  internalError() {
    return textReply(500, 'ERROR_SQL');
  },
  badRequest() {
    return textReply(400, 'BAD_ACTION');
  },
};
