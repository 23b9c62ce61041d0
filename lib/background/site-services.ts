import type { PopupSite } from '../messaging.ts';
import type { ServiceInfo } from '../providers/types.ts';
import type { SiteInfo } from '../services/detect.ts';
import { siteServicesItem, type SiteService } from '../storage.ts';

/** The site the popup shows: the user's own pick for the domain wins over detection. */
export function chooseService(
  site: SiteInfo,
  picks: Readonly<Record<string, SiteService>>,
): PopupSite {
  const pick = picks[site.domain];
  const detected = site.service ? { code: site.service.code, name: site.service.name } : null;
  return {
    origin: site.origin,
    domain: site.domain,
    service: pick ? { code: pick.code, name: pick.name } : detected,
    picked: !!pick,
  };
}

export async function siteChoice(site: SiteInfo): Promise<PopupSite> {
  return chooseService(site, await siteServicesItem.getValue());
}

/** Remembers (or, with null, forgets) the service the user picked for a registrable domain. */
export async function rememberSiteService(
  domain: string,
  service: SiteService | null,
): Promise<void> {
  const { [domain]: _previous, ...rest } = await siteServicesItem.getValue();
  await siteServicesItem.setValue(service ? { ...rest, [domain]: service } : rest);
}

/**
 * Several providers' service lists as one, by code (the shared SMS-Activate vocabulary): the
 * first provider's name for a code wins, sorted by name for people.
 */
export function mergeServices(lists: readonly (readonly ServiceInfo[])[]): ServiceInfo[] {
  const byCode = new Map<string, ServiceInfo>();
  for (const list of lists) {
    for (const s of list) if (!byCode.has(s.code)) byCode.set(s.code, s);
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
}
