import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import type { Order } from '../orders/types.ts';
import {
  BADGE_COLORS,
  badgePlan,
  NOT_REFUNDED_BADGE_MS,
  nextBadgeChange,
  REJECTED_TEXT,
} from './badge.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function order(id: string, tabId: number, patch: Partial<Order>): Order {
  const site = { tabId, origin: 'https://discord.com', domain: 'discord.com' };
  const base = discordOrder(T0 - 30 * MIN, { id, site });
  return { ...base, phone: '+6281234567890', price: money(20), ...patch };
}

const missing = (id: string, tabId: number, endedAt: number) =>
  order(id, tabId, {
    state: 'completed',
    endedAt,
    refund: { outcome: 'missing', since: endedAt - 5 * MIN, deadline: endedAt, checks: 6 },
  });

describe('the badge for a refund that never came', () => {
  it('shows "!" in red on its tab and globally while nothing waits', () => {
    const plan = badgePlan([missing('a', 1, T0 - MIN)], T0);
    expect(plan.global).toBe('!');
    expect(plan.globalColor).toBe(BADGE_COLORS.notRefunded);
    expect(plan.tabs).toEqual([{ tabId: 1, text: '!', color: BADGE_COLORS.notRefunded }]);
  });

  it('a waiting order’s count wins globally; a confirmed refund shows nothing', () => {
    const waiting = order('w', 2, { state: 'waiting', expiresAt: T0 + 10 * MIN });
    const plan = badgePlan([missing('a', 1, T0 - MIN), waiting], T0);
    expect(plan.global).toBe('1');
    expect(plan.tabs.find((t) => t.tabId === 1)?.text).toBe('!');
    const confirmed = order('r', 3, {
      state: 'refunded',
      endedAt: T0 - MIN,
      refund: { outcome: 'confirmed', since: T0 - 2 * MIN, deadline: T0 + 3 * MIN, checks: 0 },
    });
    expect(badgePlan([confirmed], T0).global).toBe('');
  });

  it('goes after a day, and the badge is refreshed then', () => {
    const flagged = missing('a', 1, T0);
    expect(nextBadgeChange([flagged], T0)).toBe(T0 + NOT_REFUNDED_BADGE_MS);
    expect(badgePlan([flagged], T0 + NOT_REFUNDED_BADGE_MS).global).toBe('');
  });
});

describe('the badge for a number the site rejected', () => {
  it('shows "✕" in red on its tab while it waits; the new number shows its minutes again', () => {
    const rejectedBySite = { at: T0 - MIN, text: 'This phone number cannot be used.' };
    const expiresAt = T0 + 10 * MIN;
    const rejected = order('a', 1, { state: 'waiting', expiresAt, rejectedBySite });
    expect(badgePlan([rejected], T0).tabs).toEqual([
      { tabId: 1, text: REJECTED_TEXT, color: BADGE_COLORS.notRefunded },
    ]);
    expect(badgePlan([rejected], T0).global).toBe('1');
    const next = order('b', 1, { state: 'waiting', expiresAt, createdAt: T0 });
    const swapped = { ...rejected, state: 'refunded' as const, endedAt: T0 };
    expect(badgePlan([swapped, next], T0).tabs[0]).toEqual({
      tabId: 1,
      text: '10m',
      color: BADGE_COLORS.waiting,
    });
  });
});
