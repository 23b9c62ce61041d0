import { registrableDomain } from '../services/detect.ts';
import type { Order } from './types.ts';

/*
 * Site binding (SECURITY.md). An order fills only on the origin it was placed from: scheme,
 * host and port, exactly (so not on http:// of the site, another port or "host."). The
 * registrable domain is too wide a unit: the public suffix list does not split shared hosts
 * such as wordpress.com, so evil.wordpress.com shares a "site" with blog.wordpress.com. The
 * order follows to another host of its registrable domain only where its own tab went during
 * the signup (www. -> accounts.), and otherwise only where the user fills by hand.
 * Kept apart from code-host.ts, which the popup reads: this module pulls in the public suffix
 * list (lib/services/public-suffix.ts), which the popup bundle must not carry.
 */

export interface BindingRules {
  /** The test build: http on loopback hosts (the sandbox's demo site) counts as secure. */
  httpLoopback: boolean;
}

export const bindingRules = (mode: string = import.meta.env.MODE): BindingRules => ({
  httpLoopback: mode === 'test',
});

const LOOPBACK = /^(?:localhost|[^.]+(?:\.[^.]+)*\.localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The page's origin when we may fill there at all (https; http on loopback in the test build). */
export function fillableOrigin(url: string, rules: BindingRules): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // "discord.com." is another origin that the suffix list would still file under discord.com.
  if (parsed.hostname.endsWith('.')) return null;
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && rules.httpLoopback && LOOPBACK.test(parsed.hostname)) {
    return parsed;
  }
  return null;
}

type Bound = Pick<Order, 'site'>;

/** Every origin the order is bound to: where it was placed, and where its tab followed. */
export function boundOrigins(order: Bound): string[] {
  return [order.site.origin, ...(order.site.followed ?? [])];
}

/** A page in any tab: only an origin the order is bound to (adopting a tab, a rebind). */
export function pageBound(order: Bound, url: string, rules: BindingRules): boolean {
  const page = fillableOrigin(url, rules);
  return !!page && boundOrigins(order).includes(page.origin);
}

function sameDomainSameSchemeAndPort(order: Bound, page: URL): boolean {
  let placed: URL;
  try {
    placed = new URL(order.site.origin);
  } catch {
    return false;
  }
  return (
    page.protocol === placed.protocol &&
    page.port === placed.port &&
    registrableDomain(page.hostname) === order.site.domain
  );
}

/**
 * A page in the order's own tab: `bound`, or `follow` when the tab went on to another host of
 * the same registrable domain, scheme and port (the caller records it), else null.
 */
export function ownTabFit(
  order: Bound,
  url: string,
  rules: BindingRules,
): { kind: 'bound' } | { kind: 'follow'; origin: string } | null {
  const page = fillableOrigin(url, rules);
  if (!page) return null;
  if (boundOrigins(order).includes(page.origin)) return { kind: 'bound' };
  return sameDomainSameSchemeAndPort(order, page) ? { kind: 'follow', origin: page.origin } : null;
}

/** The user's own manual fill: any host of the registrable domain, on a fillable scheme. */
export function manualFits(order: Bound, url: string, rules: BindingRules): boolean {
  const page = fillableOrigin(url, rules);
  return !!page && registrableDomain(page.hostname) === order.site.domain;
}
