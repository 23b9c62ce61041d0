import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../../../sandbox/dialects/index.ts';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { money } from '../../money.ts';
import { createOrderMemo } from '../order-once.ts';
import { createRateBudget } from '../rate-budget.ts';
import { providerError } from '../../../tests/support/providers/contract.ts';
import { contractControl } from '../../../tests/support/providers/control.ts';
import { createSmsActivateProvider } from './client.ts';
import { normalizeSmsActivateUrl, smsActivateHost } from './hosts.ts';
import { kindOf, parseToken, realCode, replyError, statusFromToken } from './map.ts';
import { activeActivationsReply, countriesReply } from './schemas.ts';

// Host dialects of the SMS-Activate protocol, served for real by the sandbox's quirks.
const clock = { t: 1_800_000_000_000 };
const now = () => clock.t;
let sb: Sandbox;
let keys = 0;

async function provider() {
  const key = `sa_dialect_${++keys}`;
  await contractControl(sb.url).account(key, 10_000);
  const budget = createRateBudget({ perMinute: 100_000, now });
  return createSmsActivateProvider({
    apiKey: key,
    host: smsActivateHost('daisysms', sb.url),
    budget,
    now,
  });
}

const quirks = (list: string[]) =>
  fetch(`${sb.url}/control/quirks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quirks: list }),
  });
const order = { service: 'ds', country: '6', tier: 'standard', maxPrice: null } as const;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, now, seed: 5 });
});
afterAll(() => sb.close());

describe('SMS-Activate protocol dialects', () => {
  it('a preset keeps its name with an overridden address, and names errors after it', async () => {
    const p = await provider();
    expect(p.name).toBe('DaisySMS');
    expect(p.capabilities.rateLimitPerMinute).toBe(20);
  });

  it('ACCESS_READY answering a refused cancel: too early while waiting, the code once one came', async () => {
    await quirks(['cancel_answers_ready']);
    try {
      const p = await provider();
      const placed = await p.order({ ...order, idempotencyKey: 'ready-1' });
      expect((await providerError(p.cancel(placed.id))).kind).toBe('too_early_to_cancel');
      await contractControl(sb.url).sms(placed.phone, 'Your code is 424242');
      expect(await p.cancel(placed.id)).toMatchObject({ kind: 'code', code: '424242' });
    } finally {
      await quirks([]);
    }
  });

  it('STATUS_OK with a "no code" word is still waiting, not a code', async () => {
    await quirks(['status_ok_no_code']);
    try {
      const p = await provider();
      const placed = await p.order({ ...order, idempotencyKey: 'nocode-1' });
      expect(await p.check(placed.id)).toEqual({ kind: 'waiting' });
    } finally {
      await quirks([]);
    }
  });
});

describe('SMS-Activate protocol replies', () => {
  it('splits a reply at the first colon only', () => {
    expect(parseToken('STATUS_OK:12:34')).toEqual({ token: 'STATUS_OK', data: '12:34' });
    expect(parseToken('ACCESS_NUMBER:123:6281234')).toEqual({
      token: 'ACCESS_NUMBER',
      data: '123:6281234',
    });
    expect(parseToken('BAD_KEY')).toEqual({ token: 'BAD_KEY', data: null });
    expect(parseToken('<html>')).toBeNull();
  });

  it.each(['', ' ', 'null', 'NO_CODE', 'no code', 'none', '—', 'нет кода'])(
    'STATUS_OK:%j is no code',
    (word) => {
      expect(realCode(word)).toBeNull();
      expect(statusFromToken({ token: 'STATUS_OK', data: word })).toEqual({ kind: 'waiting' });
    },
  );

  it('STATUS_WAIT_RETRY keeps the last code; STATUS_CANCEL is a refund', () => {
    expect(statusFromToken({ token: 'STATUS_WAIT_RETRY', data: '5555' })).toMatchObject({
      code: '5555',
    });
    expect(statusFromToken({ token: 'STATUS_CANCEL', data: null })).toEqual({ kind: 'refunded' });
  });

  it.each([
    [200, '<!DOCTYPE html><html><body>Cloudflare</body></html>', 'malformed_reply'],
    [502, '<html><head><title>502 Bad Gateway</title></head></html>', 'provider_down'],
    [200, 'NO_MEANS', 'no_balance'],
    [200, 'NO_MONEY', 'no_balance'],
    [200, 'BANNED:2026-01-01 10:00:00', 'banned'],
    [200, 'WRONG_MAX_PRICE:0.25', 'price_above_cap'],
    [200, 'SQL_ERROR', 'provider_down'],
    [200, 'TOO_MANY_ACTIVE_RENTALS', 'unavailable'],
    [429, 'TOO_MANY_REQUESTS', 'rate_limited'],
    [401, 'BAD_KEY', 'bad_key'],
    [200, 'SOMETHING_NEW', 'malformed_reply'],
  ] as const)('HTTP %i %j fails as %s', (status, body, kind) => {
    const e = replyError({ status, body, json: undefined, retryAfterMs: null }, 'HeroSMS');
    expect(e.kind).toBe(kind);
    expect(e.message).not.toMatch(/undefined/);
  });

  it('accepts a pasted full handler URL as the host address', () => {
    expect(normalizeSmsActivateUrl('https://hero-sms.com/stubs/handler_api.php?api_key=x')).toBe(
      'https://hero-sms.com',
    );
    expect(normalizeSmsActivateUrl(' https://host.example/ ')).toBe('https://host.example');
  });
});

describe('SMS-Activate error maps per dialect', () => {
  const reply = (status: number, body: string) => ({
    status,
    body,
    json: (() => {
      try {
        return JSON.parse(body) as unknown;
      } catch {
        return undefined;
      }
    })(),
    retryAfterMs: null,
  });

  it.each([
    [402, { title: 'NO_BALANCE', details: 'Insufficient balance' }, 'no_balance'],
    [404, { title: 'NO_ACTIVATION', details: 'Activation not found' }, 'not_found'],
    [404, { title: 'NOT_FOUND', details: 'Resource not found' }, 'not_found'],
    [409, { title: 'EARLY_CANCEL_DENIED', details: 'first 2 minutes' }, 'too_early_to_cancel'],
    [409, { title: 'WRONG_MAX_PRICE', details: 'too low', info: { min: 0.25 } }, 'price_above_cap'],
    [422, { title: 'BAD_SERVICE', details: 'x' }, 'unavailable'],
    [401, { title: 'BAD_KEY', details: 'x' }, 'bad_key'],
    [429, { title: 'TOO_MANY_REQUESTS', details: 'x' }, 'rate_limited'],
    [409, { title: 'OTP_RECEIVED', details: 'x' }, 'code_already_received'],
  ] as const)('HeroSMS HTTP %i %j is %s, never a malformed reply', (status, envelope, kind) => {
    const e = replyError(reply(status, JSON.stringify(envelope)), 'HeroSMS', 'herosms');
    expect(e.kind).toBe(kind);
  });

  it('the price floor from a JSON envelope reaches the words', () => {
    const body = JSON.stringify({ title: 'WRONG_MAX_PRICE', details: 'x', info: { min: 0.25 } });
    expect(replyError(reply(409, body), 'HeroSMS', 'herosms').message).toContain('0.25');
  });

  it.each([
    ['daisysms', 'MAX_PRICE_EXCEEDED', 'price_above_cap'],
    ['daisysms', 'NO_MONEY', 'no_balance'],
    ['daisysms', 'TOO_MANY_ACTIVE_RENTALS', 'unavailable'],
    ['grizzly', 'the number has not been issued', 'no_numbers'],
    ['grizzly', 'SERVICE_UNAVAILABLE_REGION', 'unavailable'],
    ['smsbower', 'BAD_ACTION', 'unavailable'],
  ] as const)('%s: %j is %s', (dialect, body, kind) => {
    expect(replyError(reply(200, body), 'Host', dialect).kind).toBe(kind);
  });

  it('a token of another dialect is not guessed: DaisySMS words mean nothing to HeroSMS', () => {
    expect(kindOf('MAX_PRICE_EXCEEDED', 'herosms')).toBeNull();
    expect(kindOf('MAX_PRICE_EXCEEDED', 'any')).toBe('price_above_cap');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'CONSTRUCTOR'])(
    'a title %j never becomes a kind from Object.prototype',
    (title) => {
      for (const dialect of ['classic', 'herosms', 'daisysms', 'any'] as const)
        expect(kindOf(title, dialect)).toBeNull();
      const body = JSON.stringify({ title, details: 'x' });
      const e = replyError(reply(409, body), 'HeroSMS', 'herosms');
      expect(e.kind).toBe('malformed_reply');
      expect(replyError(reply(200, title), 'HeroSMS', 'any').kind).toBe('malformed_reply');
    },
  );
});

describe('SMS-Activate reply shapes', () => {
  const row = { activationId: 7, phoneNumber: '6281', smsCode: null, smsText: null };

  it.each([
    ['classic', { status: 'success', activeActivations: [row] }],
    ['HeroSMS data', { status: 'success', data: [row] }],
    [
      'HeroSMS data beside an empty object',
      { status: 'success', data: [row], activeActivations: {} },
    ],
    ['keyed object', { status: 'success', activeActivations: { 0: row } }],
  ])('open orders, %s: one list', (_, body) => {
    expect(activeActivationsReply.parse(body).map((a) => a.activationId)).toEqual(['7']);
  });

  it('a listing with neither list is not an empty list', () => {
    expect(activeActivationsReply.safeParse({ status: 'success' }).success).toBe(false);
  });

  it('countries keyed by id or as a list (SMSBower)', () => {
    const one = { id: 1003, eng: 'Bermuda' };
    expect(countriesReply.parse({ 1003: one })).toEqual([['1003', { id: '1003', eng: 'Bermuda' }]]);
    expect(countriesReply.parse([one])).toEqual([['1003', { id: '1003', eng: 'Bermuda' }]]);
  });
});

describe('SMS-Activate host capabilities against the dialects', () => {
  async function onDialect(
    dialect: DialectName,
    preset: string,
    fetchImpl?: (actions: string[]) => typeof fetch,
  ) {
    const dsb = await startSandbox({ port: 0, now, seed: 9, dialect });
    const key = `sa_caps_${++keys}`;
    await contractControl(dsb.url).account(key, 10_000);
    const actions: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      const req = new Request(input, init);
      actions.push(new URL(req.url).searchParams.get('action') ?? '');
      return (fetchImpl?.(actions) ?? fetch)(req);
    };
    const memo = createOrderMemo();
    const make = () =>
      createSmsActivateProvider({
        apiKey: key,
        host: smsActivateHost(preset, dsb.url),
        budget: createRateBudget({ perMinute: 100_000, now }),
        memo,
        now,
        fetch: counting,
        sleep: async () => undefined,
      });
    return { dsb, key, actions, make };
  }

  it('SMSBower: orders without ever asking for the listing it does not have', async () => {
    const { dsb, actions, make } = await onDialect('smsbower', 'smsbower');
    try {
      const placed = await make().order({ ...order, idempotencyKey: 'bower-1' });
      expect(placed.phone).toMatch(/^\+62/);
      expect(actions).not.toContain('getActiveActivations');
    } finally {
      await dsb.close();
    }
  });

  it('a custom host learns once per key that it has no listing, and stops asking', async () => {
    const { dsb, actions, make } = await onDialect('smsbower', 'custom');
    try {
      await make().order({ ...order, idempotencyKey: 'learn-1' });
      await make().order({ ...order, idempotencyKey: 'learn-2' });
      expect(actions.filter((a) => a === 'getActiveActivations')).toHaveLength(1);
      expect(actions.filter((a) => a === 'getNumberV2')).toHaveLength(2);
    } finally {
      await dsb.close();
    }
  });

  it('DaisySMS: the legacy purchase, its X-Price and max_price in dollars', async () => {
    const { dsb, key, actions, make } = await onDialect('daisysms', 'daisysms');
    try {
      const placed = await make().order({
        ...order,
        maxPrice: money(500, 'USD'),
        idempotencyKey: 'daisy-1',
      });
      const view = await contractControl(dsb.url).ledger(key);
      expect(placed.price.cents).toBe(view.orders[0]?.price_cents);
      expect(actions).toEqual(['getBalance', 'getNumber']);
      const e = await providerError(
        make().order({ ...order, maxPrice: money(1, 'USD'), idempotencyKey: 'daisy-2' }),
      );
      expect(e.kind).toBe('price_above_cap');
    } finally {
      await dsb.close();
    }
  });

  it('HeroSMS: the full SMS text from getStatusV2 beside the code', async () => {
    const { dsb, make } = await onDialect('herosms', 'herosms');
    try {
      const p = make();
      const placed = await p.order({ ...order, idempotencyKey: 'hero-1' });
      await contractControl(dsb.url).sms(
        placed.phone,
        'Discord: your code is 654321. Do not share',
      );
      expect(await p.check(placed.id)).toEqual({
        kind: 'code',
        code: '654321',
        text: 'Discord: your code is 654321. Do not share',
      });
    } finally {
      await dsb.close();
    }
  });

  it('a lost purchase reply while the listing keeps failing is still found, not bought twice', async () => {
    // The soak's orphan: the listing failed three times in a row after a lost reply, the order
    // gave up, and the retry came after the window had refunded the first number.
    let listingFailures = 0;
    const { dsb, key, make } = await onDialect('classic', 'custom', (actions) => async (req) => {
      const action = actions[actions.length - 1];
      const isBuy = action === 'getNumberV2';
      if (isBuy && actions.filter((a) => a === 'getNumberV2').length === 1) {
        await fetch(req);
        throw new TypeError('fetch failed: socket hang up');
      }
      if (
        action === 'getActiveActivations' &&
        actions.includes('getNumberV2') &&
        listingFailures < 4
      ) {
        listingFailures++;
        return new Response('<html>502</html>', { status: 502 });
      }
      return fetch(req);
    });
    try {
      const placed = await make().order({ ...order, idempotencyKey: 'orphan-1' });
      const view = await contractControl(dsb.url).ledger(key);
      expect(view.orders.map((o) => o.order_id)).toEqual([placed.id]);
      expect(listingFailures).toBe(4);
    } finally {
      await dsb.close();
    }
  });
});
