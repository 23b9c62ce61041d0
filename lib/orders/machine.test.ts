import { discordOrder, placedAt } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { nextCall, transition, type OrderEvent } from './machine.ts';
import { heldCents } from './queries.ts';
import type { ProviderErrorKind } from '../providers/types.ts';
import { REFUND_CONFIRM_MS } from './refund.ts';
import type { Order, OrderState } from './types.ts';

const T0 = 1_700_000_000_000;
const placedEvent = placedAt(T0);

function newOrder(): Order {
  return discordOrder(T0, { idempotencyKey: 'k1', maxPrice: money(35) });
}

function run(events: OrderEvent[], at = T0): { order: Order; effects: string[] } {
  let order = newOrder();
  const effects: string[] = [];
  for (const e of events) {
    const t = transition(order, e, at);
    order = t.order;
    effects.push(...t.effects.map((x) => x.type));
  }
  return { order, effects };
}

const code: OrderEvent = { type: 'status', status: { kind: 'code', code: '123456', text: 'x' } };
const refunded: OrderEvent = { type: 'status', status: { kind: 'refunded' } };
const err = (kind: ProviderErrorKind): OrderEvent => ({
  type: 'error',
  error: { kind, message: kind },
});

describe('order state machine', () => {
  it.each<[string, OrderEvent[], OrderState, string[]]>([
    ['placed -> waiting, fills the phone', [placedEvent], 'waiting', ['fillPhone']],
    [
      'code -> received, fills and notifies',
      [placedEvent, code],
      'received',
      ['fillPhone', 'fillCode', 'notifyCode'],
    ],
    [
      'received -> completed',
      [placedEvent, code, { type: 'completed' }],
      'completed',
      ['fillPhone', 'fillCode', 'notifyCode'],
    ],
    [
      'user cancel -> cancelling',
      [placedEvent, { type: 'cancel', reason: 'user' }],
      'cancelling',
      ['fillPhone'],
    ],
    [
      'cancelled -> refunded',
      [placedEvent, { type: 'cancel', reason: 'user' }, refunded],
      'refunded',
      ['fillPhone', 'notifyRefund'],
    ],
    [
      'another number -> refunded and orders again',
      [placedEvent, { type: 'cancel', reason: 'another' }, refunded],
      'refunded',
      ['fillPhone', 'notifyRefund', 'orderAgain'],
    ],
    [
      'a code racing the cancel wins',
      [placedEvent, { type: 'cancel', reason: 'user' }, code],
      'received',
      ['fillPhone', 'fillCode', 'notifyCode'],
    ],
    [
      'a refund never undoes a code',
      [placedEvent, code, refunded],
      'received',
      ['fillPhone', 'fillCode', 'notifyCode'],
    ],
    ['no balance while ordering -> failed', [err('no_balance')], 'failed', ['notifyFailed']],
    ['network while ordering -> keeps ordering (same key)', [err('network')], 'ordering', []],
    [
      'bad key while waiting keeps the order',
      [placedEvent, err('bad_key')],
      'waiting',
      ['fillPhone'],
    ],
    [
      'unknown to the provider -> refunded',
      [placedEvent, err('not_found')],
      'refunded',
      ['fillPhone', 'notifyRefund'],
    ],
  ])('%s', (_name, events, state, effects) => {
    const result = run(events);
    expect(result.order.state).toBe(state);
    expect(result.effects).toEqual(effects);
  });

  it('cancels at the window end (just before the provider would), not before', () => {
    const { order } = run([placedEvent]);
    const before = transition(order, { type: 'tick' }, T0 + 1_184_000).order;
    expect(before.state).toBe('waiting');
    const after = transition(order, { type: 'tick' }, T0 + 1_185_000).order;
    expect(after.state).toBe('cancelling');
    expect(after.cancelReason).toBe('window');
    expect(nextCall(after, T0 + 1_185_000)).toBe('cancel');
  });

  it('polls instead of cancelling while the early-cancel lock lasts, then cancels', () => {
    const cancelling = run([placedEvent, { type: 'cancel', reason: 'user' }]).order;
    expect(nextCall(cancelling, T0 + 60_000)).toBe('poll');
    expect(nextCall(cancelling, T0 + 120_000)).toBe('cancel');
  });

  it('"too early" moves the cancel to when the provider allows it', () => {
    const cancelling = run([placedEvent, { type: 'cancel', reason: 'user' }]).order;
    const t = transition(
      cancelling,
      { type: 'error', error: { kind: 'too_early_to_cancel', message: '' }, retryAfterMs: 200_000 },
      T0,
    );
    expect(t.order.state).toBe('cancelling');
    expect(t.order.cancelAllowedAt).toBe(T0 + 200_000);
    expect(nextCall(t.order, T0 + 199_000)).toBe('poll');
    expect(nextCall(t.order, T0 + 200_000)).toBe('cancel');
  });

  it('backs off after errors instead of looping', () => {
    const waiting = run([placedEvent]).order;
    const failed = transition(waiting, err('provider_down'), T0).order;
    expect(failed.retryAt).toBeGreaterThan(T0);
    expect(nextCall(failed, T0)).toBeNull();
  });

  it('ends an unreachable order after the window and grace period: its refund is checked, then flagged', () => {
    const waiting = run([placedEvent]).order;
    const graceEnd = T0 + 1_200_000 + 31 * 60_000;
    const later = transition(waiting, { type: 'tick' }, graceEnd).order;
    expect(later.state).toBe('cancelling');
    expect(later.refund?.outcome).toBe('pending');
    expect(nextCall(later, graceEnd + 60_000)).toBe('poll');
    const end = transition(later, { type: 'tick' }, graceEnd + REFUND_CONFIRM_MS);
    expect(end.order.state).toBe('completed');
    expect(end.order.refund?.outcome).toBe('missing');
    expect(end.effects).toEqual([{ type: 'notifyNotRefunded' }]);
  });

  it('a number bought above the price cap is returned, never filled', () => {
    const dear: OrderEvent = {
      type: 'placed',
      placed: { ...placedEvent.placed, price: money(50) },
    } as const;
    const { order, effects } = run([dear]);
    expect(order.state).toBe('cancelling');
    expect(order.cancelReason).toBe('price');
    expect(effects).toEqual([]);
    expect(nextCall(order, T0 + 120_000)).toBe('cancel');
  });

  it('holds money only while waiting for the SMS', () => {
    expect(heldCents(run([placedEvent]).order)).toBe(35);
    expect(heldCents(run([placedEvent, code]).order)).toBe(0);
    expect(heldCents(run([placedEvent, { type: 'cancel', reason: 'user' }, refunded]).order)).toBe(
      0,
    );
  });

  it('a cancel while the number is on its way returns it as soon as it is known, unfilled', () => {
    const { order, effects } = run([{ type: 'cancel', reason: 'user' }, placedEvent]);
    expect(order.state).toBe('cancelling');
    expect(effects).toEqual([]);
    expect(nextCall(order, T0 + 120_000)).toBe('cancel');
  });

  it('after "a code exists" it only polls, never cancels again, until the code is read', () => {
    let order = run([placedEvent, { type: 'cancel', reason: 'user' }]).order;
    order = transition(order, err('code_already_received'), T0 + 130_000).order;
    expect(nextCall(order, T0 + 130_000)).toBe('poll');
    order = transition(order, { type: 'status', status: { kind: 'waiting' } }, T0 + 131_000).order;
    expect(nextCall(order, T0 + 131_000)).toBe('poll');
    order = transition(order, code, T0 + 132_000).order;
    expect(order).toMatchObject({ state: 'received', code: '123456' });
  });

  it('a new tab of the same site takes over the order and gets the fills again', () => {
    const { order } = run([placedEvent, code, { type: 'filled', what: 'code' }]);
    const moved = transition(order, { type: 'rebind', tabId: 42 }, T0).order;
    expect(moved.site.tabId).toBe(42);
    expect(moved).toMatchObject({ state: 'received', codeFilled: false, phoneFilled: false });
  });

  it('"Fill again" is kept on the order (a restarted worker still knows) until the code is filled', () => {
    const filled: OrderEvent = { type: 'filled', what: 'phone' };
    const asked = run([placedEvent, filled, { type: 'refill' }]).order;
    expect(asked).toMatchObject({ fillAsked: true, phoneFilled: false });
    // The number filled again does not end it: the code is still to come by hand.
    const phoneAgain = transition(asked, filled, T0).order;
    expect(phoneAgain).toMatchObject({ fillAsked: true, phoneFilled: true });
    const withCode = transition(phoneAgain, code, T0).order;
    expect(withCode.fillAsked).toBe(true);
    const done = transition(withCode, { type: 'filled', what: 'code' }, T0).order;
    expect(done).toMatchObject({ fillAsked: false, codeFilled: true });
    expect(JSON.parse(JSON.stringify(asked))).toMatchObject({ fillAsked: true });
  });
});

describe('request another SMS (providers with capabilities.anotherSms)', () => {
  const resendable = () => transition({ ...newOrder(), anotherSms: true }, placedEvent, T0).order;
  const second: OrderEvent = {
    type: 'status',
    status: { kind: 'code', code: '654321', text: 'y' },
  };

  it('holds `complete` back a while after the code, so another SMS stays possible', () => {
    const received = transition(resendable(), code, T0).order;
    expect(received.state).toBe('received');
    expect(nextCall(received, T0 + 60_000)).toBeNull();
    expect(nextCall(received, T0 + 120_000)).toBe('complete');
  });

  it('asks, waits, and fills the new code; the old code repeated changes nothing', () => {
    let order = transition(resendable(), code, T0).order;
    order = transition(order, { type: 'filled', what: 'code' }, T0).order;
    order = transition(order, { type: 'requestAnotherSms' }, T0 + 1_000).order;
    expect(nextCall(order, T0 + 1_000)).toBe('anotherSms');
    order = transition(order, { type: 'anotherSmsSent' }, T0 + 2_000).order;
    expect(order.resend).toBe('waiting');
    expect(nextCall(order, T0 + 2_000)).toBe('poll');
    const same = transition(order, code, T0 + 3_000);
    expect(same.effects).toEqual([]);
    expect(same.order).toMatchObject({ code: '123456', resend: 'waiting' });
    const next = transition(same.order, second, T0 + 4_000);
    expect(next.order).toMatchObject({ state: 'received', code: '654321', codeFilled: false });
    expect(next.effects.map((e) => e.type)).toEqual(['fillCode', 'notifyCode']);
    expect(heldCents(next.order)).toBe(0);
  });

  it('polls until the window is over (a late SMS still counts), then completes', () => {
    let order = transition(resendable(), code, T0).order;
    order = transition(order, { type: 'requestAnotherSms' }, T0).order;
    order = transition(order, { type: 'anotherSmsSent' }, T0).order;
    order = transition(order, { type: 'tick' }, T0 + 1_199_000).order;
    expect(nextCall(order, T0 + 1_199_000)).toBe('poll');
    const late = transition(order, code, T0 + 1_201_000).order;
    expect(late).toMatchObject({ state: 'received', resend: null, code: '123456' });
    expect(nextCall(late, T0 + 1_201_000)).toBe('complete');
    // No answer at all: give up waiting a minute after the window.
    order = transition(order, { type: 'tick' }, T0 + 1_260_000).order;
    expect(order.resend).toBeNull();
  });

  it('a provider refusing another SMS leaves the first code and completes', () => {
    let order = transition(resendable(), code, T0).order;
    order = transition(order, { type: 'requestAnotherSms' }, T0).order;
    order = transition(order, err('unavailable'), T0).order;
    expect(order).toMatchObject({ state: 'received', resend: null, code: '123456' });
    expect(nextCall(order, T0 + 120_000)).toBe('complete');
  });

  it('is refused where the provider has no another-SMS', () => {
    const order = run([placedEvent, code]).order;
    expect(transition(order, { type: 'requestAnotherSms' }, T0).order.resend).toBeNull();
  });
});

describe('follow: the order’s own tab went on to another host of its site', () => {
  it('binds that origin once, keeps the tab and what was filled, and stays small', () => {
    const followed = run([
      { type: 'follow', origin: 'https://accounts.discord.com' },
      { type: 'follow', origin: 'https://accounts.discord.com' },
      { type: 'follow', origin: 'https://discord.com' },
    ]).order;
    expect(followed.site).toEqual({
      tabId: 1,
      origin: 'https://discord.com',
      domain: 'discord.com',
      followed: ['https://accounts.discord.com'],
    });
    const many = run(
      Array.from({ length: 20 }, (_, i) => ({
        type: 'follow' as const,
        origin: `https://h${i}.discord.com`,
      })),
    ).order;
    expect(many.site.followed).toHaveLength(8);
    expect(many.site.followed?.at(-1)).toBe('https://h19.discord.com');
  });
});
