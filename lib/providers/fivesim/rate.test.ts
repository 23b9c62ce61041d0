import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../../sandbox/test-helpers.ts';
import { createRateBudget } from '../rate-budget.ts';
import { createFivesimProvider } from './client.ts';

// 5sim publishes a delivery rate per operator in its price list: each offer carries the rate
// of the operator its tier is sold from (the popup shows it as "5sim: 87 %").

let s: TestSandbox;
beforeAll(async () => {
  s = await startTestSandbox();
});
afterAll(() => s.sb.close());

it("offers carry 5sim's published rate of the operator each tier is sold from", async () => {
  const now = () => s.clock.t;
  const provider = createFivesimProvider({
    apiKey: 'fivesim_rate_1',
    baseUrl: s.sb.url,
    currency: 'USD',
    now,
    budget: createRateBudget({ perMinute: 100_000, now, sleep: async () => undefined }),
  });
  const res = await fetch(`${s.sb.url}/v1/guest/prices?product=discord&country=indonesia`);
  const cells = ((await res.json()) as Record<string, Record<string, Record<string, unknown>>>)
    .indonesia?.discord as Record<string, { cost: number; rate: number }>;
  const offers = (await provider.offers('ds')).filter((o) => o.country === '6');
  const byPrice = (cents: number) =>
    Object.values(cells).find((c) => Math.round(c.cost * 100) === cents)?.rate;
  expect(offers.map((o) => o.tier).sort()).toEqual(['priority', 'standard']);
  for (const o of offers) {
    expect(o.providerRate).toBeGreaterThan(0);
    expect(o.providerRate).toBe(byPrice(o.price.cents));
  }
});
