/**
 * Offers and balance change slowly; every popup open used to cost three provider requests
 * from the shared per-minute budget (and the popup's first paint waited for them). Keep each
 * service's answer briefly; anything that moves money clears it.
 */
export function createOffersCache<T>(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(service: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(service);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.set(service, { at: now(), value });
      // A failed load is not remembered: the next popup asks again.
      value.catch(() => entries.delete(service));
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
