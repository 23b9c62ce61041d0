import { refusesCountry } from '../fill/rejection-country.ts';
import type { Engine } from '../orders/engine.ts';
import type { OrderInput } from '../orders/engine.ts';
import { chooseReplacement, type Replacement } from '../orders/replacement.ts';
import type { Order } from '../orders/types.ts';
import type { Offer, ProviderId } from '../providers/types.ts';

// "Try another number" and the rejected number's "Cancel and get another" (#20): the number
// is given back for a refund and another one ordered in its place, the same offer when it is
// still there, else the next best (lib/orders/replacement.ts). The choice is made before the
// old number goes, so the popup can say at once why nothing could be ordered.

export interface AnotherNumberDeps {
  engine: Pick<Engine, 'allOrders' | 'apply' | 'cancel' | 'refusals'>;
  /** The service's offers across the providers, the old order's own provider asked afresh. */
  offers(service: string, providerId: ProviderId): Promise<Offer[]>;
  /** The countries the order's page lists in its phone country selector; null: unknown. */
  siteCountries(order: Order): Promise<string[] | null>;
  /** The options' price cap (minor units); null: none. */
  priceCapCents(): Promise<number | null>;
}

/** What replaces `old`, from the offers now; `old` must still be waiting for its SMS. */
export async function replacementFor(deps: AnotherNumberDeps, old: Order): Promise<Replacement> {
  const offers = await deps.offers(old.service.code, old.providerId).catch(() => null);
  const rejected = old.rejectedBySite;
  const [refusal, priceCapCents, siteCountries] = await Promise.all([
    deps.engine.refusals(old, [old.providerId, ...(offers ?? []).map((o) => o.providerId)]),
    deps.priceCapCents(),
    deps.siteCountries(old),
  ]);
  return chooseReplacement({
    old,
    offers,
    priceCapCents,
    siteCountries,
    // "Numbers from this country are not supported": a number of the same country would be too.
    avoidCountry: !!rejected && refusesCountry(rejected.text, old.country),
    refusal,
  });
}

/**
 * Gives the order's number back and orders its replacement (when the refund is under way:
 * the engine's `orderAgain`, see orderAgainInput). With nothing to order, a number the site
 * refused is given back all the same (the site will not take it); a number it did not refuse
 * is kept. Either way the order records why, and the popup says it.
 */
export async function anotherNumber(
  deps: AnotherNumberDeps,
  orderId: string,
): Promise<Order | null> {
  const old = (await deps.engine.allOrders()).find((o) => o.id === orderId);
  // Not bought yet (or gone): cancelled as it is; a number once placed is ordered again.
  if (!old || old.state !== 'waiting') return deps.engine.cancel(orderId, 'another');
  const replacement = await replacementFor(deps, old);
  const marked = await deps.engine.apply(old.id, { type: 'replacement', replacement });
  if (replacement.kind === 'offer') return deps.engine.cancel(old.id, 'another');
  return old.rejectedBySite ? deps.engine.cancel(old.id, 'user') : marked;
}

/** The order that takes `old`'s place: the replacement chosen for it, else the same offer. */
export function orderAgainInput(old: Order): OrderInput {
  const next = old.replacement?.kind === 'offer' ? old.replacement : old;
  return {
    service: old.service,
    country: next.country,
    tier: next.tier,
    maxPrice: next.maxPrice,
    site: old.site,
    providerId: next.providerId,
    previousOrderId: old.id,
  };
}
