import type { Order, OrderSite } from '../orders/types.ts';
import type { SiteAccessState } from '../storage.ts';
import { pageWantedUntil, wantsPage } from '../orders/queries.ts';

// Pure planning for least privilege (issue #7): which sites get the fill script registered,
// which registrations go, and which site permissions we asked for may be given back. No
// browser API here; lib/background/registration.ts carries the plan out.

/** Our dynamic content scripts are named `<prefix><registrable domain>`. */
export const SCRIPT_ID_PREFIX = 'fill-site:';

/**
 * The match patterns one order's site needs: every page of its registrable domain, on the
 * scheme it was ordered from (`https://*.example.com/*` also matches example.com itself), so
 * a signup on example.com whose code step is on accounts.example.com is covered. Null for a
 * site no pattern can describe (not http(s)).
 */
export function sitePatterns(site: Pick<OrderSite, 'origin' | 'domain'>): string[] | null {
  let scheme: string;
  try {
    scheme = new URL(site.origin).protocol.replace(/:$/, '');
  } catch {
    return null;
  }
  if (scheme !== 'https' && scheme !== 'http') return null;
  const domain = site.domain.toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(domain) || domain.startsWith('.') || domain.endsWith('.')) return null;
  // A single-label host (localhost) has no subdomains of its own to speak of.
  return [domain.includes('.') ? `${scheme}://*.${domain}/*` : `${scheme}://${domain}/*`];
}

/** A site some order still wants to fill something into. */
export interface WantedSite {
  domain: string;
  patterns: string[];
  /**
   * When the site stops being wanted without any order changing (a code that was never filled
   * stops being offered after CODE_FILL_MS); null while an order of the site is open.
   */
  until: number | null;
}

/** The sites of every order that may still fill a page (see wantsPage), merged by domain. */
export function wantedSites(orders: readonly Order[], now: number): WantedSite[] {
  const byDomain = new Map<string, WantedSite>();
  for (const order of orders) {
    if (!wantsPage(order, now)) continue;
    const patterns = sitePatterns(order.site);
    if (!patterns) continue;
    const until = pageWantedUntil(order, now);
    const seen = byDomain.get(order.site.domain);
    if (!seen) {
      byDomain.set(order.site.domain, { domain: order.site.domain, patterns, until });
      continue;
    }
    seen.patterns = [...new Set([...seen.patterns, ...patterns])].sort();
    seen.until = seen.until === null || until === null ? null : Math.max(seen.until, until);
  }
  return [...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}

/** The earliest time a wanted site stops being wanted by the clock alone, or null. */
export function nextCheckAt(wanted: readonly WantedSite[]): number | null {
  const times = wanted.map((w) => w.until).filter((t): t is number => t !== null);
  return times.length > 0 ? Math.min(...times) : null;
}

/** A dynamic content script as far as the plan cares. */
export interface Registration {
  id: string;
  matches: string[];
}

export interface RegistrationPlan {
  register: Registration[];
  /** Ids of our registrations to remove (a changed one is removed, then registered again). */
  unregister: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Exactly one registration per wanted site we hold a host permission for, nothing else of
 * ours. Registrations that are not ours (no prefix) are left alone.
 */
export function planRegistrations(
  wanted: readonly WantedSite[],
  permitted: ReadonlySet<string>,
  registered: readonly Registration[],
): RegistrationPlan {
  const target = new Map(
    wanted
      .filter((w) => permitted.has(w.domain))
      .map((w) => [SCRIPT_ID_PREFIX + w.domain, w.patterns] as const),
  );
  const ours = registered.filter((r) => r.id.startsWith(SCRIPT_ID_PREFIX));
  const unregister = ours
    .filter((r) => {
      const want = target.get(r.id);
      return !want || !sameSet(want, r.matches);
    })
    .map((r) => r.id);
  const keep = new Set(ours.map((r) => r.id).filter((id) => !unregister.includes(id)));
  const register = [...target]
    .filter(([id]) => !keep.has(id))
    .map(([id, matches]) => ({ id, matches: [...matches] }));
  return { register, unregister };
}

export interface AccessPlan {
  state: SiteAccessState;
  /** Permission patterns to give back (one list per site). */
  revoke: string[][];
  changed: boolean;
}

/** Forgets asks and gives back grants of sites no order wants any more. */
export function planAccess(wanted: readonly WantedSite[], state: SiteAccessState): AccessPlan {
  const live = new Set(wanted.map((w) => w.domain));
  const asked = Object.fromEntries(Object.entries(state.asked).filter(([d]) => live.has(d)));
  const granted = Object.fromEntries(Object.entries(state.granted).filter(([d]) => live.has(d)));
  const revoke = Object.entries(state.granted)
    .filter(([d]) => !live.has(d))
    .map(([, patterns]) => patterns);
  const changed =
    Object.keys(asked).length !== Object.keys(state.asked).length || revoke.length > 0;
  return { state: { asked, granted }, revoke, changed };
}

/** Marks a site as not reachable (or refreshes the mark); unchanged when already granted. */
export function markAsked(
  state: SiteAccessState,
  domain: string,
  patterns: string[],
  now: number,
): SiteAccessState {
  return { ...state, asked: { ...state.asked, [domain]: { patterns, at: now } } };
}

/** The asked sites now permitted move to `granted` (ours to give back later). */
export function settleGranted(state: SiteAccessState, permitted: ReadonlySet<string>) {
  const nowAllowed = Object.keys(state.asked).filter((d) => permitted.has(d));
  if (nowAllowed.length === 0) return { state, nowAllowed };
  const asked = { ...state.asked };
  const granted = { ...state.granted };
  for (const d of nowAllowed) {
    granted[d] = asked[d]?.patterns ?? [];
    delete asked[d];
  }
  return { state: { asked, granted }, nowAllowed };
}
