import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codaId, startTestSandbox, type TestSandbox } from './test-helpers.ts';

let s: TestSandbox;

beforeAll(async () => {
  s = await startTestSandbox();
});
afterAll(async () => {
  await s.sb.close();
});

describe('rate limit', () => {
  it('counts requests of one key on every face and recovers after the window', async () => {
    await s.account('rl', 500);
    await s.account('other', 500);
    expect((await s.control('settings', { rate_limit: 4 })).json).toMatchObject({
      ok: true,
      rate_limit: 4,
    });
    expect((await s.coda('/v1/balance', { key: 'rl' })).status).toBe(200);
    expect((await s.sa({ api_key: 'rl', action: 'getBalance' })).status).toBe(200);
    expect((await s.coda('/v1/balance', { key: 'rl' })).status).toBe(200);
    s.clock.t += 10_000;
    expect((await s.sa({ api_key: 'rl', action: 'getBalance' })).status).toBe(200);
    const limited = await s.coda('/v1/balance', { key: 'rl' });
    expect(limited).toMatchObject({
      status: 429,
      json: { ok: false, reason: 'rate_limited', retry_after_seconds: 50 },
    });
    expect(limited.headers.get('retry-after')).toBe('50');
    const sa = await s.sa({ api_key: 'rl', action: 'getBalance' });
    expect(sa).toMatchObject({ status: 429, text: 'TOO_MANY_REQUESTS' });
    expect((await s.coda('/v1/balance', { key: 'other' })).status).toBe(200);
    s.clock.t += 50_000;
    expect((await s.coda('/v1/balance', { key: 'rl' })).status).toBe(200);
    await s.control('settings', { rate_limit: 1000 });
  });
});

describe('settings', () => {
  it('window and early-cancel apply to new orders', async () => {
    await s.account('set', 500);
    const set = await s.control('settings', { window_seconds: 30, early_cancel_seconds: 0 });
    expect(set.json).toEqual({
      ok: true,
      window_seconds: 30,
      early_cancel_seconds: 0,
      rate_limit: 1000,
    });
    const r = await s.coda('/v1/orders', {
      key: 'set',
      body: { service: 'ds', country: '6', band: 'standard' },
    });
    expect(r.json).toMatchObject({ expires_in_seconds: 30 });
    const id = codaId(r.json);
    const cancel = await s.coda('/v1/orders/status', {
      key: 'set',
      body: { order_id: id, action: 'cancel' },
    });
    expect(cancel.json).toMatchObject({ status: 'refunded' });
    await s.control('settings', { window_seconds: 1200, early_cancel_seconds: 120 });
  });
});

describe('faults', () => {
  it('5xx: an HTML gateway page, request not processed; control unaffected', async () => {
    await s.account('f', 1000);
    expect((await s.control('faults', { rate: 1, kinds: ['5xx'], seed: 3 })).json).toEqual({
      ok: true,
      rate: 1,
      kinds: ['5xx'],
    });
    const r = await s.coda('/v1/balance', { key: 'f' });
    expect([502, 503]).toContain(r.status);
    expect(r.text).toContain('<html>');
    expect((await s.control('health')).json).toEqual({ ok: true });
  });

  it('malformed: 200 with a body that does not parse', async () => {
    await s.control('faults', { rate: 1, kinds: ['malformed'] });
    const r = await s.coda('/v1/balance', { key: 'f' });
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
    const sa = await s.sa({ api_key: 'f', action: 'getBalance' });
    expect(sa.text).not.toMatch(/^ACCESS_BALANCE:\d/);
  });

  it('429: the face rate-limit reply', async () => {
    await s.control('faults', { rate: 1, kinds: ['429'] });
    const r = await s.coda('/v1/balance', { key: 'f' });
    expect(r).toMatchObject({ status: 429, json: { reason: 'rate_limited' } });
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('drop: the order is made but the reply is lost; the idempotent retry recovers it', async () => {
    await s.control('faults', { rate: 1, kinds: ['drop'] });
    const body = { service: 'ds', country: '6', band: 'standard' };
    const headers = { 'idempotency-key': 'lost-1' };
    await expect(s.coda('/v1/orders', { key: 'f', body, headers })).rejects.toThrow();
    expect(s.sb.ledger.ordersOf('f')).toHaveLength(1);
    await s.control('faults', { rate: 0 });
    const retry = await s.coda('/v1/orders', { key: 'f', body, headers });
    expect(retry.json).toMatchObject({
      ok: true,
      order_id: Number(s.sb.ledger.ordersOf('f')[0]?.id),
    });
    expect(s.sb.ledger.ordersOf('f')).toHaveLength(1);
  });

  it('latency: delayed reply; a retry during the delay gets in_progress', async () => {
    await s.control('faults', { rate: 1, kinds: ['latency'] });
    const body = { service: 'tg', country: '0', band: 'standard' };
    const headers = { 'idempotency-key': 'slow-1' };
    const started = Date.now();
    const first = s.coda('/v1/orders', { key: 'f', body, headers });
    await new Promise((r) => setTimeout(r, 300));
    await s.control('faults', { rate: 0 });
    const second = await s.coda('/v1/orders', { key: 'f', body, headers });
    expect(second).toMatchObject({ status: 409, json: { ok: false, reason: 'in_progress' } });
    const done = await first;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(done.json).toMatchObject({ ok: true, status: 'waiting' });
    const replay = await s.coda('/v1/orders', { key: 'f', body, headers });
    expect(replay.json).toEqual(done.json);
  });

  it('rate 0 turns faults off', async () => {
    expect((await s.control('faults', { rate: 0 })).json).toMatchObject({ ok: true, rate: 0 });
    expect((await s.coda('/v1/balance', { key: 'f' })).status).toBe(200);
  });
});
