import type { Money } from '../money.ts';
import {
  isProviderError,
  namedError,
  ProviderError,
  type Capabilities,
  type CheckOptions,
  type Offer,
  type Provider,
  type ProviderId,
  type Tier,
} from './types.ts';

/**
 * Offers of several providers, lined up per country (the shared SMS-Activate country id): for
 * each country and tier the best one, labelled with its provider. Best = in stock, then
 * cheapest. Prices in another currency than the default provider's cannot be compared, so
 * they count only where the default currency has nothing.
 */
export function bestOffers(offers: readonly Offer[], currency: string | null): Offer[] {
  const best = new Map<string, Offer>();
  const rank = (o: Offer) => [
    Number(currency !== null && o.price.currency !== currency),
    Number(o.stock === 0),
    o.price.cents,
  ];
  const better = (a: Offer, b: Offer) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d < 0;
    }
    return false;
  };
  for (const o of offers) {
    const slot = `${o.country}|${o.tier}`;
    const current = best.get(slot);
    if (!current || better(o, current)) best.set(slot, o);
  }
  return [...best.values()];
}

export function findOffer(
  offers: readonly Offer[],
  country: string,
  tier: Tier,
): Offer | undefined {
  return offers.find((o) => o.country === country && o.tier === tier);
}

/** Capabilities to show for several providers: the default's, with every tier any offers. */
export function combinedCapabilities(providers: readonly Provider[]): Capabilities | null {
  const [first] = providers;
  if (!first) return null;
  const tiers = (['standard', 'priority'] as const).filter((t) =>
    providers.some((p) => p.capabilities.tiers.includes(t)),
  );
  return { ...first.capabilities, tiers };
}

/** A provider left out of a list because it failed, and how (its error kind). */
export interface Unanswered {
  provider: string;
  kind: string;
}

/**
 * Asks every provider for its offers at once. A provider that fails is left out while another
 * answers (named in `unanswered`); when all fail, the default's error is the one to show, named
 * after it. `track` watches each provider's request (the popup says who it still waits for).
 */
export async function offersAcross(
  providers: readonly Provider[],
  service: string,
  options?: CheckOptions,
  track: (p: Provider, work: Promise<Offer[]>) => Promise<Offer[]> = (_, work) => work,
): Promise<{ offers: Offer[]; answered: Provider[]; unanswered: Unanswered[] }> {
  const results = await Promise.allSettled(
    providers.map((p) => track(p, p.offers(service, options))),
  );
  const answered = providers.filter((_, i) => results[i]?.status === 'fulfilled');
  const offers = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const unanswered = providers.flatMap((p, i) => {
    const r = results[i];
    if (r?.status !== 'rejected') return [];
    namedError(r.reason, p.name);
    return [{ provider: p.name, kind: isProviderError(r.reason) ? r.reason.kind : 'internal' }];
  });
  const firstFailure = results.find((r) => r.status === 'rejected');
  if (answered.length === 0 && firstFailure?.status === 'rejected') throw firstFailure.reason;
  return { offers, answered, unanswered };
}

export interface OrderPick {
  country: string;
  tier: Tier;
  /** The provider whose offer the user clicked; absent: the best offer for the country. */
  providerId?: ProviderId | string;
  /** The price the user saw on the button (or accepted after a move): the cap. */
  price?: Money;
}

/**
 * The offer to order and the cap to order it under, never none: an order is refused (not
 * placed uncapped) when the clicked offer is gone from the refreshed list or now costs more
 * than the price the user saw. The refusal carries the price asked now, so the user can
 * accept it with one click.
 */
export function offerForOrder(
  offers: readonly Offer[],
  pick: OrderPick,
): { offer: Offer; maxPrice: Money } {
  const offer = pick.providerId
    ? offers.find(
        (o) =>
          o.country === pick.country && o.tier === pick.tier && o.providerId === pick.providerId,
      )
    : findOffer(offers, pick.country, pick.tier);
  if (!offer) {
    const other = findOffer(offers, pick.country, pick.tier);
    if (!other) {
      throw new ProviderError('price_moved', 'This offer is no longer available.', null, null);
    }
    throw new ProviderError(
      'price_moved',
      'The offer you chose is gone; another one is available at its own price.',
      null,
      other.price,
    );
  }
  const cap = pick.price ?? offer.price;
  if (offer.price.currency !== cap.currency || offer.price.cents > cap.cents) {
    throw new ProviderError(
      'price_moved',
      'The price rose since the list was shown.',
      null,
      offer.price,
    );
  }
  return { offer, maxPrice: cap };
}
