import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { createOrder, heldCents, nextCall, transition, type OrderEvent } from './machine.ts';
import type { ProviderErrorKind } from '../providers/types.ts';
import type { Order, OrderState } from './types.ts';

const T0 = 1_700_000_000_000;
const placedEvent: OrderEvent = {
  type: 'placed',
  placed: {
    id: 'p1',
    phone: '+6281234567890',
    price: money(35),
    tier: 'standard',
    expiresAt: T0 + 1_200_000,
    cancelAllowedAt: T0 + 120_000,
  },
};

function newOrder(): Order {
  return createOrder(
    {
      id: 'o1',
      idempotencyKey: 'k1',
      providerId: 'codasms',
      service: { code: 'ds', name: 'Discord' },
      country: { code: '6', name: 'Indonesia', iso: 'ID' },
      tier: 'standard',
      maxPrice: money(35),
      site: { tabId: 1, origin: 'https://discord.com', domain: 'discord.com' },
    },
    T0,
  );
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

  it('ends an unreachable order as refunded after the window and grace period', () => {
    const waiting = run([placedEvent]).order;
    const later = transition(waiting, { type: 'tick' }, T0 + 1_200_000 + 31 * 60_000).order;
    expect(later.state).toBe('refunded');
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
});
