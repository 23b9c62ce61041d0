import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './test-helpers.ts';

let s: TestSandbox;
const KEY = 'coda_live_stock';

beforeAll(async () => {
  s = await startTestSandbox();
  await s.account(KEY, 1000);
});
afterAll(async () => {
  await s.sb.close();
});

const order = (band: 'standard' | 'priority') =>
  s.coda('/v1/orders', { body: { service: 'ds', country: '6', band }, key: KEY });

it('/control/stock sells one tier of an offer out, and stocks it again', async () => {
  const sold = await s.control('stock', { service: 'ds', country: '6', count: 0 });
  expect(sold).toMatchObject({ status: 200, json: { ok: true } });
  // The offer list says so, and an order is refused as out of stock; the other tier still sells.
  const offers = await s.sa({ api_key: KEY, action: 'getPrices', service: 'ds', country: '6' });
  expect(JSON.parse(offers.text)).toMatchObject({ '6': { ds: { count: 0 } } });
  expect(await order('standard')).toMatchObject({ status: 409, json: { reason: 'out_of_stock' } });
  expect((await order('priority')).status).toBe(200);

  await s.control('stock', { service: 'ds', country: '6', band: 'standard', count: 5 });
  expect((await order('standard')).status).toBe(200);
});

it('/control/stock: an unknown pair is 404, a bad count 400', async () => {
  expect((await s.control('stock', { service: 'zz', country: '6', count: 1 })).status).toBe(404);
  expect((await s.control('stock', { service: 'ds', country: '6', count: -1 })).status).toBe(400);
});
