import { describe, expect, it } from 'vitest';
import { discordOrder, placedAt } from '../../tests/support/orders.ts';
import { transition, type OrderEvent } from './machine.ts';
import { createOrderWriter, FLUSH_MS, pollOnly, type OrderStore } from './order-writes.ts';
import type { Order } from './types.ts';

const T0 = 1_800_000_000_000;
const waitingReply: OrderEvent = { type: 'status', status: { kind: 'waiting' } };
const placed = placedAt(T0);

function newOrder(id = 'o1'): Order {
  return discordOrder(T0, { id });
}

/** Like extension storage: copies in and out, and every write counted. */
function memoryStore() {
  const orders = new Map<string, Order>();
  const store: OrderStore & { writes: number; raw: Map<string, Order> } = {
    writes: 0,
    raw: orders,
    all: async () => [...orders.values()].map((o) => structuredClone(o)),
    get: async (id) => structuredClone(orders.get(id) ?? null),
    put: async (o) => {
      store.writes++;
      orders.set(o.id, structuredClone(o));
    },
    putMany: async (list) => {
      store.writes++;
      for (const o of list) orders.set(o.id, structuredClone(o));
    },
  };
  return store;
}

const after = (order: Order, event: OrderEvent, at: number) => transition(order, event, at).order;

describe('pollOnly: what a poll changes that nobody acts on', () => {
  const ordered = after(newOrder(), placed, T0);
  const waiting = after(ordered, waitingReply, T0 + 5_000);
  const at = T0 + 10_000;
  const code: OrderEvent = { type: 'status', status: { kind: 'code', code: '1', text: '1' } };
  const failed: OrderEvent = { type: 'error', error: { kind: 'network', message: 'x' } };
  it.each<[string, Order, OrderEvent, boolean]>([
    ['the same "waiting" again', waiting, waitingReply, true],
    ['a first "waiting" after "placed"', ordered, waitingReply, false],
    ['a code', waiting, code, false],
    ['an error (backoff, failures, the error shown)', waiting, failed, false],
    ['the page filled the number', waiting, { type: 'filled', what: 'phone' }, false],
    ['the user asked to fill again', waiting, { type: 'refill' }, false],
  ])('%s', (_name, previous, event, only) => {
    expect(pollOnly(previous, after(previous, event, at), at)).toBe(only);
  });

  it('a retry time that holds the next call back is never only bookkeeping', () => {
    expect(pollOnly(waiting, { ...waiting, retryAt: T0 + 60_000 }, at)).toBe(false);
  });
});

describe('the engine’s order writes', () => {
  async function started() {
    const store = memoryStore();
    const clock = { t: T0 };
    const changes: [string, string | null][] = [];
    const writer = createOrderWriter(
      store,
      () => clock.t,
      (o, prev) => changes.push([o.state, prev?.state ?? null]),
    );
    const fresh = newOrder();
    await writer.put(fresh, null);
    let order = fresh;
    const step = async (event: OrderEvent, dt = 5_000) => {
      clock.t += dt;
      const before = (await writer.get(order.id)) as Order;
      order = after(before, event, clock.t);
      await writer.put(order, before);
      return order;
    };
    await step(placed, 0);
    await step(waitingReply);
    return { store, clock, changes, writer, step };
  }

  it('a poll repeating "waiting" is not written, nor told to the hooks; reads see it', async () => {
    const { store, changes, writer, step } = await started();
    const writes = store.writes;
    for (let i = 0; i < 5; i++) await step(waitingReply);
    expect(store.writes).toBe(writes);
    expect(changes).toEqual([
      ['ordering', null],
      ['waiting', 'ordering'],
      ['waiting', 'waiting'],
    ]);
    const read = (await writer.get('o1')) as Order;
    expect(read.replies?.at(-1)).toMatchObject({ what: 'waiting', count: 6 });
    expect(store.raw.get('o1')?.replies?.at(-1)).toMatchObject({ what: 'waiting', count: 1 });
  });

  it('the next real change stores the held count along, and the hooks hear of it', async () => {
    const { store, changes, step } = await started();
    for (let i = 0; i < 3; i++) await step(waitingReply);
    await step({ type: 'status', status: { kind: 'code', code: '123456', text: 'x' } });
    expect(store.raw.get('o1')).toMatchObject({ state: 'received', code: '123456' });
    expect(store.raw.get('o1')?.replies?.find((r) => r.what === 'waiting')?.count).toBe(4);
    expect(changes.at(-1)).toEqual(['received', 'waiting']);
  });

  it('held bookkeeping reaches storage within FLUSH_MS in one write', async () => {
    const { store, step } = await started();
    const writes = store.writes;
    await step(waitingReply);
    await step(waitingReply, FLUSH_MS);
    expect(store.writes).toBe(writes + 1);
    expect(store.raw.get('o1')?.replies?.at(-1)?.count).toBe(3);
  });

  it('what another context wrote to the order meanwhile is kept (only bookkeeping is held)', async () => {
    const { store, writer, step } = await started();
    await step(waitingReply);
    const stored = store.raw.get('o1') as Order;
    store.raw.set('o1', { ...stored, phoneFilled: true });
    expect(await writer.get('o1')).toMatchObject({ phoneFilled: true });
    await writer.flush();
    expect(store.raw.get('o1')).toMatchObject({ phoneFilled: true });
    expect(store.raw.get('o1')?.replies?.at(-1)?.count).toBe(2);
  });
});
