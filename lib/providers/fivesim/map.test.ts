import { describe, expect, it } from 'vitest';
import { chooseOperator, errorFromReply, statusFromOrder } from './map.ts';
import type { OrderReply } from './schemas.ts';

const ops = {
  cheap: { cost: 0.1, count: 500, rate: 60 },
  good: { cost: 0.3, count: 20, rate: 95.5 },
  best: { cost: 0.9, count: 3, rate: 99 },
  empty: { cost: 0.05, count: 0, rate: 100 },
};

describe('5sim tiers', () => {
  it('Standard is the cheapest operator with numbers', () => {
    expect(chooseOperator(ops, 'standard', null)).toMatchObject({ operator: 'cheap', cents: 10 });
  });

  it('Priority is the best delivery rate within the price cap', () => {
    expect(chooseOperator(ops, 'priority', null)?.operator).toBe('best');
    // The operator's published rate comes along: the popup shows it on the offer.
    expect(chooseOperator(ops, 'priority', null)?.rate).toBe(99);
    expect(chooseOperator(ops, 'standard', null)?.rate).toBe(60);
    expect(chooseOperator(ops, 'priority', 50)?.operator).toBe('good');
    expect(chooseOperator(ops, 'priority', 5)).toBeNull();
  });

  it('without published rates there is no Priority', () => {
    expect(chooseOperator({ a: { cost: 1, count: 5 } }, 'priority', null)).toBeNull();
  });
});

const order = (over: Partial<OrderReply>): OrderReply => ({
  id: '1',
  phone: '+6281234567',
  price: 0.1,
  status: 'PENDING',
  ...over,
});

describe('5sim statuses', () => {
  it('a code is present when the sms list holds one, whatever the status says', () => {
    expect(statusFromOrder(order({ sms: [{ code: '1234', text: 'code 1234' }] }))).toEqual({
      kind: 'code',
      code: '1234',
      text: 'code 1234',
    });
    expect(statusFromOrder(order({ status: 'RECEIVED', sms: [] }))).toEqual({ kind: 'waiting' });
  });

  it.each(['CANCELED', 'TIMEOUT', 'BANNED'])('%s without an SMS is a refund', (status) => {
    expect(statusFromOrder(order({ status }))).toEqual({ kind: 'refunded' });
  });

  it.each([
    [400, 'order has sms', 'code_already_received'],
    [400, 'no free phones', 'no_numbers'],
    [400, 'not enough user balance', 'no_balance'],
    [400, 'not enough rating', 'unavailable'],
    [400, 'bad product', 'unavailable'],
    [503, 'server offline', 'provider_down'],
    [401, '', 'bad_key'],
    [200, '<html>maintenance</html>', 'malformed_reply'],
  ] as const)('HTTP %i %j fails as %s', (status, body, kind) => {
    expect(errorFromReply({ status, body, json: undefined, retryAfterMs: null }).kind).toBe(kind);
  });
});
