import { CATALOG, type CatalogService } from './catalog.ts';
import { domainOf } from './public-suffix.ts';

export interface SiteInfo {
  origin: string;
  /** Registrable domain, e.g. discord.com for canary.discord.com. */
  domain: string;
  service: CatalogService | null;
}

/**
 * The site behind a tab URL and the service it belongs to. A demo host `<name>.localhost`
 * stands for the service with a domain `<name>.<tld>`, its main domain first (discord.localhost ->
 * discord.com, telegram.localhost -> telegram.org, twitter.localhost -> twitter.com), so the
 * local demo site detects like the real one.
 */
export function detectSite(url: string): SiteInfo | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase();
  const domain = registrableDomain(host);
  if (!domain) return null;
  const demo = /^([a-z0-9-]+)\.localhost$/.exec(domain)?.[1];
  const label = (d: string | undefined) => d?.split('.')[0];
  const service =
    (demo
      ? // The main domain first (x.localhost -> x.com), then aliases (twitter.localhost).
        (CATALOG.find((s) => label(s.domains[0]) === demo) ??
        CATALOG.find((s) => s.domains.some((d) => label(d) === demo)))
      : CATALOG.find((s) => s.domains.includes(domain))) ?? null;
  return { origin: parsed.origin, domain, service };
}

export function registrableDomain(host: string): string | null {
  if (host === 'localhost' || host.endsWith('.localhost')) {
    // The list has no rule for localhost: keep the first label under it.
    const labels = host.split('.');
    return labels.length >= 2 ? labels.slice(-2).join('.') : host;
  }
  return domainOf(host) ?? (host.includes('.') ? null : host);
}

/** True when a page at `url` belongs to the same registrable domain as `domain`. */
export function sameSite(url: string, domain: string): boolean {
  try {
    return registrableDomain(new URL(url).hostname.toLowerCase()) === domain;
  } catch {
    return false;
  }
}
