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
 * Orders on this face are always the Standard tier. How a real host deviates (error envelopes,
 * missing actions, renamed tokens) is its dialect (../dialects/), chosen when the sandbox
 * starts; single odd replies (quirks.ts) can be switched on per test.
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
import type { Dialect } from '../dialects/index.ts';
import type { Face, FaceContext } from './face.ts';

type Quirks = ReadonlySet<Quirk>;

const token = (body: string): Reply => textReply(200, body);

interface Call {
  p: URLSearchParams;
  key: string;
  ledger: Ledger;
  quirks: Quirks;
  d: Dialect;
}

function params(url: URL, method: string, body: string): URLSearchParams {
  const merged = new URLSearchParams(url.search);
  if (method === 'POST' && body.trim() !== '') {
    for (const [k, v] of new URLSearchParams(body)) merged.set(k, v);
  }
  return merged;
}

function numberFailure(f: OrderFailure, d: Dialect): Reply {
  switch (f.reason) {
    case 'no_account':
      return d.error('BAD_KEY');
    case 'unknown_service':
      return d.error('BAD_SERVICE');
    case 'unknown_country':
    case 'unknown_pair':
    case 'out_of_stock':
      return d.error('NO_NUMBERS');
    case 'price_above_max':
      return d.error('WRONG_MAX_PRICE', dollars(f.priceCents));
    case 'insufficient_balance':
      return d.error('NO_BALANCE');
  }
}

function maxPrice(p: URLSearchParams, d: Dialect): number | undefined {
  for (const name of d.maxPriceParams) {
    const raw = p.get(name)?.trim();
    // An unreadable cap counts as 0, so the reply names the price (WRONG_MAX_PRICE:<price>).
    if (raw) return parseDollarsToCents(raw) ?? 0;
  }
  return undefined;
}

function getNumber({ p, key, ledger, d }: Call, v2: boolean): Reply {
  const service = p.get('service')?.trim();
  if (!service) return d.error('BAD_SERVICE');
  if (d.maxOpen !== null && ledger.openOrdersOf(key).length >= d.maxOpen)
    return d.error('TOO_MANY_ACTIVE_RENTALS');
  const country = p.get('country')?.trim() || '0';
  const maxPriceCents = maxPrice(p, d);
  const result = ledger.order(key, { service, country, band: 'standard', maxPriceCents });
  if (!result.ok) return numberFailure(result, d);
  const o = result.order;
  if (!v2) {
    return textReply(200, `ACCESS_NUMBER:${o.id}:${o.number.slice(1)}`, {
      // DaisySMS sends the effective price of a rental in this header.
      'x-price': dollars(o.priceCents),
    });
  }
  const as = (type: 'string' | 'number', v: string) => (type === 'number' ? Number(v) : v);
  return jsonReply(200, {
    activationId: as(d.v2Types.id, o.id),
    phoneNumber: o.number.slice(1),
    activationCost: as(d.v2Types.cost, dollars(o.priceCents)),
    countryCode: as(d.v2Types.country, o.country),
    canGetAnotherSms: true,
    activationTime: sqlTime(o.createdAt),
    activationOperator: 'any',
    ...(d.endTime ? { activationEndTime: sqlTime(o.expiresAt) } : {}),
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
    case 'cancelled':
    case 'refunded':
      // The protocol has no word for a refund that has not landed: both read as cancelled.
      return 'STATUS_CANCEL';
  }
}

function getStatus({ p, key, ledger, quirks, d }: Call): Reply {
  const order = ledger.getOrder(key, p.get('id')?.trim() ?? '');
  if (!order) return d.error('NO_ACTIVATION');
  if (order.state === 'waiting' && quirks.has('status_ok_no_code'))
    return token('STATUS_OK:NO_CODE');
  return token(statusToken(order));
}

/** HeroSMS's getStatusV2: the latest SMS with its full text (null before one). */
function getStatusV2({ p, key, ledger, d }: Call): Reply {
  const order = ledger.getOrder(key, p.get('id')?.trim() ?? '');
  if (!order) return d.error('NO_ACTIVATION');
  const last = order.sms[order.sms.length - 1];
  return jsonReply(200, {
    verificationType: 0,
    sms: last ? { dateTime: sqlTime(last.at), code: order.code, text: last.text } : null,
    call: null,
  });
}

function cancel({ key, ledger, quirks, d }: Call, id: string): Reply {
  const r = ledger.cancel(key, id);
  if (r.kind === 'refunded') return token('ACCESS_CANCEL');
  if (r.kind === 'not_found') return d.error('NO_ACTIVATION');
  if (d.refusedCancel === 'ACCESS_READY' || quirks.has('cancel_answers_ready'))
    return token('ACCESS_READY');
  if (r.kind === 'too_early') return d.error('EARLY_CANCEL_DENIED');
  return d.error('BAD_STATUS');
}

function setStatus(call: Call): Reply {
  const { p, key, ledger, d } = call;
  const id = p.get('id')?.trim() ?? '';
  const order = ledger.getOrder(key, id);
  if (!order) return d.error('NO_ACTIVATION');
  switch (p.get('status')?.trim()) {
    case '1':
      return order.state === 'completed' ||
        order.state === 'refunded' ||
        order.state === 'cancelled'
        ? d.error('BAD_STATUS')
        : token('ACCESS_READY');
    case '3': {
      const r = ledger.requestAnotherSms(key, id);
      return r.kind === 'ok' ? token('ACCESS_RETRY_GET') : d.error('BAD_STATUS');
    }
    case '6': {
      const r = ledger.complete(key, id);
      return r.kind === 'ok' ? token('ACCESS_ACTIVATION') : d.error('BAD_STATUS');
    }
    case '8':
      return cancel(call, id);
    default:
      return d.error('BAD_STATUS');
  }
}

const ACTIVATION_STATUS: Record<string, string> = {
  waiting: '4',
  waiting_resend: '3',
  delivered: '2',
};

function getActiveActivations({ key, ledger, d }: Call): Reply {
  if (d.listing === 'none') return d.error('BAD_ACTION');
  const open = ledger.openOrdersOf(key).map((o) => {
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
  });
  // HeroSMS lists under `data`, with an empty classic object beside it.
  if (d.listing === 'data')
    return jsonReply(200, { status: 'success', data: open, activeActivations: {} });
  if (open.length === 0) return token('NO_ACTIVATIONS');
  return jsonReply(200, { status: 'success', activeActivations: open });
}

function getPrices({ p, ledger }: Call): Reply {
  const service = p.get('service')?.trim() || undefined;
  const country = p.get('country')?.trim() || undefined;
  const out: Record<string, Record<string, { cost: number; count: number }>> = {};
  for (const o of ledger.catalog.offers({ service, country })) {
    (out[o.country] ??= {})[o.service] = { cost: o.standardCents / 100, count: o.standardStock };
  }
  return jsonReply(200, out);
}

function getCountries({ ledger, d }: Call): Reply {
  const list = ledger.catalog.countries.map((c) => ({
    id: Number(c.id),
    rus: c.rus,
    eng: c.eng,
    chn: c.chn,
    visible: 1,
    retry: 1,
    rent: 1,
    multiService: 1,
  }));
  if (d.countries === 'array') return jsonReply(200, list);
  return jsonReply(200, Object.fromEntries(list.map((c) => [String(c.id), c])));
}

function getServicesList({ ledger }: Call): Reply {
  return jsonReply(200, {
    status: 'success',
    services: ledger.catalog.services.map((s) => ({ code: s.code, name: s.name })),
  });
}

type Action = (call: Call) => Reply;

const ACTIONS: Record<string, Action> = {
  getBalance: ({ key, ledger }) =>
    token(`ACCESS_BALANCE:${dollars(ledger.account(key)?.balanceCents ?? 0)}`),
  getNumber: (call) => getNumber(call, false),
  getNumberV2: (call) => (call.d.numberV2 ? getNumber(call, true) : call.d.error('BAD_ACTION')),
  getStatus,
  getStatusV2: (call) => (call.d.statusV2 ? getStatusV2(call) : call.d.error('BAD_ACTION')),
  setStatus,
  getActiveActivations,
  getPrices,
  getCountries,
  getServicesList,
};

/** The SMS-Activate face speaking one host's dialect. */
export function createSmsActivateFace(d: Dialect): Face {
  return {
    async handle(req, ctx: FaceContext) {
      if (req.method !== 'GET' && req.method !== 'POST') return d.error('BAD_ACTION');
      const p = params(req.url, req.method, req.body);
      const key = p.get('api_key')?.trim() ?? req.headers['x-apikey']?.toString().trim();
      if (!key || !ctx.ledger.hasAccount(key)) return d.error('BAD_KEY');
      const admitted = ctx.admit(key);
      if (!admitted.ok) return this.rateLimited(admitted.retryAfterSeconds);
      const name = p.get('action') ?? '';
      const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
      if (!action) return d.error('BAD_ACTION');
      await ctx.pause();
      return action({ p, key, ledger: ctx.ledger, quirks: ctx.quirks, d });
    },
    rateLimited(retryAfterSeconds) {
      const reply = d.error('TOO_MANY_REQUESTS');
      return {
        ...reply,
        status: 429,
        headers: { ...reply.headers, 'retry-after': String(retryAfterSeconds) },
      };
    },
    internalError() {
      return textReply(500, 'ERROR_SQL');
    },
    badRequest() {
      return textReply(400, 'BAD_ACTION');
    },
  };
}
