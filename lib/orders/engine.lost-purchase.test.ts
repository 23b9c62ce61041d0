import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { memoryStore } from '../../tests/soak/lane.ts';
import { createOrderMemo } from '../providers/order-once.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { createSmsActivateProvider } from '../providers/sms-activate/client.ts';
import { smsActivateHost } from '../providers/sms-activate/hosts.ts';
import { createEngine, type OrderInput } from './engine.ts';

// A purchase whose reply is lost, on the SMS-Activate protocol (no idempotency key): the real
// engine and adapter against the real sandbox, with a flaky network between them. The soak's
// last orphan: the listing failed before buying, so the balance was noted; the buy went through
// but its reply was cut; meanwhile money came back to the account (refunds of other orders), so
// the balance had not dropped and a second number was bought.
let sb: Sandbox;
let keys = 0;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 31, windowSeconds: 1200, rateLimitPerMinute: 100_000 });
});
afterAll(() => sb.close());

const discord: OrderInput = {
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 3, origin: 'https://discord.com', domain: 'discord.com' },
};

/** The network as the soak's faults make it: listings fail, a purchase's reply is cut. */
function flakyNetwork(key: string) {
  const trouble = { listings: 0, cutPurchase: false };
  const net: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const action = url.searchParams.get('action');
    if (action === 'getActiveActivations' && trouble.listings > 0) {
      trouble.listings--;
      return new Response('<html><body>502 Bad Gateway</body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    }
    const res = await fetch(input, init);
    if (action?.startsWith('getNumber') && trouble.cutPurchase) {
      trouble.cutPurchase = false;
      // Sold, but the reply never arrives; another order's refund lands meanwhile.
      await res.body?.cancel();
      sb.ledger.deposit(key, 500);
      throw new TypeError('socket hang up');
    }
    return res;
  };
  return { trouble, net };
}

function worker(key: string, store: ReturnType<typeof memoryStore>, net: typeof fetch) {
  // A fresh worker: a new adapter and memo (what a service-worker restart leaves).
  const now = Date.now;
  const provider = createSmsActivateProvider({
    apiKey: key,
    host: smsActivateHost(undefined, sb.url),
    budget: createRateBudget({ perMinute: 100_000, now }),
    memo: createOrderMemo(),
    now,
    fetch: net,
    sleep: async () => undefined,
  });
  let ids = 0;
  return createEngine({
    store,
    provider: async () => provider,
    now,
    newId: () => `${key}-${++ids}-${Math.random()}`,
    runEffect: async () => undefined,
  });
}

describe('a purchase whose reply was lost (SMS-Activate)', () => {
  it('is found and kept after a restart, even when refunds raised the balance; one number bought', async () => {
    const key = `coda_live_lost${++keys}`;
    sb.ledger.deposit(key, 100_000);
    const store = memoryStore();
    const { trouble, net } = flakyNetwork(key);
    const first = await worker(key, store, net).create(discord);
    expect(first.state).toBe('waiting');

    // The worker restarted; the first order is open and held by our records only.
    trouble.listings = 3;
    trouble.cutPurchase = true;
    const second = await worker(key, store, net).create(discord);

    const books = sb.ledger.ordersOf(key);
    expect(books).toHaveLength(2);
    expect(second.state).toBe('waiting');
    expect(second.providerOrderId).toBe(books[1]?.id);
    expect(second.phone).toBe(books[1]?.number);
    expect(first.providerOrderId).toBe(books[0]?.id);
  });
});
