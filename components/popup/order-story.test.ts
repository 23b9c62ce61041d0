import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import type { Order } from '@/lib/orders/types.ts';
import { endedReason, orderSteps, PHONE_FILL_GRACE_MS } from './order-story.ts';

const T0 = 1_700_000_000_000;
const placed = (patch: Partial<Order> = {}): Order => ({
  ...discordOrder(T0, { idempotencyKey: 'k' }),
  state: 'waiting',
  phone: '+6281234567890',
  orderedAt: T0,
  expiresAt: T0 + 20 * 60_000,
  ...patch,
});
const ctx = (now: number, autoFillPhone = true) => ({
  now,
  autoFillPhone,
  shortcut: 'Alt+Shift+F',
});
const keys = (o: Order, now = T0 + 60_000, auto = true) =>
  orderSteps(o, ctx(now, auto))?.map((s) => `${s.done ? 'x' : ' '} ${s.key}`);

describe('the order card checklist', () => {
  it('says the number is on the page, then the page’s button, then the code', () => {
    expect(keys(placed({ phoneFilled: true }))).toEqual([
      'x guide.steps.phoneFilled',
      '  guide.steps.send',
      '  guide.steps.codeWait',
    ]);
    const filled = placed({
      phoneFilled: true,
      state: 'completed',
      code: '123456',
      codeFilled: true,
    });
    expect(keys(filled)).toEqual([
      'x guide.steps.phoneFilled',
      'x guide.steps.send',
      'x guide.steps.codeFilled',
    ]);
  });

  it('gives the fill script a moment, then says no phone field was found and how to fill by hand', () => {
    expect(keys(placed(), T0 + PHONE_FILL_GRACE_MS - 1)?.[0]).toBe('  guide.steps.phoneFilling');
    const steps = orderSteps(placed(), ctx(T0 + PHONE_FILL_GRACE_MS));
    expect(steps?.[0]).toEqual({
      key: 'guide.steps.noPhoneField',
      params: ['Alt+Shift+F'],
      done: false,
    });
    // Auto-fill switched off: no waiting, fill by hand.
    expect(keys(placed(), T0 + 10, false)?.[0]).toBe('  guide.steps.phoneOff');
  });

  it('a replacement number asks for the page’s button again; ended orders have no checklist', () => {
    expect(keys(placed({ previousOrderId: 'o0', phoneFilled: true }))?.[1]).toBe(
      '  guide.steps.sendAgain',
    );
    expect(orderSteps(placed({ state: 'refunded' }), ctx(T0))).toBeNull();
  });
});

describe('why an order ended', () => {
  it('names the window in minutes, the user’s cancel, and the provider', () => {
    expect(endedReason(placed({ state: 'refunded', cancelReason: 'window' }))).toEqual({
      key: 'guide.ended.noSms',
      minutes: 20,
    });
    expect(endedReason(placed({ state: 'refunded', cancelReason: 'user' }))?.key).toBe(
      'guide.ended.youCancelled',
    );
    expect(endedReason(placed({ state: 'refunded' }))?.key).toBe('guide.ended.byProvider');
    expect(endedReason(placed())).toBeNull();
  });
});
