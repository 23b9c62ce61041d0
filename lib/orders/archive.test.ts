import { discordOrder } from '../../tests/support/orders.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { money } from '../money.ts';
import { createOrderStore, ordersArchiveItem, ordersItem, readAllOrders } from '../storage.ts';
import { ARCHIVE_AFTER_MS, splitArchive } from './archive.ts';
import type { Order, OrderState } from './types.ts';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DAY = 24 * 60 * 60_000;

function order(id: string, state: OrderState, endedDaysAgo: number | null): Order {
  const createdAt = NOW - (endedDaysAgo ?? 0) * DAY - 60_000;
  const base = discordOrder(createdAt, { id });
  const endedAt = endedDaysAgo === null ? null : NOW - endedDaysAgo * DAY;
  return { ...base, state, price: money(35), endedAt };
}

const byId = (...orders: Order[]) => Object.fromEntries(orders.map((o) => [o.id, o]));

describe('finished orders leave the live record after 90 days', () => {
  it.each<[string, Order, boolean]>([
    ['completed 91 days ago', order('a', 'completed', 91), true],
    ['refunded 91 days ago', order('b', 'refunded', 91), true],
    ['failed 120 days ago', order('c', 'failed', 120), true],
    ['completed 89 days ago', order('d', 'completed', 89), false],
    ['refunded yesterday', order('e', 'refunded', 1), false],
    ['cancelling, ordered 100 days ago (still open)', order('f', 'cancelling', null), false],
  ])('%s', (_name, o, moves) => {
    const open = o.state === 'cancelling' ? { ...o, createdAt: NOW - 100 * DAY } : o;
    const { live, moved } = splitArchive(byId(open), NOW - ARCHIVE_AFTER_MS);
    expect(Object.keys(moved)).toEqual(moves ? [o.id] : []);
    expect(Object.keys(live)).toEqual(moves ? [] : [o.id]);
  });
});

describe('the order store’s archive', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves old finished orders out of local:orders; the history still reads every order', async () => {
    const old = order('old', 'completed', 100);
    const recent = order('recent', 'refunded', 3);
    const open = order('open', 'waiting', null);
    await ordersItem.setValue(byId(old, recent, open));
    await ordersArchiveItem.setValue(byId(order('older', 'refunded', 200)));
    const store = createOrderStore();

    expect(await store.archive?.(NOW - ARCHIVE_AFTER_MS)).toBe(1);
    expect(Object.keys(await ordersItem.getValue()).sort()).toEqual(['open', 'recent']);
    expect(Object.keys(await ordersArchiveItem.getValue()).sort()).toEqual(['old', 'older']);
    expect((await readAllOrders()).map((o) => o.id).sort()).toEqual([
      'old',
      'older',
      'open',
      'recent',
    ]);
    // Nothing more to move: nothing is written.
    expect(await store.archive?.(NOW - ARCHIVE_AFTER_MS)).toBe(0);
  });

  it('an order in both (a worker stopped mid-move) is shown once, as the live record has it', async () => {
    const live = order('x', 'completed', 100);
    await ordersItem.setValue(byId(live));
    await ordersArchiveItem.setValue(byId({ ...live, code: 'stale' }));
    const all = await readAllOrders();
    expect(all).toHaveLength(1);
    expect(all[0]?.code).toBe(live.code);
  });
});
