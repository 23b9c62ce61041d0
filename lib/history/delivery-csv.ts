import type { Order } from '../orders/types.ts';
import { deliveryRate, deliveryStats } from './delivery-stats.ts';
import { cell } from './summary.ts';
import { familyName } from './support.ts';

const COLUMNS = [
  'provider',
  'service',
  'country',
  'band',
  'orders',
  'codes',
  'delivery rate',
  'median seconds',
] as const;

/**
 * "Export delivery stats": one row per offer the history counts (lib/history/delivery-stats.ts
 * says which orders count), most orders first. A file of its own beside the order CSV, whose
 * columns stay as they are: one table per file is what a spreadsheet opens cleanly. Every
 * offer is listed, also those with fewer orders than the popup needs to show a rate: the
 * orders column says how much each rate is worth. The rate is written "91.7%", which
 * spreadsheets read as a number. Cells as in the order CSV: quoted, formula-safe.
 */
export function deliveryStatsCsv(orders: readonly Order[]): string {
  const rows = deliveryStats(orders).map((s) =>
    [
      familyName(s.providerId),
      s.serviceName,
      s.countryName,
      s.tier,
      String(s.orders),
      String(s.codes),
      `${Math.round(deliveryRate(s) * 1000) / 10}%`,
      s.medianSeconds === null ? '' : String(Math.round(s.medianSeconds)),
    ]
      .map(cell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
