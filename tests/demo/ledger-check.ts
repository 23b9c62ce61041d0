import type { Ledger } from '../support/sandbox-client.ts';

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export type LedgerSummary = { ok: true; line: string } | { ok: false; reason: string };

/**
 * What the demo promises, read from the provider's own ledger: one order charged for its
 * code, one refunded, nothing held, and the money adds up.
 */
export function checkLedger(ledger: Ledger, depositCents: number): LedgerSummary {
  const charged = ledger.orders.filter((o) => o.movements.some((m) => m.type === 'charge'));
  const refunded = ledger.orders.filter((o) => o.movements.some((m) => m.type === 'refund'));
  if (charged.length !== 1)
    return { ok: false, reason: `expected 1 charged order, ledger has ${charged.length}` };
  if (refunded.length !== 1)
    return { ok: false, reason: `expected 1 refunded order, ledger has ${refunded.length}` };
  const refund = refunded[0]?.movements.find((m) => m.type === 'refund');
  if (refund?.reason !== 'cancelled') {
    return {
      ok: false,
      reason: `the refund came from "${refund?.reason}", not the extension's cancel`,
    };
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
    line: `charged ${usd(chargedCents)} for 1 code, refunded ${usd(refundedCents)} for 1 order; ledger balanced`,
  };
}
