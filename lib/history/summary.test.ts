import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import type { Order, OrderState } from '../orders/types.ts';
import { outcomeOf } from '../orders/queries.ts';
import { historyCsv, totals } from './summary.ts';

function order(id: string, state: OrderState, cents: number | null, extra: Partial<Order> = {}) {
  const base = discordOrder(Date.UTC(2026, 10, 26, 12, 0, 0), { id });
  return { ...base, state, price: cents === null ? null : money(cents), ...extra };
}

describe('history totals', () => {
  it('adds up spent, refunded, held and saved in cents', () => {
    const t = totals([
      order('a', 'completed', 10, { code: '123456' }),
      order('b', 'refunded', 19),
      order('c', 'refunded', 12),
      order('d', 'waiting', 15),
      order('e', 'failed', null),
    ]);
    expect(t).toMatchObject({
      spentCents: 10,
      refundedCents: 31,
      savedCents: 31,
      heldCents: 15,
      codes: 1,
      orders: 5,
    });
  });
});

describe('history totals with refund checks', () => {
  const pending = { outcome: 'pending' as const, since: 0, deadline: 1, checks: 1 };
  it('counts neither a pending nor a missing refund as refunded or saved', () => {
    const t = totals([
      order('a', 'refunded', 19, { refund: { ...pending, outcome: 'confirmed' } }),
      order('b', 'cancelling', 12, { refund: pending }),
      order('c', 'completed', 25, { refund: { ...pending, outcome: 'missing' } }),
    ]);
    expect(t).toMatchObject({
      refundedCents: 19,
      savedCents: 19,
      heldCents: 12,
      spentCents: 0,
      codes: 0,
      notRefundedCents: 25,
      notRefunded: 1,
    });
  });

  it('the CSV says "not refunded" and "refund pending"', () => {
    const csv = historyCsv([
      order('b', 'cancelling', 12, { refund: pending }),
      order('c', 'completed', 25, { refund: { ...pending, outcome: 'missing' } }),
    ]);
    expect(csv).toContain('"refund pending"');
    expect(csv).toContain('"not refunded"');
  });
});

describe('history CSV', () => {
  it('has one row per order with the outcome, and a header', () => {
    const csv = historyCsv([order('a', 'completed', 10, { code: '123456', phone: '+62812' })]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'created,ended,service,site,country,tier,number,price,currency,outcome,code',
    );
    expect(row).toContain(
      '"Discord","discord.com","Indonesia","standard","+62812","0.10","USD","charged","123456"',
    );
  });

  it('keeps a hostile service name from running as a spreadsheet formula', () => {
    const evil = order('x', 'refunded', 5, { service: { code: 'ds', name: '=HYPERLINK("x")' } });
    expect(historyCsv([evil])).toContain(`"'=HYPERLINK(""x"")"`);
    const sneaky = order('y', 'refunded', 5, { service: { code: 'ds', name: '+cmd|x' } });
    expect(historyCsv([sneaky])).toContain(`"'+cmd|x"`);
  });

  it.each([' =1+1', '\n=HYPERLINK("x")', '\u00a0@SUM(A1)', '  -2+3', '\r\n+cmd|x', '\t=1'])(
    'a formula behind leading whitespace or a line break is neutralised too: %j',
    (name) => {
      const csv = historyCsv([order('w', 'refunded', 5, { service: { code: 'ds', name } })]);
      expect(csv).toContain(`"'${name.replace(/"/g, '""')}"`);
    },
  );

  it('a phone number with a leading space stays a number', () => {
    const csv = historyCsv([order('p', 'completed', 5, { phone: ' +62812' })]);
    expect(csv).toContain('" +62812"');
  });
});

describe('history of a number the site rejected', () => {
  const rejectedBySite = { at: 1, text: 'This phone number cannot be used.' };
  it('ends "rejected by site", counted as refunded and saved; still open it is open', () => {
    const orders = [
      order('a', 'refunded', 19, { rejectedBySite }),
      order('b', 'completed', 10, { code: '123456', previousOrderId: 'a' }),
      order('c', 'waiting', 15, { rejectedBySite }),
    ];
    expect(orders.map(outcomeOf)).toEqual(['rejected by site', 'charged', 'open']);
    expect(totals(orders)).toMatchObject({
      refundedCents: 19,
      savedCents: 19,
      spentCents: 10,
      heldCents: 15,
      codes: 1,
    });
    expect(historyCsv(orders)).toContain('"rejected by site"');
  });
});
