import { t } from '@/lib/i18n.ts';
import type { ServiceInfo } from '@/lib/providers/types.ts';
import { fold } from './offer-order.ts';

/**
 * The services matching what the user typed, best first: a name that starts with the query,
 * then a word of the name that does, then the name containing it anywhere; the provider code
 * typed exactly ("ds") counts as a start. At most `limit`, since a provider lists ~700.
 */
export function searchServices(
  services: readonly ServiceInfo[],
  query: string,
  limit = 20,
): ServiceInfo[] {
  const q = fold(query);
  if (!q) return [];
  const rank = (s: ServiceInfo): number => {
    const name = fold(s.name);
    if (name.startsWith(q) || s.code.toLowerCase() === q) return 0;
    if (name.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) ? 2 : Infinity;
  };
  return services
    .map((s) => ({ s, r: rank(s) }))
    .filter((x) => x.r !== Infinity)
    .sort((a, b) => a.r - b.r || a.s.name.localeCompare(b.s.name))
    .slice(0, limit)
    .map((x) => x.s);
}

/** The provider's service for sites it does not list (SMS-Activate code `ot`). */
export const OTHER = 'ot';

/** A service's name as shown: the provider's, but "Other" in the interface language. */
export function serviceName(s: ServiceInfo): string {
  return s.code === OTHER ? t('popup.services.other') : s.name;
}
