import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { memoryStore } from '../../tests/soak/lane.ts';
import { createOrderMemo } from '../providers/order-once.ts';
import { createRateBudget } from '../providers/rate-budget.ts';
import { providerFactories } from '../providers/registry.ts';
import type { Provider, ProviderId } from '../providers/types.ts';
import { createEngine, type OrderInput } from './engine.ts';
import type { OrderEffect } from './machine.ts';
import { REFUND_CONFIRM_MS } from './refund.ts';

// Refund checks with the real adapters against the sandbox told to refund late or never, on
// one simulated clock; a fresh engine over the same store is a restarted worker.
const T0 = 1_800_000_000_000;
const clock = { t: T0 };
const now = () => clock.t;
let sb: Sandbox;
let keys = 0;

beforeAll(async () => {
  sb = await startSandbox({
    port: 0,
    now,
    seed: 5,
    windowSeconds: 1200,
    earlyCancelSeconds: 0,
    rateLimitPerMinute: 100_000,
  });
});
afterAll(() => sb.close());

function setup(id: ProviderId) {
  const key = `coda_live_refund${++keys}`;
  sb.ledger.deposit(key, 10_000);
  const provider: Provider = providerFactories[id](
    { providerId: id, apiKey: key, baseUrl: sb.url },
    { budget: createRateBudget({ perMinute: 100_000, now }), memo: createOrderMemo(), now },
  );
  const store = memoryStore();
  const effects: OrderEffect['type'][] = [];
  const worker = () =>
    createEngine({
      store,
      provider: async () => provider,
      now,
      newId: () => `${key}-${Math.random()}`,
      runEffect: async (_o, e) => void effects.push(e.type),
    });
  return { key, worker, effects };
}

const discord: OrderInput = {
  service: { code: 'ds', name: 'Discord' },
  country: { code: '6', name: 'Indonesia', iso: 'ID' },
  tier: 'standard',
  maxPrice: null,
  site: { tabId: 3, origin: 'https://discord.com', domain: 'discord.com' },
};

/** Cancels an order and lets the engine take the cancel's reply. */
async function orderAndCancel(worker: ReturnType<ReturnType<typeof setup>['worker']>) {
  const order = await worker.create(discord);
  await worker.cancel(order.id, 'user');
  return (await worker.step(order.id, true)) ?? order;
}

describe('refund checks against the sandbox', () => {
  it('CODASMS, late refund across a worker restart: refunded once the money is back', async () => {
    const { key, worker, effects } = setup('codasms');
    sb.ledger.refundPlan = [{ kind: 'late', seconds: 40 }];
    const cancelled = await orderAndCancel(worker());
    expect(cancelled.state).toBe('cancelling');
    expect(cancelled.refund?.outcome).toBe('pending');
    expect(sb.ledger.account(key)?.heldCents).toBe(cancelled.price?.cents);

    const restarted = worker();
    clock.t += 20_000;
    expect((await restarted.step(cancelled.id, true))?.state).toBe('cancelling');
    clock.t += 25_000;
    const after = await restarted.step(cancelled.id, true);
    expect(after?.state).toBe('refunded');
    expect(after?.refund?.outcome).toBe('confirmed');
    expect(effects.filter((e) => e === 'notifyRefund')).toHaveLength(1);
    expect(effects).not.toContain('notifyNotRefunded');
    expect(sb.ledger.account(key)).toMatchObject({ heldCents: 0, balanceCents: 10_000 });
  });

  it('CODASMS, never refunded: flagged after the deadline with every reply, money still held', async () => {
    const { key, worker, effects } = setup('codasms');
    sb.ledger.refundPlan = [{ kind: 'never' }];
    const cancelled = await orderAndCancel(worker());
    let order = cancelled;
    const end = clock.t + REFUND_CONFIRM_MS + 1;
    while (order.state === 'cancelling' && clock.t <= end) {
      clock.t += 15_000;
      order = (await worker().step(order.id, true)) ?? order;
    }
    expect(order.state).toBe('completed');
    expect(order.refund?.outcome).toBe('missing');
    expect(order.code).toBeNull();
    expect(effects).toEqual(['fillPhone', 'notifyNotRefunded']);
    expect(order.replies?.map((r) => `${r.via ?? 'poll'}:${r.what}`)).toEqual([
      'poll:placed',
      'cancel:cancelled',
      'poll:cancelled',
    ]);
    expect(sb.ledger.getOrder(key, order.providerOrderId ?? '')?.state).toBe('cancelled');
  });

  it('SMS-Activate: STATUS_CANCEL is the only word, trusted as the refund (no refund fact)', async () => {
    const { worker } = setup('smsactivate');
    sb.ledger.refundPlan = [{ kind: 'never' }];
    const engine = worker();
    const placed = await orderAndCancel(engine);
    // The adapter keeps the protocol's usual early-cancel lock: cancel once it has passed.
    clock.t += 121_000;
    const order = (await engine.step(placed.id, true)) ?? placed;
    expect(order.state).toBe('refunded');
    expect(order.refund?.outcome).toBe('confirmed');
    sb.ledger.refundPlan = [];
  });
});
