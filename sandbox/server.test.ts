import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidMobileFor } from './numbers.ts';
import { demoSiteFromHost } from './server.ts';
import { codaId, field, startTestSandbox, type TestSandbox } from './test-helpers.ts';

let s: TestSandbox;
const KEY = 'coda_live_test';

beforeAll(async () => {
  s = await startTestSandbox();
  await s.account(KEY, 1000);
});
afterAll(async () => {
  await s.sb.close();
});

const order = (body: unknown, headers: Record<string, string> = {}, key = KEY) =>
  s.coda('/v1/orders', { body, headers, key });
const status = (order_id: number | string, action: 'poll' | 'cancel' = 'poll', key = KEY) =>
  s.coda('/v1/orders/status', { body: { order_id, action }, key });

describe('routing', () => {
  it('maps <name>.localhost hosts to the demo site', () => {
    expect(demoSiteFromHost('discord.localhost:8787')).toBe('discord');
    expect(demoSiteFromHost('a.b.localhost')).toBe('a');
    expect(demoSiteFromHost('localhost:8787')).toBeNull();
    expect(demoSiteFromHost('127.0.0.1:8787')).toBeNull();
  });

  it('delegates a demo host to the demo site handler', async () => {
    const statusCode = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${s.sb.url}/`,
        { headers: { host: `discord.localhost:${s.sb.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(statusCode).toBe(200);
  });

  it('answers CORS preflight and unknown paths', async () => {
    const pre = await fetch(`${s.sb.url}/v1/orders`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const nf = await fetch(`${s.sb.url}/nope`);
    expect(nf.status).toBe(404);
    expect(await nf.json()).toEqual({ ok: false, reason: 'not_found' });
    expect((await s.coda('/v1/nope')).json).toEqual({ ok: false, reason: 'not_found' });
    expect((await s.control('health')).json).toEqual({ ok: true });
  });
});

describe('auth and balance', () => {
  it('CODASMS: missing, malformed and unknown keys', async () => {
    expect(await s.coda('/v1/balance', { key: null })).toMatchObject({
      status: 401,
      json: { ok: false, reason: 'missing_or_malformed_key' },
    });
    const basic = await s.coda('/v1/balance', {
      key: null,
      headers: { authorization: 'Basic abc' },
    });
    expect(basic.json).toEqual({ ok: false, reason: 'missing_or_malformed_key' });
    expect(await s.coda('/v1/balance', { key: 'coda_live_nope' })).toMatchObject({
      status: 401,
      json: { ok: false, reason: 'invalid_key' },
    });
    expect((await s.coda('/v1/balance')).json).toEqual({
      ok: true,
      balance_cents: 1000,
      balance_usd: 10,
      currency: 'USD',
    });
  });

  it('SMS-Activate: BAD_KEY, BAD_ACTION, balance', async () => {
    expect((await s.sa({ action: 'getBalance' })).text).toBe('BAD_KEY');
    expect((await s.sa({ api_key: 'nope', action: 'getBalance' })).text).toBe('BAD_KEY');
    expect((await s.sa({ api_key: KEY, action: 'fly' })).text).toBe('BAD_ACTION');
    expect((await s.sa({ api_key: KEY })).text).toBe('BAD_ACTION');
    expect((await s.sa({ api_key: KEY, action: 'getBalance' })).text).toMatch(
      /^ACCESS_BALANCE:\d+\.\d\d$/,
    );
  });

  it('no balance: 402 insufficient_balance / NO_BALANCE', async () => {
    await s.account('poor', 0);
    expect(
      await order({ service: 'ds', country: '6', band: 'standard' }, {}, 'poor'),
    ).toMatchObject({
      status: 402,
      json: { ok: false, reason: 'insufficient_balance' },
    });
    expect(
      (await s.sa({ api_key: 'poor', action: 'getNumber', service: 'ds', country: '6' })).text,
    ).toBe('NO_BALANCE');
  });
});

describe('catalog', () => {
  it('services, countries and SMS-Activate lists', async () => {
    const sv = await s.coda('/v1/services?service=ds&country=6');
    expect(sv.json).toMatchObject({
      ok: true,
      services: [{ code: 'ds', name: 'Discord' }],
      matrix: {
        '6': { ds: { standard_cents: expect.any(Number), priority_cents: expect.any(Number) } },
      },
    });
    const c = await s.coda('/v1/countries?service=vk');
    expect(c.json).toMatchObject({
      ok: true,
      countries: expect.arrayContaining([{ code: '6', name: 'Indonesia', iso: 'ID' }]),
    });
    expect(JSON.stringify(c.json)).not.toContain('"187"');
    const prices = JSON.parse(
      (await s.sa({ api_key: KEY, action: 'getPrices', service: 'tg', country: '0' })).text,
    );
    expect(prices).toEqual({
      '0': { tg: { cost: expect.any(Number), count: expect.any(Number) } },
    });
    const countries = JSON.parse((await s.sa({ api_key: KEY, action: 'getCountries' })).text);
    expect(countries['6']).toMatchObject({ id: 6, eng: 'Indonesia', visible: 1 });
    const list = JSON.parse((await s.sa({ api_key: KEY, action: 'getServicesList' })).text);
    expect(list.status).toBe('success');
    expect(list.services.length).toBeGreaterThanOrEqual(30);
  });

  it('out of stock, unknown pair, unknown service', async () => {
    const body = (service: string, country: string) => ({ service, country, band: 'standard' });
    expect(await order(body('wb', '16'))).toMatchObject({
      status: 409,
      json: { reason: 'out_of_stock' },
    });
    expect(await order({ service: 'tg', country: '36', band: 'priority' })).toMatchObject({
      json: { reason: 'out_of_stock' },
    });
    expect(await order(body('vk', '187'))).toMatchObject({
      status: 409,
      json: { reason: 'no_numbers' },
    });
    expect(await order(body('zz', '6'))).toMatchObject({
      status: 400,
      json: { reason: 'unavailable' },
    });
    expect(
      (await s.sa({ api_key: KEY, action: 'getNumber', service: 'wb', country: '16' })).text,
    ).toBe('NO_NUMBERS');
    expect(
      (await s.sa({ api_key: KEY, action: 'getNumber', service: 'zz', country: '6' })).text,
    ).toBe('BAD_SERVICE');
    expect((await s.sa({ api_key: KEY, action: 'getNumber', country: '6' })).text).toBe(
      'BAD_SERVICE',
    );
  });
});

describe('orders', () => {
  it('order, SMS, poll (CODASMS) and the same order on the SMS-Activate face', async () => {
    const r = await order(
      { service: 'ds', country: '6', band: 'priority' },
      { 'idempotency-key': 'o-1' },
    );
    expect(r.json).toMatchObject({
      ok: true,
      service: 'ds',
      country: '6',
      band: 'priority',
      status: 'waiting',
      expires_in_seconds: 1200,
    });
    const id = codaId(r.json);
    const number = field(r.json, 'number');
    expect(isValidMobileFor(number, 'ID')).toBe(true);
    expect((await status(id)).json).toEqual({
      ok: true,
      order_id: id,
      status: 'waiting',
      waiting: true,
    });
    const sms = await s.control('sms', {
      phone: number,
      text: 'Your Discord verification code is: 482913',
    });
    expect(sms).toEqual({ status: 200, json: { ok: true, order_id: String(id), code: '482913' } });
    expect((await status(id)).json).toEqual({
      ok: true,
      order_id: id,
      status: 'delivered',
      waiting: false,
      code: '482913',
      text: 'Your Discord verification code is: 482913',
    });
    expect((await status(id, 'cancel')).json).toMatchObject({
      status: 'delivered',
      code: '482913',
    });
    const sa = (p: Record<string, string>) => s.sa({ api_key: KEY, id: String(id), ...p });
    expect((await sa({ action: 'getStatus' })).text).toBe('STATUS_OK:482913');
    expect((await sa({ action: 'setStatus', status: '8' })).text).toBe('BAD_STATUS');
    expect((await sa({ action: 'setStatus', status: '3' })).text).toBe('ACCESS_RETRY_GET');
    expect((await sa({ action: 'getStatus' })).text).toBe('STATUS_WAIT_RETRY:482913');
    await s.control('sms', { phone: number, text: 'New code 777111', code: '777111' });
    expect((await sa({ action: 'getStatus' })).text).toBe('STATUS_OK:777111');
    expect((await sa({ action: 'setStatus', status: '6' })).text).toBe('ACCESS_ACTIVATION');
    expect((await s.control('sms', { phone: number, text: 'late 123456' })).status).toBe(404);
    const ledger = await s.control(`ledger?key=${KEY}`);
    const o = JSON.stringify(ledger.json);
    expect(o).toContain('"state":"completed"');
    expect(s.sb.ledger.audit(KEY)).toBe(true);
    expect(s.sb.ledger.getOrder(KEY, String(id))?.movements.map((m) => m.type)).toEqual([
      'hold',
      'charge',
    ]);
  });

  it('an SMS without a code is recorded with 202 and the order keeps waiting', async () => {
    const r = await order({ service: 'tg', country: '0', band: 'standard' });
    const number = field(r.json, 'number');
    const sms = await s.control('sms', { phone: number, text: 'Welcome to Telegram!' });
    expect(sms).toMatchObject({ status: 202, json: { ok: true, code: null } });
    expect((await status(codaId(r.json))).json).toMatchObject({ status: 'waiting' });
    expect((await s.control('sms', { phone: '+10000000000', text: 'code 1234' })).status).toBe(404);
  });

  it('cancel: CODASMS at once (a lock only with its quirk), refunded once; window end refunds', async () => {
    await s.account('canceller', 1000);
    await s.control('quirks', { quirks: ['codasms_cancel_lock'] });
    const locked = await order({ service: 'go', country: '16', band: 'standard' }, {}, 'canceller');
    expect(locked.json).toMatchObject({ cancel_available_in_seconds: 120 });
    expect((await status(codaId(locked.json), 'cancel', 'canceller')).json).toEqual({
      ok: true,
      order_id: codaId(locked.json),
      status: 'waiting',
      waiting: true,
      cancel_available_in_seconds: 120,
    });
    await s.control('quirks', { quirks: [] });
    // A string id is refused: the id goes back as the number it was sent as.
    const asText = await status(String(codaId(locked.json)), 'cancel', 'canceller');
    expect(asText).toMatchObject({ status: 400, json: { ok: false, reason: 'provider_error' } });
    const r = await order({ service: 'go', country: '16', band: 'standard' }, {}, 'canceller');
    expect(r.json).toMatchObject({ cancel_available_in_seconds: 0 });
    const id = codaId(r.json);
    expect((await status(id, 'cancel', 'canceller')).json).toEqual({
      ok: true,
      order_id: id,
      status: 'refunded',
      waiting: false,
    });
    expect((await status(id, 'cancel', 'canceller')).json).toMatchObject({ status: 'refunded' });
    s.clock.t += 121_000;
    expect((await status(codaId(locked.json), 'cancel', 'canceller')).json).toMatchObject({
      status: 'refunded',
    });
    expect((await s.coda('/v1/balance', { key: 'canceller' })).json).toMatchObject({
      balance_cents: 1000,
    });
    expect(await status(id, 'poll')).toMatchObject({
      status: 404,
      json: { ok: false, reason: 'not_found' },
    });

    const sa = (p: Record<string, string>) => s.sa({ api_key: 'canceller', ...p });
    const num = (await sa({ action: 'getNumber', service: 'tg', country: '0', maxPrice: '0.01' }))
      .text;
    expect(num).toMatch(/^WRONG_MAX_PRICE:\d+\.\d\d$/);
    const got = (await sa({ action: 'getNumber', service: 'tg', country: '0', maxPrice: '50' }))
      .text;
    expect(got).toMatch(/^ACCESS_NUMBER:\d+:7\d{10}$/);
    const saId = got.split(':')[1] ?? '';
    expect((await sa({ action: 'setStatus', id: saId, status: '8' })).text).toBe(
      'EARLY_CANCEL_DENIED',
    );
    expect((await sa({ action: 'setStatus', id: saId, status: '6' })).text).toBe('BAD_STATUS');
    expect((await sa({ action: 'setStatus', id: saId, status: '1' })).text).toBe('ACCESS_READY');
    const active = JSON.parse((await sa({ action: 'getActiveActivations' })).text);
    expect(active.activeActivations).toMatchObject([
      { activationId: saId, serviceCode: 'tg', smsCode: null },
    ]);
    s.clock.t += 1200_000;
    expect((await sa({ action: 'getStatus', id: saId })).text).toBe('STATUS_CANCEL');
    expect((await sa({ action: 'getActiveActivations' })).text).toBe('NO_ACTIVATIONS');
    const ledger = await s.control('ledger?key=canceller');
    expect(ledger.json).toMatchObject({ balance_cents: 1000, held_cents: 0, charged_cents: 0 });
    expect(JSON.stringify(ledger.json)).toContain('"reason":"expired"');
    expect((await sa({ action: 'getStatus', id: '1' })).text).toBe('NO_ACTIVATION');
  });

  it('getNumberV2 reply shape', async () => {
    const v2 = JSON.parse(
      (await s.sa({ api_key: KEY, action: 'getNumberV2', service: 'wa', country: '187' })).text,
    );
    expect(v2).toMatchObject({
      activationId: expect.any(Number),
      phoneNumber: expect.stringMatching(/^1\d{10}$/),
      activationCost: expect.stringMatching(/^\d+\.\d\d$/),
      countryCode: '187',
      canGetAnotherSms: true,
      activationTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      activationOperator: 'any',
    });
  });

  it('replays a repeated Idempotency-Key without buying twice', async () => {
    await s.account('idem', 1000);
    const body = { service: 'ds', country: '6', band: 'standard' };
    const a = await order(body, { 'idempotency-key': 'same' }, 'idem');
    const b = await order(body, { 'idempotency-key': 'same' }, 'idem');
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const ledger = await s.control('ledger?key=idem');
    expect(ledger.json).toMatchObject({
      balance_cents: 1000 - Number(Reflect.get(Object(a.json), 'price_cents')),
    });
    expect(s.sb.ledger.ordersOf('idem')).toHaveLength(1);
  });

  it('simulated delivery via the control API', async () => {
    const sim = await s.control('simulate', {
      enabled: true,
      standard_odds: 1,
      priority_odds: 1,
      max_delay_seconds: 5,
    });
    expect(sim.json).toEqual({
      ok: true,
      enabled: true,
      standard_odds: 1,
      priority_odds: 1,
      max_delay_seconds: 5,
    });
    const r = await order({ service: 'wa', country: '22', band: 'standard' });
    s.clock.t += 6_000;
    expect((await status(codaId(r.json))).json).toMatchObject({
      status: 'delivered',
      code: expect.any(String),
    });
    await s.control('simulate', { enabled: false });
  });
});

describe('malformed input gets protocol errors, never 500', () => {
  it('CODASMS', async () => {
    const bad = [
      await s.coda('/v1/orders', { rawBody: '{nope' }),
      await order({ service: 'ds' }),
      await order({ service: 'ds', country: '6', band: 'gold' }),
      await order([1, 2]),
      await s.coda('/v1/orders/status', { body: { action: 'explode' } }),
      await s.coda('/v1/orders', { rawBody: 'x'.repeat(70_000) }),
    ];
    for (const r of bad)
      expect(r).toMatchObject({ status: 400, json: { ok: false, reason: 'provider_error' } });
    expect(await s.coda('/v1/balance', { method: 'POST', body: {} })).toMatchObject({
      status: 405,
      json: { ok: false },
    });
    expect(await order({ service: 'ds', country: '6' }, { 'idempotency-key': ' ' })).toMatchObject({
      status: 400,
    });
  });

  it('SMS-Activate and control', async () => {
    const sa = (p: Record<string, string>) => s.sa({ api_key: KEY, ...p });
    expect((await sa({ action: 'getStatus' })).text).toBe('NO_ACTIVATION');
    expect((await sa({ action: 'setStatus', id: 'abc', status: '8' })).text).toBe('NO_ACTIVATION');
    const got = (await sa({ action: 'getNumber', service: 'fb', country: '4' })).text;
    const id = got.split(':')[1] ?? '';
    expect((await sa({ action: 'setStatus', id, status: '42' })).text).toBe('BAD_STATUS');
    expect((await sa({ action: 'setStatus', id })).text).toBe('BAD_STATUS');
    expect(
      (await sa({ action: 'getNumber', service: 'fb', country: '4', maxPrice: 'lots' })).text,
    ).toMatch(/^WRONG_MAX_PRICE:/);
    const post = await fetch(`${s.sb.url}/stubs/handler_api.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `api_key=${KEY}&action=getBalance`,
    });
    expect(await post.text()).toMatch(/^ACCESS_BALANCE:/);
    expect(await s.control('accounts', { key: 5 })).toMatchObject({
      status: 400,
      json: { reason: 'invalid_request' },
    });
    const raw = await fetch(`${s.sb.url}/control/sms`, { method: 'POST', body: '{' });
    expect(raw.status).toBe(400);
    expect((await s.control('ledger')).status).toBe(400);
    expect((await s.control('ledger?key=missing')).status).toBe(404);
    expect((await s.control('faults', { rate: 2 })).status).toBe(400);
  });
});
