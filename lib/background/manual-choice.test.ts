import { describe, expect, it } from 'vitest';
import { createOrder } from '../orders/machine.ts';
import type { Order } from '../orders/types.ts';
import { badgePlan, nextBadgeChange } from './badge.ts';
import { chooseManual, codeMenuVisible } from './manual-choice.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function order(patch: Partial<Order> & { id: string; tabId?: number; domain?: string }): Order {
  const domain = patch.domain ?? 'discord.com';
  const base = createOrder(
    {
      id: patch.id,
      idempotencyKey: `k-${patch.id}`,
      providerId: 'codasms',
      service: { code: 'ds', name: 'Discord' },
      country: { code: '6', name: 'Indonesia', iso: 'ID' },
      tier: 'standard',
      maxPrice: null,
      site: { tabId: patch.tabId ?? 1, origin: `https://${domain}`, domain },
    },
    T0,
  );
  return {
    ...base,
    state: 'waiting',
    phone: '+6281234567890',
    expiresAt: T0 + 20 * MIN,
    ...patch,
  };
}

const at = (url: string, tabId = 1, now = T0) => ({ url, tabId, now });

describe('manual fill: what goes into the field', () => {
  it('the number of this site’s open order', () => {
    const c = chooseManual([order({ id: 'a' })], at('https://discord.com/register'), 'phone');
    expect(c).toMatchObject({ kind: 'phone', value: '+6281234567890' });
  });

  it('nothing from another site, even in the same tab: offer to order', () => {
    const c = chooseManual([order({ id: 'a' })], at('https://evil.example/'), 'phone');
    expect(c.kind).toBe('no-order');
    expect(chooseManual([], at('https://discord.com/'), 'auto').kind).toBe('no-order');
  });

  it('nothing on http:// of the ordering site (issue 17: a scheme downgrade is another origin)', () => {
    const c = chooseManual([order({ id: 'a' })], at('http://discord.com/register'), 'phone');
    expect(c.kind).toBe('no-order');
    const dotted = chooseManual([order({ id: 'a' })], at('https://discord.com./'), 'phone');
    expect(dotted.kind).toBe('no-order');
  });

  it('an ended order has no number to give', () => {
    const c = chooseManual(
      [order({ id: 'a', state: 'refunded', endedAt: T0 })],
      at('https://discord.com/'),
      'phone',
    );
    expect(c.kind).toBe('no-order');
  });

  it('the code only once it arrived; the shortcut picks it over the number', () => {
    const waiting = [order({ id: 'a' })];
    expect(chooseManual(waiting, at('https://discord.com/'), 'code').kind).toBe('no-code');
    expect(chooseManual(waiting, at('https://discord.com/'), 'auto').kind).toBe('phone');
    const arrived = [order({ id: 'a', state: 'received', code: '123456' })];
    expect(chooseManual(arrived, at('https://www.discord.com/'), 'auto')).toMatchObject({
      kind: 'code',
      value: '123456',
      codeHost: null,
    });
  });

  it('a code bound to a host (@host #code) is for that host only', () => {
    const bound = order({
      id: 'a',
      state: 'received',
      code: '123456',
      smsText: 'Your code is 123456\n\n@discord.com #123456',
    });
    expect(chooseManual([bound], at('https://canary.discord.com/'), 'code')).toEqual({
      kind: 'code-elsewhere',
      host: 'discord.com',
    });
    expect(chooseManual([bound], at('https://discord.com/'), 'code')).toMatchObject({
      kind: 'code',
      codeHost: 'discord.com',
    });
  });

  it('a completed order’s code is fillable for a while, then not', () => {
    const done = order({ id: 'a', state: 'completed', code: '1234', endedAt: T0 });
    expect(chooseManual([done], at('https://discord.com/', 1, T0 + MIN), 'code').kind).toBe('code');
    expect(chooseManual([done], at('https://discord.com/', 1, T0 + 30 * MIN), 'code').kind).toBe(
      'no-order',
    );
  });

  it('prefers the order bound to this tab, then the newest', () => {
    const other = order({ id: 'other', tabId: 2, createdAt: T0 + 5, phone: '+14155550134' });
    const mine = order({ id: 'mine', tabId: 1, createdAt: T0 });
    expect(chooseManual([other, mine], at('https://discord.com/'), 'phone')).toMatchObject({
      order: { id: 'mine' },
    });
    expect(chooseManual([other], at('https://discord.com/'), 'phone')).toMatchObject({
      order: { id: 'other' },
    });
  });

  it('"Fill code here" shows on the tab whose code arrived and fits its site', () => {
    const arrived = order({ id: 'a', state: 'received', code: '1234' });
    expect(codeMenuVisible([arrived], 1, T0)).toBe(true);
    expect(codeMenuVisible([arrived], 2, T0)).toBe(false);
    expect(codeMenuVisible([order({ id: 'b' })], 1, T0)).toBe(false);
    const elsewhere = { ...arrived, smsText: 'code 1234\n@other.example #1234' };
    expect(codeMenuVisible([elsewhere], 1, T0)).toBe(false);
  });
});

describe('toolbar badge', () => {
  it('minutes left on the waiting order’s tab, a check mark where the code arrived', () => {
    const plan = badgePlan(
      [
        order({ id: 'a', tabId: 1, expiresAt: T0 + 12 * MIN + 1 }),
        order({ id: 'b', tabId: 2, state: 'received', code: '1234' }),
      ],
      T0,
    );
    expect(plan.global).toBe('1');
    expect(plan.tabs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tabId: 1, text: '13m' }),
        expect.objectContaining({ tabId: 2, text: '✓' }),
      ]),
    );
  });

  it('counts every waiting order globally; an ended order’s tab falls back to it', () => {
    const plan = badgePlan(
      [
        order({ id: 'a', tabId: 1 }),
        order({ id: 'b', tabId: 2 }),
        order({ id: 'c', tabId: 3, state: 'refunded', endedAt: T0 - MIN }),
        order({ id: 'old', tabId: 4, state: 'refunded', endedAt: T0 - 5 * 60 * MIN }),
      ],
      T0,
    );
    expect(plan.global).toBe('2');
    expect(plan.tabs.find((t) => t.tabId === 3)?.text).toBeNull();
    expect(plan.tabs.some((t) => t.tabId === 4)).toBe(false);
    expect(badgePlan([], T0)).toMatchObject({ global: '', tabs: [] });
  });

  it('a tab shows its newest order', () => {
    const plan = badgePlan(
      [
        order({ id: 'old', state: 'refunded', endedAt: T0, createdAt: T0 - 10 }),
        order({ id: 'new', createdAt: T0 }),
      ],
      T0,
    );
    expect(plan.tabs).toEqual([expect.objectContaining({ tabId: 1, text: '20m' })]);
  });

  it('wakes at the next minute boundary of a waiting order, and not at all otherwise', () => {
    const o = order({ id: 'a', expiresAt: T0 + 5 * MIN + 10_000 });
    expect(nextBadgeChange([o], T0)).toBe(T0 + 10_001);
    expect(nextBadgeChange([order({ id: 'b', state: 'received', code: '1' })], T0)).toBeNull();
    expect(nextBadgeChange([order({ id: 'c', expiresAt: T0 - 1 })], T0)).toBeNull();
  });
});
