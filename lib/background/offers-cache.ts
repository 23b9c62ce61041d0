/**
 * Offers and balance change slowly; every popup open used to cost three provider requests
 * from the shared per-minute budget (and the popup's first paint waited for them). Keep each
 * service's answer briefly; an order clears its own service's (the stock moved).
 */
export function createOffersCache<T>(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: Promise<T>; settled?: T }>();
  // The last answer per service, kept through clear() and failed loads: shown as "updating"
  // while a fresh one is asked for (a provider limiting requests may take a while).
  const lastKnown = new Map<string, { at: number; value: T }>();
  return {
    get(service: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(service);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load();
      const entry: { at: number; value: Promise<T>; settled?: T } = { at: now(), value };
      entries.set(service, entry);
      value.then(
        (v) => {
          entry.settled = v;
          lastKnown.set(service, { at: entry.at, value: v });
        },
        // A failed load is not remembered: the next popup asks again.
        () => {
          if (entries.get(service) === entry) entries.delete(service);
        },
      );
      return value;
    },
    /**
     * A service's answer when one is in memory, fresh and loaded, with when it was asked for;
     * never loads. The popup's state reply carries it so cached offers paint at once.
     */
    peek(service: string): { at: number; value: T } | null {
      const hit = entries.get(service);
      if (!hit || hit.settled === undefined || now() - hit.at >= ttlMs) return null;
      return { at: hit.at, value: hit.settled };
    },
    /** The last answer for a service, however old, when not older than `maxAgeMs`. */
    peekLast(service: string, maxAgeMs: number): { at: number; value: T } | null {
      const last = lastKnown.get(service);
      return last && now() - last.at < maxAgeMs ? last : null;
    },
    clear() {
      entries.clear();
    },
    /** Forgets one service's answer (its last one stays known, as through clear()). */
    forget(service: string) {
      entries.delete(service);
    },
  };
}
