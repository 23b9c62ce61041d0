import type { Ledger } from '../support/sandbox-client.ts';

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export type LedgerSummary = { ok: true; line: string } | { ok: false; reason: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the demo promises, read from the provider's own ledger: as many orders charged for
 * their codes and refunded as its stories make (one each by default), every refund from the
 * extension's cancel, nothing held, and the money adds up.
 */
export function checkLedger(
  ledger: Ledger,
  depositCents: number,
  expected: { charged: number; refunded: number } = { charged: 1, refunded: 1 },
): LedgerSummary {
  const charged = ledger.orders.filter((o) => o.movements.some((m) => m.type === 'charge'));
  const refunded = ledger.orders.filter((o) => o.movements.some((m) => m.type === 'refund'));
  if (charged.length !== expected.charged) {
    const want = plural(expected.charged, 'charged order', 'charged orders');
    return { ok: false, reason: `expected ${want}, ledger has ${charged.length}` };
  }
  if (refunded.length !== expected.refunded) {
    const want = plural(expected.refunded, 'refunded order', 'refunded orders');
    return { ok: false, reason: `expected ${want}, ledger has ${refunded.length}` };
  }
  for (const order of refunded) {
    const refund = order.movements.find((m) => m.type === 'refund');
    if (refund?.reason !== 'cancelled') {
      return {
        ok: false,
        reason: `the refund came from "${refund?.reason}", not the extension's cancel`,
      };
    }
  }
  if (ledger.held_cents !== 0) return { ok: false, reason: `${usd(ledger.held_cents)} still held` };
  const chargedCents = charged.reduce((sum, o) => sum + o.price_cents, 0);
  const refundedCents = refunded.reduce((sum, o) => sum + o.price_cents, 0);
  const balanced =
    ledger.balance_cents + ledger.held_cents === ledger.deposits_cents - ledger.charged_cents &&
    ledger.deposits_cents === depositCents &&
    ledger.charged_cents === chargedCents &&
    ledger.balance_cents === depositCents - chargedCents;
  if (!balanced) return { ok: false, reason: `ledger does not balance: ${JSON.stringify(ledger)}` };
  return {
    ok: true,
    line: `charged ${usd(chargedCents)} for ${plural(charged.length, 'code', 'codes')}, refunded ${usd(refundedCents)} for ${plural(refunded.length, 'order', 'orders')}; ledger balanced`,
  };
}
