import { createProviderCache, type ProviderSettings } from './registry.ts';
import type { Provider, ProviderId } from './types.ts';

export interface ProviderResolver {
  /** The provider an order was placed with (`id`), or the default one; null if not set up. */
  (id?: ProviderId): Promise<Provider | null>;
  /** Every configured provider, the default first. */
  all(): Promise<Provider[]>;
}

/** Settings with a key, at most one per provider family (the first wins). */
export function usableSettings(list: readonly ProviderSettings[]): ProviderSettings[] {
  const seen = new Set<ProviderId>();
  return list.filter((s) => {
    if (!s.apiKey || seen.has(s.providerId)) return false;
    seen.add(s.providerId);
    return true;
  });
}

/** The providers the user has set up, as the background sees them. */
export function createProviderResolver(
  loadSettings: () => Promise<readonly ProviderSettings[]>,
  now: () => number = Date.now,
): ProviderResolver {
  const providers = createProviderCache(now);
  const all = async () => usableSettings(await loadSettings()).map(providers);
  const resolve = async (id?: ProviderId) => {
    const list = await all();
    return (id ? list.find((p) => p.id === id) : list[0]) ?? null;
  };
  return Object.assign(resolve, { all });
}
