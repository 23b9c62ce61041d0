import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { createRateBudget } from '../rate-budget.ts';
import { providerError } from '../testing/contract.ts';
import { contractControl } from '../testing/control.ts';
import { createSmsActivateProvider } from './client.ts';
import { normalizeSmsActivateUrl, smsActivateHost } from './hosts.ts';
import { parseToken, realCode, replyError, statusFromToken } from './map.ts';

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
