/**
 * The soak's verdict: the provider's own ledger (the sandbox) against the engine's own order
 * records, per API key, to the cent.
 */
import { chargedCents } from '../../lib/orders/queries.ts';
import {
  committedCents,
  dailyCapFor,
  startOfDay,
  VISIT_GAP_MS,
  type SpendLimits,
} from '../../lib/orders/limits.ts';
import { OPEN_STATES, type Order } from '../../lib/orders/types.ts';

/** What the sandbox ledger says about one of its orders (sandbox/ledger-types.ts shape). */
export interface ProviderRecord {
  id: string;
  state: string;
  code: string | null;
  priceCents: number;
  movements: readonly { type: 'hold' | 'charge' | 'refund'; cents: number }[];
}

export interface ProviderAccount {
  heldCents: number;
  chargedCents: number;
  refundedCents: number;
}

export interface Verdict {
  orders: number;
  open: number;
  lostCodes: number;
  doubleOrders: number;
  /** Purchases in the provider's ledger that no order of ours holds (money we cannot see). */
  orphans: number;
  /**
   * Purchases above the order's price cap or placed with no cap at all, days whose orders cost
   * more than the daily cap, visits with more numbers than allowed.
   */
  overCap: number;
  ledgerDiffCents: number;
  notes: string[];
}

/**
 * Where the orders, as they ended, broke the spending limits (lib/orders/limits.ts). Checked
 * from the end state: what an ended order still costs is at most what it held when later orders
 * were checked, so a breach here is a real one.
 */
export function limitBreaches(orders: readonly Order[], limits: SpendLimits): string[] {
  const breaches: string[] = [];
  const spent = new Map<string, number>();
  for (const o of orders) {
    const currency = (o.price ?? o.maxPrice)?.currency ?? '?';
    const day = `${startOfDay(o.createdAt)} ${currency}`;
    spent.set(day, (spent.get(day) ?? 0) + committedCents(o));
  }
  for (const [day, cents] of spent) {
    const cap = dailyCapFor(limits, day.split(' ')[1] ?? '');
    if (cap && cents > cap.cents)
      breaches.push(`day ${day}: ${cents} spent over the cap ${cap.cents}`);
  }
  const max = limits.ordersPerVisit;
  if (max === null) return breaches;
  const bySite = new Map<string, Order[]>();
  for (const o of orders) {
    const site = `${o.site.tabId} ${o.site.domain}`;
    bySite.set(site, [...(bySite.get(site) ?? []), o]);
  }
  for (const [site, mine] of bySite) {
    const sorted = [...mine].sort((a, b) => a.createdAt - b.createdAt);
    let visit: Order[] = [];
    for (const o of sorted) {
      const last = visit.at(-1);
      if (last && o.createdAt - last.createdAt > VISIT_GAP_MS) visit = [];
      visit.push(o);
      const numbers = visit.filter((v) => v.state !== 'failed' || v.providerOrderId !== null);
      if (numbers.length > max) breaches.push(`site ${site}: ${numbers.length} numbers in a visit`);
    }
  }
  return breaches;
}

export function audit(
  engine: readonly Order[],
  provider: readonly ProviderRecord[],
  account: ProviderAccount,
  limits?: SpendLimits,
): Verdict {
  const notes: string[] = [];
  const byProviderId = new Map<string, Order>();
  let doubleOrders = 0;
  for (const o of engine) {
    if (o.providerOrderId === null) continue;
    if (byProviderId.has(o.providerOrderId)) {
      doubleOrders++;
      notes.push(`two orders hold provider order ${o.providerOrderId}`);
    }
    byProviderId.set(o.providerOrderId, o);
  }
  let lostCodes = 0;
  let orphans = 0;
  let overCap = 0;
  for (const p of provider) {
    const mine = byProviderId.get(p.id);
    // Bought at the provider but unknown here: a second purchase, or one we lost track of.
    if (!mine) {
      doubleOrders++;
      orphans++;
      notes.push(`provider order ${p.id} (${p.state}) is not in the engine's records`);
    } else if (!mine.maxPrice || p.priceCents > mine.maxPrice.cents) {
      overCap++;
      notes.push(
        `provider order ${p.id} bought at ${p.priceCents} over the cap ${mine.maxPrice?.cents ?? 'none'}`,
      );
    }
    if (p.code === null) continue;
    if (!mine || !['received', 'completed'].includes(mine.state) || mine.code !== p.code) {
      lostCodes++;
      notes.push(
        `code ${p.code} of provider order ${p.id} lost: engine has ${mine?.state ?? 'nothing'} ` +
          `with code ${mine?.code ?? 'none'}`,
      );
    }
  }
  const breaches = limits ? limitBreaches(engine, limits) : [];
  overCap += breaches.length;
  notes.push(...breaches);
  // Money: what the engine believes it paid and got back, against the provider's books.
  const engineCharged = engine.reduce((s, o) => s + chargedCents(o), 0);
  const engineRefunded = engine
    .filter((o) => o.state === 'refunded')
    .reduce((s, o) => s + (o.price?.cents ?? 0), 0);
  const chargedDiff = Math.abs(engineCharged - account.chargedCents);
  const refundedDiff = Math.abs(engineRefunded - account.refundedCents);
  if (chargedDiff) notes.push(`charged: engine ${engineCharged}, provider ${account.chargedCents}`);
  if (refundedDiff)
    notes.push(`refunded: engine ${engineRefunded}, provider ${account.refundedCents}`);
  if (account.heldCents) notes.push(`provider still holds ${account.heldCents}`);
  for (const p of provider) {
    const refunds = p.movements.filter((m) => m.type === 'refund').length;
    const charges = p.movements.filter((m) => m.type === 'charge').length;
    if (refunds + charges > 1) notes.push(`provider order ${p.id} settled ${refunds + charges}x`);
  }
  return {
    orders: engine.length,
    open: engine.filter((o) => OPEN_STATES.has(o.state)).length,
    lostCodes,
    doubleOrders,
    orphans,
    overCap,
    ledgerDiffCents: chargedDiff + refundedDiff + account.heldCents,
    notes,
  };
}
