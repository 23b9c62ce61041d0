import { AppError } from '../errors.ts';
import type { OffersReply } from '../messaging.ts';
import type { Money } from '../money.ts';
import type { ProviderResolver } from '../providers/active.ts';
import { bestOffers, combinedCapabilities, offersAcross } from '../providers/offers.ts';
import type { Offer, Provider, ProviderId, ServiceInfo } from '../providers/types.ts';
import { createOffersCache } from './offers-cache.ts';
import { createOffersProgress } from './offers-progress.ts';
import { mergeServices } from './site-services.ts';

/** How long a service's offers and the balance are reused between popup opens. */
const OFFERS_TTL_MS = 30_000;

/** How old offers shown at once (marked "updating") may be. */
const LAST_KNOWN_MS = 10 * 60_000;

/** A provider's service list (about 700 names) hardly changes; it is fetched once a while. */
const SERVICES_TTL_MS = 30 * 60_000;

export type OffersService = ReturnType<typeof createOffersService>;

/** A service's offers across the providers; `main` answered first (its balance is shown). */
type Listed = Omit<OffersReply, 'balance' | 'balanceOf'> & { main: Provider };

const replyOf = (listed: Listed, balance: Money) => ({
  unanswered: listed.unanswered,
  offers: bestOffers(listed.offers, balance.currency),
  capabilities: listed.capabilities,
  balanceOf: listed.main.id,
});

async function defaultProvider(provider: ProviderResolver): Promise<Provider> {
  const p = await provider();
  if (!p) throw new AppError('no_provider', 'No provider is set up yet.');
  return p;
}

async function configuredProviders(provider: ProviderResolver): Promise<Provider[]> {
  const all = await provider.all();
  if (all.length === 0) await defaultProvider(provider);
  return all;
}

/** Every configured provider's services as one list; a provider that fails is left out. */
function servicesLister(allProviders: () => Promise<Provider[]>) {
  const servicesCache = createOffersCache<ServiceInfo[]>(SERVICES_TTL_MS);
  return async (): Promise<ServiceInfo[]> => {
    const providers = await allProviders();
    // Keyed by who answers, so setting up another provider asks again.
    return servicesCache.get(providers.map((p) => p.name).join('|'), async () => {
      const replies = await Promise.allSettled(providers.map((p) => p.services()));
      const lists = replies.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failed = replies.find((r) => r.status === 'rejected');
      if (lists.length === 0 && failed) throw failed.reason;
      return mergeServices(lists);
    });
  };
}

/**
 * What the configured providers sell and what the default one holds: offers, balance and the
 * service list, cached a while so the popup (asking every second) does not ask the providers.
 */
export function createOffersService(provider: ProviderResolver) {
  const needProvider = () => defaultProvider(provider);
  const allProviders = () => configuredProviders(provider);

  const offersCache = createOffersCache<Listed>(OFFERS_TTL_MS);
  // The balance is kept apart: every order state change moves money and asks for it again,
  // while the offer list (two large requests) stays for its whole time.
  const balanceCache = createOffersCache<Money>(OFFERS_TTL_MS);
  const balanceOf = (main: Provider) => balanceCache.get(main.name, () => main.balance());
  const progress = createOffersProgress();

  /** A configured provider's balance (cached a while), for the balance floor; null: unknown. */
  async function balanceAt(providerId: ProviderId): Promise<Money | null> {
    const found = (await provider.all()).find((p) => p.id === providerId);
    return found ? balanceOf(found).catch(() => null) : null;
  }

  /** Every configured provider at once; per country the best Standard and Priority. */
  async function offersFor(service: string): Promise<OffersReply> {
    const listed = await offersCache.get(service, async () => {
      const providers = await allProviders();
      const track = progress.tracker(service);
      const { offers, answered, unanswered } = await offersAcross(providers, service, {}, track);
      const main = answered[0] ?? (await needProvider());
      const capabilities = combinedCapabilities(answered) ?? main.capabilities;
      return { offers, main, capabilities, unanswered };
    });
    const balance = await progress.track(service, listed.main, balanceOf(listed.main));
    return { ...replyOf(listed, balance), balance };
  }

  /**
   * A service's offers and the balance when both are in memory, fresh or from the last few
   * minutes (the popup shows those as "updating" and asks again); never asks.
   */
  function peekOffers(service: string): (OffersReply & { at: number }) | null {
    const listed = offersCache.peek(service) ?? offersCache.peekLast(service, LAST_KNOWN_MS);
    const main = listed?.value.main.name;
    const balance = main
      ? (balanceCache.peek(main) ?? balanceCache.peekLast(main, LAST_KNOWN_MS))
      : null;
    if (!listed || !balance) return null;
    const at = Math.min(listed.at, balance.at);
    return { ...replyOf(listed.value, balance.value), balance: balance.value, at };
  }

  /**
   * Offers just before an order: the clicked provider's asked again (its live prices), the
   * others' as the popup showed them (for the price to offer when the clicked one is gone).
   */
  async function refreshedOffers(service: string, providerId?: string): Promise<Offer[]> {
    const providers = await allProviders();
    const clicked = providers.filter((p) => p.id === providerId);
    if (clicked.length === 0) return (await offersFor(service)).offers;
    // The user clicked and waits: these requests go before popup refreshes and routine polls
    // in the rate budget (a queue of refreshes once kept an order at "Getting a number" 30 s).
    const fresh = (await offersAcross(clicked, service, { urgent: true })).offers;
    if (clicked.length === providers.length) return fresh;
    const others = offersCache.peek(service)?.value.offers ?? (await offersFor(service)).offers;
    return [...fresh, ...others.filter((o) => o.providerId !== providerId)];
  }

  return {
    balanceAt,
    offersFor,
    peekOffers,
    refreshedOffers,
    servicesList: servicesLister(allProviders),
    /** The providers the service's offers still wait for (the popup says so early). */
    waitingFor: (service: string) => progress.waitingFor(service),
    /** An order moved money and its service's stock: those are asked again, not the rest. */
    orderChanged(service: string) {
      offersCache.forget(service);
      balanceCache.clear();
    },
    /** An order moved money or ended: the next popup asks the provider for the balance again. */
    clearBalance: () => balanceCache.clear(),
  };
}
