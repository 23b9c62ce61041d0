import { apiAddress, type ProviderSettings } from './catalog.ts';
import type { ProviderId } from './types.ts';

/**
 * Where the user adds money to this provider account: the provider's own site, where they log
 * in and pay. Derived from the API address (a sandbox or a self-hosted mirror is its own
 * site); an API host's `api.` label is dropped (api.codasms.com -> codasms.com). Null when the
 * address cannot be read.
 */
export function topUpUrl(settings: ProviderSettings): string | null {
  try {
    const url = new URL(apiAddress(settings));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    url.hostname = url.hostname.replace(/^api\.(?=[^.]+\.[^.]+)/, '');
    return url.origin;
  } catch {
    return null;
  }
}

/** Each configured provider's top-up page, by provider. */
export function topUpUrlsOf(
  settings: readonly ProviderSettings[],
): Partial<Record<ProviderId, string>> {
  return Object.fromEntries(
    settings.flatMap((s) => {
      const url = topUpUrl(s);
      return url ? [[s.providerId, url]] : [];
    }),
  );
}
