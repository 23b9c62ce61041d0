import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl } from '../../sandbox/control-client.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createCodasmsProvider } from '../providers/codasms/client.ts';
import type { ProviderResolver } from '../providers/active.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { createOffersService } from './offers-service.ts';

// The real sandbox over real HTTP: what the provider is asked for is read from its request log.
let sb: Sandbox;
const asked: string[] = [];

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    log: (line) => {
      const m = /^GET (\/v1\/\w+)/.exec(line);
      if (m?.[1]) asked.push(m[1]);
    },
  });
});
afterAll(() => sb.close());

async function service() {
  const key = `coda_live_offers${Date.now()}`;
  await sandboxControl(sb.url).createAccount(key, 10_000);
  const budget = createRateBudget({ perMinute: 100_000 });
  const provider = createCodasmsProvider({ apiKey: key, baseUrl: sb.url, budget });
  const resolver = Object.assign(async () => provider, { all: async () => [provider] });
  return createOffersService(resolver as ProviderResolver);
}

/** The requests `run` made, by path. */
async function requests(run: () => Promise<unknown>): Promise<string[]> {
  asked.length = 0;
  await run();
  return [...asked].sort();
}

describe('offers service', () => {
  it('asks the provider once per service within its time', async () => {
    const offers = await service();
    expect(await requests(() => offers.offersFor('ds'))).toEqual([
      '/v1/balance',
      '/v1/countries',
      '/v1/services',
    ]);
    expect(await requests(() => offers.offersFor('ds'))).toEqual([]);
  });

  it("after an order asks again for that service's offers and the balance only", async () => {
    const offers = await service();
    await offers.offersFor('ds');
    await offers.offersFor('tg');
    offers.orderChanged('ds');
    // Another service's prices and stock did not move: every open popup asking for them
    // again would spend the rate budget the order's own polls need.
    expect(await requests(() => offers.offersFor('tg'))).toEqual(['/v1/balance']);
    expect(await requests(() => offers.offersFor('ds'))).toEqual(['/v1/countries', '/v1/services']);
  });
});
