import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { VISIT_GAP_MS } from './limits.ts';
import {
  autoSwapsThisVisit,
  decideNoSms,
  DEFAULT_NO_SMS,
  markNoSms,
  noSmsPolicy,
  type NoSmsInput,
  type NoSmsPolicy,
} from './no-sms.ts';
import type { NoSmsMark, Order } from './types.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
let ids = 0;

/** A number given at T0, waiting for its SMS. */
function waiting(extra: Partial<Order> = {}): Order {
  const id = `o${++ids}`;
  const base = discordOrder(T0, {
    id,
    maxPrice: money(35),
    site: { tabId: 7, origin: 'https://discord.com', domain: 'discord.com' },
  });
  return {
    ...base,
    state: 'waiting',
    providerOrderId: `p-${id}`,
    phone: '+6281234567890',
    price: money(35),
    orderedAt: T0,
    expiresAt: T0 + 20 * MIN,
    ...extra,
  };
}

const policy = (when: NoSmsPolicy['when'], extra: Partial<NoSmsPolicy> = {}): NoSmsPolicy => ({
  ...DEFAULT_NO_SMS,
  when,
  ...extra,
});

const decide = (over: Partial<NoSmsInput> & { order?: Order }) =>
  decideNoSms({
    order: waiting(),
    policy: DEFAULT_NO_SMS,
    page: 'phone',
    swapsDone: 0,
    now: T0 + 3 * MIN,
    ...over,
  });

const mark = (outcome: 'asked' | 'swapped'): NoSmsMark => ({ at: T0, minutes: 3, outcome });

describe('the no-SMS preference', () => {
  it('defaults to ask after 3 minutes, at most 2 automatic swaps a visit', () => {
    expect(DEFAULT_NO_SMS).toEqual({ when: 'ask', minutes: 3, maxSwaps: 2 });
    expect(noSmsPolicy(undefined)).toEqual(DEFAULT_NO_SMS);
  });

  it('a stored value keeps what is valid and falls back field by field', () => {
    expect(noSmsPolicy({ when: 'swap', minutes: 5 })).toEqual({
      when: 'swap',
      minutes: 5,
      maxSwaps: 2,
    });
    expect(noSmsPolicy({ when: 'often', minutes: 0, maxSwaps: 1.5 })).toEqual(DEFAULT_NO_SMS);
    expect(noSmsPolicy('swap')).toEqual(DEFAULT_NO_SMS);
  });
});

describe('what to do when no SMS came', () => {
  const swap = policy('swap');

  it.each<[string, Partial<NoSmsInput>, ReturnType<typeof decideNoSms>]>([
    [
      'ask, before N minutes: keep waiting',
      { now: T0 + 3 * MIN - 1 },
      { kind: 'wait', why: 'not-due' },
    ],
    ['ask, at N minutes: ask', {}, { kind: 'ask' }],
    ['ask, whatever the page: ask', { page: 'moved' }, { kind: 'ask' }],
    [
      'wait for the window: nothing changes',
      { policy: policy('wait') },
      { kind: 'wait', why: 'choice' },
    ],
    ['swap, page on the phone step: swap', { policy: swap }, { kind: 'swap' }],
    [
      'swap, before N minutes: keep waiting',
      { policy: swap, now: T0 + MIN },
      { kind: 'wait', why: 'not-due' },
    ],
    [
      'swap, N of 5 minutes',
      { policy: policy('swap', { minutes: 5 }), now: T0 + 4 * MIN },
      { kind: 'wait', why: 'not-due' },
    ],
    [
      'swap, the page went on: stop',
      { policy: swap, page: 'moved' },
      { kind: 'stop', reason: 'page' },
    ],
    [
      'swap, the page did not answer yet: ask it again',
      { policy: swap, page: 'unknown' },
      { kind: 'wait', why: 'page-unknown' },
    ],
    [
      'swap, K swaps done this visit: stop',
      { policy: swap, swapsDone: 2 },
      { kind: 'stop', reason: 'max' },
    ],
    ['swap, one of K=2 done: swap', { policy: swap, swapsDone: 1 }, { kind: 'swap' }],
    [
      'swap, K=1 and one done: stop',
      { policy: policy('swap', { maxSwaps: 1 }), swapsDone: 1 },
      { kind: 'stop', reason: 'max' },
    ],
  ])('%s', (_, over, expected) => {
    expect(decide(over)).toEqual(expected);
  });

  it('measures from when the number was given, not from the click', () => {
    const order = waiting({ createdAt: T0 - 5 * MIN, orderedAt: T0 });
    expect(decide({ order, now: T0 + 2 * MIN }).kind).toBe('wait');
    expect(decide({ order, now: T0 + 3 * MIN }).kind).toBe('ask');
  });

  it.each<[string, Partial<Order>]>([
    ['no number yet', { state: 'ordering', orderedAt: null, phone: null }],
    ['a code came', { state: 'received', code: '123456' }],
    ['being cancelled', { state: 'cancelling', cancelReason: 'user' }],
    ['refunded', { state: 'refunded' }],
    ['the site refused it (its own card asks)', { rejectedBySite: { at: T0, text: 'No VoIP' } }],
  ])('nothing for an order not waiting for its first SMS: %s', (_, extra) => {
    const order = waiting(extra);
    expect(decide({ order, policy: swap })).toEqual({ kind: 'wait', why: 'not-waiting' });
  });

  it('an order asked about or stopped is not decided again', () => {
    expect(decide({ order: waiting({ noSms: mark('asked') }) })).toEqual({
      kind: 'wait',
      why: 'handled',
    });
    const stopped: NoSmsMark = { at: T0, minutes: 3, outcome: 'stopped', reason: 'page' };
    const order = waiting({ noSms: stopped });
    expect(decide({ order, policy: swap, page: 'phone' })).toEqual({
      kind: 'wait',
      why: 'handled',
    });
  });

  it('a mark copied from the order this one replaced is not its own', () => {
    const order = waiting({ orderedAt: T0 + MIN, noSms: mark('swapped') });
    expect(decide({ order, policy: swap, now: T0 + 3 * MIN })).toEqual({
      kind: 'wait',
      why: 'not-due',
    });
    expect(decide({ order, policy: swap, now: T0 + 4 * MIN })).toEqual({ kind: 'swap' });
  });

  it('a copied mark neither counts as a swap of the visit nor hides a new question', () => {
    const copied = waiting({ orderedAt: T0 + MIN, noSms: mark('asked') });
    const asked: NoSmsMark = { at: T0 + 4 * MIN, minutes: 3, outcome: 'asked' };
    expect(markNoSms(copied, asked)).toEqual({ order: { ...copied, noSms: asked }, notify: true });
    expect(markNoSms({ ...copied, noSms: asked }, asked).notify).toBe(false);
    const replacement = waiting({
      createdAt: T0 + MIN,
      orderedAt: T0 + MIN,
      noSms: mark('swapped'),
    });
    const current = waiting({ createdAt: T0 + 2 * MIN });
    expect(autoSwapsThisVisit([replacement, current], current, T0 + 3 * MIN)).toBe(0);
  });

  it('a swap marked but not carried out (the worker stopped) is done, whatever the page', () => {
    const order = waiting({ noSms: mark('swapped') });
    expect(decide({ order, policy: swap, page: 'unknown', swapsDone: 2 })).toEqual({
      kind: 'swap',
    });
    // Once the cancel was taken, the swap is under way: nothing more to do.
    const cancelling = waiting({ noSms: mark('swapped'), state: 'cancelling' });
    expect(decide({ order: cancelling, policy: swap }).kind).toBe('wait');
  });
});

describe('automatic swaps in one site visit', () => {
  const now = T0 + 10 * MIN;
  const swapped = (at: number, extra: Partial<Order> = {}) =>
    waiting({ createdAt: at, state: 'refunded', noSms: mark('swapped'), ...extra });

  it('counts this tab and site’s orders swapped by the background, not the order itself', () => {
    const first = swapped(T0);
    const second = swapped(T0 + 4 * MIN);
    const current = waiting({ createdAt: T0 + 8 * MIN });
    const all = [first, second, current];
    expect(autoSwapsThisVisit(all, current, now)).toBe(2);
    expect(autoSwapsThisVisit(all, second, now)).toBe(1);
  });

  it('leaves out swaps by hand, other tabs, other sites and earlier visits', (ctx) => {
    const current = waiting({ createdAt: T0 + 8 * MIN });
    const others = [
      waiting({ createdAt: T0, state: 'refunded', cancelReason: 'another' }),
      swapped(T0, { site: { ...current.site, tabId: 8 } }),
      swapped(T0, { site: { tabId: 7, origin: 'https://x.com', domain: 'x.com' } }),
      // Before a gap longer than a visit's.
      swapped(T0 - VISIT_GAP_MS - 1),
    ];
    expect(autoSwapsThisVisit([...others, current], current, now), ctx.task.name).toBe(0);
  });
});
