import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import {
  cancelLockLeft,
  CODE_FILL_MS,
  codeUsable,
  FILL_BACKSTOP_MS,
  fillPending,
  mayCancel,
  moneyOf,
  numberLive,
  numberWithdrawn,
  outcomeOf,
  pageWantedUntil,
  wantsPage,
  type Outcome,
} from './queries.ts';
import type { Order, RefundCheck } from './types.ts';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function order(extra: Partial<Order> = {}): Order {
  const base = discordOrder(NOW - 60_000, { idempotencyKey: 'k1' });
  return { ...base, phone: '+6281234567890', price: money(35), ...extra };
}

const refund = (outcome: RefundCheck['outcome']): RefundCheck => ({
  outcome,
  since: NOW - 10_000,
  deadline: NOW + 60_000,
  checks: 1,
});

const ended = (ago: number) => ({ endedAt: NOW - ago });

describe('may this order still fill a page', () => {
  const cases: [string, Partial<Order>, { page: boolean; code: boolean; pending: boolean }][] = [
    ['ordering', { state: 'ordering', phone: null }, { page: true, code: false, pending: false }],
    ['waiting', { state: 'waiting' }, { page: true, code: false, pending: false }],
    ['cancelling', { state: 'cancelling' }, { page: true, code: false, pending: false }],
    ['code received', { state: 'received', code: '1' }, { page: true, code: true, pending: true }],
    [
      'code received and filled',
      { state: 'received', code: '1', codeFilled: true },
      { page: true, code: true, pending: false },
    ],
    [
      'completed a minute ago, code not filled',
      { state: 'completed', code: '1', ...ended(60_000) },
      { page: true, code: true, pending: true },
    ],
    [
      'completed past the backstop, code not filled',
      { state: 'completed', code: '1', ...ended(FILL_BACKSTOP_MS) },
      { page: true, code: true, pending: false },
    ],
    [
      'completed a minute ago, code filled',
      { state: 'completed', code: '1', codeFilled: true, ...ended(60_000) },
      { page: false, code: true, pending: false },
    ],
    [
      'completed long ago, code not filled',
      { state: 'completed', code: '1', ...ended(CODE_FILL_MS) },
      { page: false, code: false, pending: false },
    ],
    [
      'completed without a code (not refunded)',
      { state: 'completed', refund: refund('missing'), ...ended(1) },
      { page: false, code: false, pending: false },
    ],
    ['refunded', { state: 'refunded', ...ended(1) }, { page: false, code: false, pending: false }],
    ['failed', { state: 'failed', phone: null }, { page: false, code: false, pending: false }],
  ];
  it.each(cases)('%s', (_name, extra, want) => {
    const o = order(extra);
    expect({
      page: wantsPage(o, NOW),
      code: codeUsable(o, NOW),
      pending: fillPending(o, NOW),
    }).toEqual(want);
  });

  it('a completed code is wanted until CODE_FILL_MS after the end; an open order has no end', () => {
    const done = order({ state: 'completed', code: '1', ...ended(60_000) });
    expect(pageWantedUntil(done, NOW)).toBe(NOW - 60_000 + CODE_FILL_MS);
    expect(pageWantedUntil(order({ state: 'waiting' }), NOW)).toBeNull();
    expect(pageWantedUntil(order({ state: 'refunded', ...ended(1) }), NOW)).toBeNull();
  });

  it('a filled number refunded lately is withdrawn from its page; later, or unfilled, not', () => {
    const given = { state: 'refunded' as const, phoneFilled: true };
    expect(numberWithdrawn(order({ ...given, ...ended(60_000) }), NOW)).toBe(true);
    expect(numberWithdrawn(order({ ...given, ...ended(CODE_FILL_MS) }), NOW)).toBe(false);
    expect(numberWithdrawn(order({ ...given, phoneFilled: false, ...ended(1) }), NOW)).toBe(false);
    expect(numberWithdrawn(order({ ...given, state: 'completed', ...ended(1) }), NOW)).toBe(false);
  });
});

describe('may this order be cancelled now, and when', () => {
  const cases: [string, Partial<Order>, boolean, number][] = [
    ['waiting, no lock', { state: 'waiting', cancelAllowedAt: null }, true, -NOW],
    ['waiting, lock over', { state: 'waiting', cancelAllowedAt: NOW - 1 }, true, -1],
    ['waiting, lock ends now', { state: 'waiting', cancelAllowedAt: NOW }, true, 0],
    ['waiting, locked 30 s', { state: 'waiting', cancelAllowedAt: NOW + 30_000 }, false, 30_000],
    ['already cancelling', { state: 'cancelling', cancelAllowedAt: null }, false, -NOW],
    ['code received', { state: 'received', code: '1', cancelAllowedAt: null }, false, -NOW],
    ['ordering', { state: 'ordering', cancelAllowedAt: null }, false, -NOW],
  ];
  it.each(cases)('%s', (_name, extra, may, left) => {
    const o = order(extra);
    expect(mayCancel(o, NOW)).toBe(may);
    expect(cancelLockLeft(o, NOW)).toBe(left);
  });
});

describe('what an order cost, got back, saved, and how it ended', () => {
  const cases: [string, Partial<Order>, Outcome, Partial<ReturnType<typeof moneyOf>>, boolean][] = [
    ['ordering', { state: 'ordering', phone: null, price: null }, 'open', {}, true],
    ['waiting', { state: 'waiting' }, 'open', { held: 35 }, true],
    ['cancelling', { state: 'cancelling' }, 'open', { held: 35 }, true],
    [
      'refund pending',
      { state: 'cancelling', refund: refund('pending') },
      'refund pending',
      { held: 35 },
      false,
    ],
    ['code received', { state: 'received', code: '1' }, 'charged', { charged: 35 }, true],
    ['completed', { state: 'completed', code: '1' }, 'charged', { charged: 35 }, true],
    [
      'refunded',
      { state: 'refunded', refund: refund('confirmed') },
      'refunded',
      { refunded: 35, saved: 35 },
      false,
    ],
    [
      'refused by the site and refunded',
      { state: 'refunded', rejectedBySite: { at: NOW, text: 'Invalid number' } },
      'rejected by site',
      { refunded: 35, saved: 35 },
      false,
    ],
    [
      'refund never came',
      { state: 'completed', refund: refund('missing') },
      'not refunded',
      { notRefunded: 35 },
      false,
    ],
    ['never got a number', { state: 'failed', phone: null, price: null }, 'no number', {}, false],
  ];
  it.each(cases)('%s', (_name, extra, outcome, cents, live) => {
    const o = order(extra);
    expect(outcomeOf(o)).toBe(outcome);
    expect(moneyOf(o)).toEqual({
      outcome,
      charged: 0,
      refunded: 0,
      held: 0,
      notRefunded: 0,
      saved: 0,
      ...cents,
    });
    expect(numberLive(o)).toBe(live);
  });
});
