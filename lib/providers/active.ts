import { createProviderCache, type ProviderSettings } from './registry.ts';
import type { Provider, ProviderId } from './types.ts';

export type ProviderResolver = (id?: ProviderId) => Promise<Provider | null>;

/**
 * The providers the user has set up, as the background sees them. `id` picks the provider
 * an existing order was placed with; without it, the default (first configured) provider.
 */
export function createProviderResolver(
  loadSettings: () => Promise<ProviderSettings | null>,
  now: () => number = Date.now,
): ProviderResolver {
  const providers = createProviderCache(now);
  return async (id) => {
    const settings = await loadSettings();
    if (!settings?.apiKey) return null;
    if (id && settings.providerId !== id) return null;
    return providers(settings);
  };
}
