import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../../sandbox/test-helpers.ts';
import { createRateBudget } from '../rate-budget.ts';
import { createFivesimProvider } from './client.ts';

// A number the site refused is banned at 5sim (not sold again), and refunded like a cancel.

let s: TestSandbox;
beforeAll(async () => {
  s = await startTestSandbox({ earlyCancelSeconds: 0 });
});
afterAll(() => s.sb.close());

async function rawStatus(key: string, id: string) {
  const res = await fetch(`${s.sb.url}/v1/user/check/${id}`, {
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
  });
  return ((await res.json()) as { status?: string }).status;
}

it('cancel with ban bans the number and refunds it; a plain cancel cancels', async () => {
  const key = 'fivesim_ban_1';
  await s.account(key, 10_000);
  const now = () => s.clock.t;
  const provider = createFivesimProvider({
    apiKey: key,
    baseUrl: s.sb.url,
    currency: 'USD',
    now,
    budget: createRateBudget({ perMinute: 100_000, now, sleep: async () => undefined }),
  });
  const order = (k: string) =>
    provider.order({
      service: 'ds',
      country: '6',
      tier: 'standard',
      maxPrice: null,
      idempotencyKey: k,
    });
  const rejected = await order('idem-ban-1');
  expect(await provider.cancel(rejected.id, { ban: true })).toEqual({ kind: 'refunded' });
  expect(await rawStatus(key, rejected.id)).toBe('BANNED');
  const other = await order('idem-ban-2');
  expect(await provider.cancel(other.id)).toEqual({ kind: 'refunded' });
  expect(await rawStatus(key, other.id)).toBe('CANCELED');
  expect(s.sb.ledger.account(key)?.balanceCents).toBe(10_000);
});
