import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { createOrder, transition, type OrderEvent } from '../orders/machine.ts';
import type { Order } from '../orders/types.ts';
import type { ProviderId, Tier } from '../providers/types.ts';
import { deliveryStatsCsv } from './delivery-csv.ts';
import {
  chanceOf,
  deliveryOf,
  deliveryRate,
  deliveryStats,
  enoughOrders,
  median,
  offerKey,
  serviceHistory,
} from './delivery-stats.ts';

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;

interface Offer {
  providerId?: ProviderId;
  service?: string;
  country?: string;
  tier?: Tier;
}

let serial = 0;

/**
 * An order driven through the real state machine: placed at `at`, then each step `[ms after
 * the number was given, event]`.
 */
function order(steps: [number, OrderEvent][], offer: Offer = {}, at = T0): Order {
  serial += 1;
  const country = offer.country ?? '6';
  let o = createOrder(
    {
      id: `o${serial}`,
      idempotencyKey: `k${serial}`,
      providerId: offer.providerId ?? 'codasms',
      service: {
        code: offer.service ?? 'ds',
        name: offer.service === 'tg' ? 'Telegram' : 'Discord',
      },
      country: { code: country, name: country === '6' ? 'Indonesia' : 'Vietnam', iso: null },
      tier: offer.tier ?? 'standard',
      maxPrice: null,
      site: { tabId: 1, origin: 'https://discord.com', domain: 'discord.com' },
    },
    at,
  );
  const placed: OrderEvent = {
    type: 'placed',
    placed: {
      id: `p${serial}`,
      phone: '+6281234567890',
      price: money(10),
      tier: offer.tier ?? 'standard',
      expiresAt: at + 20 * MIN,
      cancelAllowedAt: at,
    },
  };
  o = transition(o, placed, at).order;
  for (const [after, event] of steps) o = transition(o, event, at + after).order;
  return o;
}

const status = (kind: 'waiting' | 'refunded' | 'cancelled' | 'completed'): OrderEvent => ({
  type: 'status',
  status: { kind },
});
const code: OrderEvent = { type: 'status', status: { kind: 'code', code: '123456', text: null } };
const cancel = (reason: 'user' | 'another' | 'window' | 'price'): OrderEvent => ({
  type: 'cancel',
  reason,
});

/** A code `seconds` after the number, then completed. */
const delivered = (seconds: number, offer?: Offer) =>
  order(
    [
      [5 * SEC, status('waiting')],
      [seconds * SEC, code],
      [seconds * SEC + 1, { type: 'completed' }],
    ],
    offer,
  );
/** No SMS: the window ran out and the provider refunded. */
const expired = (offer?: Offer) =>
  order(
    [
      [20 * MIN, { type: 'tick' }],
      [20 * MIN + SEC, status('refunded')],
    ],
    offer,
  );

describe('what an order says about its offer', () => {
  it('a code counts as delivered, also while the order is still open', () => {
    expect(deliveryOf(delivered(40))).toBe('code');
    expect(deliveryOf(order([[30 * SEC, code]]))).toBe('code');
  });

  it('a number whose window ran out, or that the site refused, counts as no code', () => {
    expect(deliveryOf(expired())).toBe('noCode');
    const rejected = order([
      [10 * SEC, { type: 'rejected', text: 'This phone number cannot be used.' }],
      [12 * SEC, cancel('another')],
      [13 * SEC, status('refunded')],
    ]);
    expect(deliveryOf(rejected)).toBe('noCode');
  });

  it('an ended order whose refund is pending or never came counts as no code too', () => {
    const pending = order([
      [20 * MIN, { type: 'tick' }],
      [20 * MIN + SEC, status('cancelled')],
    ]);
    expect(pending.state).toBe('cancelling');
    expect(deliveryOf(pending)).toBe('noCode');
    const missing = order([
      [20 * MIN, { type: 'tick' }],
      [20 * MIN + SEC, status('cancelled')],
      [30 * MIN, { type: 'tick' }],
    ]);
    expect(missing.refund?.outcome).toBe('missing');
    expect(deliveryOf(missing)).toBe('noCode');
  });

  it('open orders do not count: waiting, or cancelling before the provider took it', () => {
    expect(deliveryOf(order([[5 * SEC, status('waiting')]]))).toBeNull();
    expect(deliveryOf(order([[5 * MIN, cancel('user')]]))).toBeNull();
  });

  it('a number given back early by the user, or for its price, does not count', () => {
    const early = order([
      [30 * SEC, cancel('user')],
      [31 * SEC, status('refunded')],
    ]);
    expect(early.state).toBe('refunded');
    expect(deliveryOf(early)).toBeNull();
    const swapped = order([
      [2 * MIN, cancel('another')],
      [2 * MIN + SEC, status('refunded')],
    ]);
    expect(deliveryOf(swapped)).toBeNull();
    const price = order([
      [SEC, cancel('price')],
      [2 * SEC, status('refunded')],
    ]);
    expect(deliveryOf(price)).toBeNull();
  });

  it('a number given up after "no SMS within N minutes" counts as no code, however short N', () => {
    const mark = { type: 'noSms', mark: { at: T0 + MIN, minutes: 1, outcome: 'swapped' } } as const;
    const swapped = order([
      [MIN, mark],
      [MIN + SEC, cancel('another')],
      [MIN + 2 * SEC, status('refunded')],
    ]);
    expect(swapped.noSms?.outcome).toBe('swapped');
    expect(deliveryOf(swapped)).toBe('noCode');
    // A mark copied along from the order this one replaced says nothing about this number.
    const copied = order([
      [30 * SEC, cancel('user')],
      [31 * SEC, status('refunded')],
    ]);
    expect(
      deliveryOf({ ...copied, noSms: { at: T0 - MIN, minutes: 1, outcome: 'asked' } }),
    ).toBeNull();
  });

  it('a number the user gave up on after a fair wait counts as no code', () => {
    const gaveUp = order([
      [4 * MIN, cancel('user')],
      [4 * MIN + SEC, status('refunded')],
    ]);
    expect(deliveryOf(gaveUp)).toBe('noCode');
    const swapped = order([
      [5 * MIN, cancel('another')],
      [5 * MIN + SEC, status('refunded')],
    ]);
    expect(deliveryOf(swapped)).toBe('noCode');
  });

  it('no number given: the provider refused the order, nothing to count', () => {
    let failed = discordOrder(T0, { id: 'f', idempotencyKey: 'kf' });
    failed = transition(
      failed,
      { type: 'error', error: { kind: 'no_numbers', message: 'x' } },
      T0,
    ).order;
    expect(failed.state).toBe('failed');
    expect(deliveryOf(failed)).toBeNull();
  });
});

describe('delivery stats per offer', () => {
  const history = [
    delivered(40),
    delivered(20),
    delivered(90),
    expired(),
    delivered(30, { tier: 'priority' }),
    expired({ country: '10' }),
    expired({ country: '10' }),
    delivered(60, { country: '10' }),
    order([[5 * SEC, status('waiting')]], { country: '10' }),
    delivered(50, { providerId: 'fivesim' }),
  ];

  it('counts codes and orders per provider, service, country and tier', () => {
    const stats = deliveryStats(history);
    const find = (k: { providerId: ProviderId; country: string; tier: Tier }) =>
      stats.find((s) => offerKey(s) === offerKey({ ...k, service: 'ds' }));
    const indonesia = find({ providerId: 'codasms', country: '6', tier: 'standard' });
    expect(indonesia).toMatchObject({ orders: 4, codes: 3, medianSeconds: 40 });
    expect(deliveryRate(indonesia ?? { orders: 0, codes: 0 })).toBe(0.75);
    // The open order is left out: 3 counted, 1 code.
    expect(find({ providerId: 'codasms', country: '10', tier: 'standard' })).toMatchObject({
      orders: 3,
      codes: 1,
      medianSeconds: 60,
    });
    expect(find({ providerId: 'codasms', country: '6', tier: 'priority' })).toMatchObject({
      orders: 1,
      codes: 1,
    });
    expect(find({ providerId: 'fivesim', country: '6', tier: 'standard' })?.orders).toBe(1);
    expect(stats).toHaveLength(4);
  });

  it('the median of an even count is the mean of the middle two; no code, no median', () => {
    expect(median([40, 20, 90, 30])).toBe(35);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
    const none = deliveryStats([expired(), expired(), expired()]);
    expect(none[0]).toMatchObject({ orders: 3, codes: 0, medianSeconds: null });
  });

  it('fewer than 3 counted orders are not enough to show or rank', () => {
    const stats = deliveryStats(history);
    expect(stats.filter(enoughOrders).map((s) => [s.country, s.tier, s.orders])).toEqual([
      ['6', 'standard', 4],
      ['10', 'standard', 3],
    ]);
  });

  it("one service's view: its offers and the offer it was ordered with last", () => {
    const later = delivered(10, { service: 'tg', country: '10', tier: 'priority' });
    const all = [...history, { ...later, createdAt: T0 + MIN }];
    const ds = serviceHistory(all, 'ds');
    expect([...ds.stats.keys()]).not.toContain('codasms|tg|10|priority');
    expect(ds.stats.get('codasms|ds|6|standard')?.orders).toBe(4);
    expect(serviceHistory(all, 'tg').lastUsed).toEqual({
      providerId: 'codasms',
      service: 'tg',
      country: '10',
      tier: 'priority',
    });
    const newest = { ...delivered(10, { country: '10' }), createdAt: T0 + 2 * MIN };
    expect(serviceHistory([...all, newest], 'ds').lastUsed?.country).toBe('10');
    expect(serviceHistory([], 'ds')).toEqual({ stats: new Map(), lastUsed: null });
  });
});

describe('the chance "Best chance" ranks by', () => {
  const stats = (codes: number, orders: number) =>
    deliveryStats([
      ...Array.from({ length: codes }, () => delivered(30)),
      ...Array.from({ length: orders - codes }, () => expired()),
    ])[0];

  it('weighs small samples less: 12 of 12 above 3 of 3 above untried above 1 of 3', () => {
    const ranked = [
      chanceOf(stats(1, 3), null),
      chanceOf(undefined, null),
      chanceOf(stats(12, 12), null),
      chanceOf(stats(3, 3), null),
    ];
    expect(ranked[2]).toBeGreaterThan(ranked[3] ?? 1);
    expect(ranked[3]).toBeGreaterThan(ranked[1] ?? 1);
    expect(ranked[1]).toBeGreaterThan(ranked[0] ?? 1);
  });

  it('ignores fewer than 3 orders, and starts from the provider’s own rate where it has one', () => {
    expect(chanceOf(stats(2, 2), null)).toBe(chanceOf(undefined, null));
    expect(chanceOf(undefined, 87)).toBeCloseTo(0.87);
    expect(chanceOf(undefined, 87)).toBeGreaterThan(chanceOf(undefined, 60));
    // Three failures of mine weigh more than the provider's promise.
    expect(chanceOf(stats(0, 3), 95)).toBeLessThan(0.5);
  });
});

describe('delivery stats CSV', () => {
  it('one row per offer with orders, codes, rate and median, after a header', () => {
    const csv = deliveryStatsCsv([
      delivered(40),
      delivered(20),
      delivered(91),
      expired(),
      expired({ country: '10', providerId: 'fivesim' }),
    ]);
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('provider,service,country,band,orders,codes,delivery rate,median seconds');
    expect(rows).toEqual([
      '"CODASMS","Discord","Indonesia","standard","4","3","75%","40"',
      '"5sim","Discord","Vietnam","standard","1","0","0%",""',
    ]);
  });

  it('keeps a hostile service name from running as a formula', () => {
    const evil = { ...delivered(40), service: { code: 'ds', name: '=HYPERLINK("x")' } };
    expect(deliveryStatsCsv([evil])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
