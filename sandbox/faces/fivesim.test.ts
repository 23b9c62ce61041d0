import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test-helpers.ts';

// The 5sim face as 5sim documents it (providers.md section 3): ban ends BANNED, an unknown
// order is 404, maxPrice is honoured with operator `any`, and cancels cost the account rating.

let s: TestSandbox;
let keys = 0;

beforeAll(async () => {
  s = await startTestSandbox({ earlyCancelSeconds: 0 });
});
afterAll(() => s.sb.close());

async function account(cents = 10_000): Promise<string> {
  const key = `fivesim_face_${++keys}`;
  await s.account(key, cents);
  return key;
}

async function get(key: string, path: string) {
  const res = await fetch(`${s.sb.url}/v1/${path}`, {
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // a plain-text error body
  }
  return { status: res.status, text, json };
}

const buy = (key: string, operator = 'virtual21', query = '') =>
  get(key, `user/buy/activation/indonesia/${operator}/discord${query}`);
const rating = async (key: string) => (await get(key, 'user/profile')).json?.rating;

describe('5sim face', () => {
  it('a banned number ends BANNED (refunded), not CANCELED', async () => {
    const key = await account();
    const order = await buy(key);
    const banned = await get(key, `user/ban/${String(order.json?.id)}`);
    expect(banned.json?.status).toBe('BANNED');
    expect((await get(key, `user/check/${String(order.json?.id)}`)).json?.status).toBe('BANNED');
    expect(s.sb.ledger.account(key)?.balanceCents).toBe(10_000);
    const other = await buy(key);
    expect((await get(key, `user/cancel/${String(other.json?.id)}`)).json?.status).toBe('CANCELED');
  });

  it('an unknown order is 404 "order not found"', async () => {
    const key = await account();
    for (const action of ['check', 'cancel', 'ban', 'finish']) {
      expect(await get(key, `user/${action}/12345`)).toMatchObject({
        status: 404,
        text: 'order not found',
      });
    }
  });

  it('maxPrice is honoured with operator any, and only there', async () => {
    const key = await account();
    const price = s.sb.ledger.catalog.offer('ds', '6')?.standardCents ?? -1;
    const below = ((price - 1) / 100).toFixed(2);
    expect(await buy(key, 'any', `?maxPrice=${below}`)).toMatchObject({
      status: 400,
      text: 'no free phones',
    });
    expect(s.sb.ledger.ordersOf(key)).toHaveLength(0);
    const at = await buy(key, 'any', `?maxPrice=${(price / 100).toFixed(2)}`);
    expect(at.json?.price).toBe(price / 100);
    // A named operator ignores it, as 5sim documents.
    expect((await buy(key, 'virtual21', `?maxPrice=${below}`)).status).toBe(200);
    expect((await buy(key, 'any', '?maxPrice=lots')).text).toBe('bad maxPrice');
  });

  it('each cancel costs 0.1 rating, each timeout 0.15; at 0 buying is blocked for 24 hours', async () => {
    const key = await account();
    expect(await rating(key)).toBe(96);
    const a = await buy(key);
    await get(key, `user/cancel/${String(a.json?.id)}`);
    expect(await rating(key)).toBe(95.9);
    await buy(key);
    s.clock.t += 1_200_000 + 1_000; // its window ends unanswered
    expect(await rating(key)).toBe(95.75);

    await s.control('rating', { key, rating: 0.1 });
    const b = await buy(key);
    await get(key, `user/cancel/${String(b.json?.id)}`);
    expect(await rating(key)).toBe(0);
    expect(await buy(key)).toMatchObject({ status: 400, text: 'not enough rating' });
    s.clock.t += 24 * 3_600_000;
    expect((await buy(key)).status).toBe(200);
  });
});
