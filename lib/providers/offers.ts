import type { Capabilities, Offer, Provider, Tier } from './types.ts';

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

/**
 * Asks every provider for its offers at once. A provider that fails is left out while another
 * answers; when all fail, the default's error is the one to show.
 */
export async function offersAcross(
  providers: readonly Provider[],
  service: string,
): Promise<{ offers: Offer[]; answered: Provider[] }> {
  const results = await Promise.allSettled(providers.map((p) => p.offers(service)));
  const answered = providers.filter((_, i) => results[i]?.status === 'fulfilled');
  const offers = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const firstFailure = results.find((r) => r.status === 'rejected');
  if (answered.length === 0 && firstFailure?.status === 'rejected') throw firstFailure.reason;
  return { offers, answered };
}
