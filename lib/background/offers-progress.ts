import { namedError, type Provider } from '../providers/types.ts';

/** A provider the popup's offers still wait for: since when, and whether it limits requests. */
export interface ProviderWait {
  provider: string;
  /** When the oldest request still open to it was sent (epoch ms). */
  since: number;
  /**
   * Until when the provider asked us to stop (its HTTP 429 or rate-limit reply, which pause
   * the key's rate budget); null when it did not.
   */
  limitedUntil: number | null;
}

type Watched = Pick<Provider, 'name' | 'budget'>;

/**
 * The offers and balance requests in flight per service, so the popup (which asks for its
 * state every second) can say early who it waits for, instead of a generic line after the
 * retries ran out.
 */
export function createOffersProgress(now: () => number = Date.now) {
  const pending = new Map<string, Set<{ provider: Watched; since: number }>>();
  /** Watches one request; its failure is named after the provider ("5sim is not answering"). */
  function track<T>(service: string, provider: Watched, work: Promise<T>): Promise<T> {
    const entry = { provider, since: now() };
    const set = pending.get(service) ?? new Set();
    pending.set(service, set.add(entry));
    const done = () => {
      set.delete(entry);
      if (set.size === 0 && pending.get(service) === set) pending.delete(service);
    };
    return work.then(
      (value) => {
        done();
        return value;
      },
      (e: unknown) => {
        done();
        throw namedError(e, provider.name);
      },
    );
  }
  return {
    track,
    /** `track` for one service's requests, in the shape offersAcross takes. */
    tracker(service: string) {
      return <T>(provider: Watched, work: Promise<T>) => track(service, provider, work);
    },
    waitingFor(service: string): ProviderWait[] {
      const byName = new Map<string, ProviderWait>();
      for (const { provider, since } of pending.get(service) ?? []) {
        const known = byName.get(provider.name);
        const until = provider.budget?.limitedUntil?.() ?? 0;
        byName.set(provider.name, {
          provider: provider.name,
          since: Math.min(since, known?.since ?? since),
          limitedUntil: until > now() ? until : null,
        });
      }
      return [...byName.values()];
    },
  };
}
