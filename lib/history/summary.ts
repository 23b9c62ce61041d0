import { moneyOf, outcomeOf } from '../orders/queries.ts';
import type { Order } from '../orders/types.ts';

export interface Totals {
  currency: string;
  /** Paid for codes that arrived. */
  spentCents: number;
  /** Given back for orders without a code. */
  refundedCents: number;
  /** Held right now by open orders, and by cancelled ones whose refund is not confirmed yet. */
  heldCents: number;
  /** Kept by the provider without a code: the refund never came (flagged for support). */
  notRefundedCents: number;
  notRefunded: number;
  /**
   * What pay-per-code saved: the price of every attempt that brought no code, which a
   * pay-per-number service would have kept.
   */
  savedCents: number;
  codes: number;
  orders: number;
}

export function totals(orders: readonly Order[]): Totals {
  const t: Totals = {
    currency: orders.find((o) => o.price)?.price?.currency ?? 'USD',
    spentCents: 0,
    refundedCents: 0,
    heldCents: 0,
    notRefundedCents: 0,
    notRefunded: 0,
    savedCents: 0,
    codes: 0,
    orders: orders.length,
  };
  for (const o of orders) {
    const m = moneyOf(o);
    t.spentCents += m.charged;
    t.refundedCents += m.refunded;
    t.heldCents += m.held;
    t.notRefundedCents += m.notRefunded;
    t.savedCents += m.saved;
    if (m.outcome === 'charged') t.codes += 1;
    if (m.outcome === 'not refunded') t.notRefunded += 1;
  }
  return t;
}

const COLUMNS = [
  'created',
  'ended',
  'service',
  'site',
  'country',
  'tier',
  'number',
  'price',
  'currency',
  'outcome',
  'code',
] as const;

/**
 * One CSV cell: quoted, and never starting like a spreadsheet formula (a phone number such as
 * +62812... stays as it is: a sign followed by digits is a number, not a formula).
 */
export function cell(value: string): string {
  // Spreadsheets skip leading spaces and line breaks before a formula (" =1+1", "\n@SUM").
  const lead = value.replace(/^\s+/, '');
  const formula = /^[\t\r\n]/.test(value) || /^[=@]/.test(lead) || /^[+-](?![\d\s]*$)/.test(lead);
  const safe = formula ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** History as CSV for a spreadsheet. Holds no key and nothing from settings. */
export function historyCsv(orders: readonly Order[]): string {
  const rows = [...orders]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((o) =>
      [
        new Date(o.createdAt).toISOString(),
        o.endedAt ? new Date(o.endedAt).toISOString() : '',
        o.service.name,
        o.site.domain,
        o.country.name,
        o.tier,
        o.phone ?? '',
        o.price ? (o.price.cents / 100).toFixed(2) : '',
        o.price?.currency ?? '',
        outcomeOf(o),
        o.code ?? '',
      ]
        .map(cell)
        .join(','),
    );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
