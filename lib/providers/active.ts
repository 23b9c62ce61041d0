import { createProviderCache, type ProviderSettings } from './registry.ts';
import type { Provider, ProviderId } from './types.ts';

export interface ProviderResolver {
  /**
   * The provider an order was placed with (`id`), or the default one; null if not set up.
   * With `orderId`, the settings (key, address) that order first ran with, even after the user
   * edited or removed that provider: an open order is polled and cancelled with its own key.
   */
  (id?: ProviderId, orderId?: string): Promise<Provider | null>;
  /** Every configured provider, the default first. */
  all(): Promise<Provider[]>;
}

/** Which settings each order runs with (kept while the order may still call its provider). */
export interface ProviderPins {
  get(orderId: string): Promise<ProviderSettings | null>;
  set(orderId: string, settings: ProviderSettings): Promise<void>;
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

/** Replaces the family's settings where they were (keeping the default first), or appends. */
export function upsert(list: readonly ProviderSettings[], s: ProviderSettings): ProviderSettings[] {
  const at = list.findIndex((p) => p.providerId === s.providerId);
  return at === -1 ? [...list, s] : list.map((p, i) => (i === at ? s : p));
}

/** The providers the user has set up, as the background sees them. */
export function createProviderResolver(
  loadSettings: () => Promise<readonly ProviderSettings[]>,
  now: () => number = Date.now,
  pins?: ProviderPins,
): ProviderResolver {
  const providers = createProviderCache(now);
  const all = async () => usableSettings(await loadSettings()).map(providers);
  const resolve = async (id?: ProviderId, orderId?: string) => {
    const pinned = orderId && pins ? await pins.get(orderId) : null;
    if (pinned && (!id || pinned.providerId === id)) return providers(pinned);
    const list = usableSettings(await loadSettings());
    const settings = id ? list.find((s) => s.providerId === id) : list[0];
    if (!settings) return null;
    // The first call for an order is the one that places it: its settings stay with it.
    if (orderId && pins) await pins.set(orderId, settings);
    return providers(settings);
  };
  return Object.assign(resolve, { all });
}
