import type { Browser, Permissions, Scripting } from 'webextension-polyfill';
import type { Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import { sameSite } from '../services/detect.ts';
import { siteAccessItem } from '../storage.ts';
import {
  markAsked,
  nextCheckAt,
  planAccess,
  planRegistrations,
  settleGranted,
  sitePatterns,
  wantedSites,
  type WantedSite,
} from './site-plan.ts';
import { wantsPage } from '../orders/queries.ts';
import { CONTENT_SCRIPT_FILE, pokeTab } from './tabs.ts';

// Least privilege (issue #7). The fill script is registered as a content script only for the
// sites of orders that still want a page, and only where the user gave the extension access to
// that site; everything else gets nothing injected. When the background cannot reach an
// order's tab (activeTab gone after the page changed, no access to the site), the site is
// marked and the popup asks for it (components/popup/SiteAccess.tsx); access granted that way
// is given back when no order wants the site any more.
//
// Chrome MV3 and Firefox MV2 (>= 102, the manifest asks for 115) both have
// scripting.registerContentScripts, so one code path serves both.

/** What of the browser this module uses, so tests can hand in a small fake. */
export interface AccessBrowser {
  scripting: Pick<
    Scripting.Static,
    'registerContentScripts' | 'getRegisteredContentScripts' | 'unregisterContentScripts'
  >;
  permissions: Pick<Permissions.Static, 'contains' | 'remove'>;
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    clear(name: string): Promise<boolean>;
  };
}

export interface AccessDeps {
  browser: AccessBrowser;
  orders(): Promise<Order[]>;
  now(): number;
  /** Gets the fill script into a tab (pokeTab); false when the tab cannot be reached. */
  poke(tabId: number): Promise<boolean>;
}

/** The real thing, for the worker and its message handlers. */
export function accessDeps(
  browser: Browser,
  orders: () => Promise<Order[]>,
  now: () => number,
): AccessDeps {
  return { browser, orders, now, poke: (tabId) => pokeTab(browser, tabId) };
}

/** Wakes the worker when a code left unfilled stops being offered, to drop its site. */
export const ACCESS_ALARM = 'site-access';

const SCRIPT_FILE = CONTENT_SCRIPT_FILE.replace(/^\//, '');

async function holds(browser: AccessBrowser, origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    // A pattern the manifest cannot ask for (plain http outside loopback): not held.
    return false;
  }
}

async function permittedDomains(browser: AccessBrowser, wanted: readonly WantedSite[]) {
  const permitted = new Set<string>();
  for (const w of wanted) if (await holds(browser, w.patterns)) permitted.add(w.domain);
  return permitted;
}

/**
 * Makes the registered fill scripts, the remembered asks and the granted site access match
 * the orders: run at start-up (registrations outlive the worker and the browser session) and
 * after every order change.
 */
export async function syncSiteAccess(deps: AccessDeps): Promise<void> {
  const { browser } = deps;
  const now = deps.now();
  const wanted = wantedSites(await deps.orders(), now);
  const permitted = await permittedDomains(browser, wanted);
  const registered = await browser.scripting.getRegisteredContentScripts();
  const plan = planRegistrations(
    wanted,
    permitted,
    registered.map((r) => ({ id: r.id, matches: r.matches ?? [] })),
  );
  if (plan.unregister.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  }
  if (plan.register.length > 0) {
    await browser.scripting.registerContentScripts(
      plan.register.map((r) => ({
        id: r.id,
        matches: r.matches,
        js: [SCRIPT_FILE],
        runAt: 'document_idle' as const,
        allFrames: false,
        persistAcrossSessions: true,
      })),
    );
  }

  const access = planAccess(wanted, await siteAccessItem.getValue());
  for (const origins of access.revoke) {
    // Only access granted through our own ask is given back; a required permission (a test
    // build's loopback hosts) cannot be removed, which is fine.
    await browser.permissions.remove({ origins }).catch((e) => warn('giving access back', e));
  }
  if (access.changed) await siteAccessItem.setValue(access.state);

  const at = nextCheckAt(wanted);
  if (at === null) await browser.alarms.clear(ACCESS_ALARM);
  else await browser.alarms.create(ACCESS_ALARM, { when: Math.max(at, now) + 1_000 });
}

/**
 * After a poke of an order's tab: a tab we reached needs no ask; one we could not reach, on a
 * site we hold no access to, is marked for the popup to ask about.
 */
export async function noteReach(
  browser: AccessBrowser,
  order: Order,
  reached: boolean,
  now: number,
): Promise<void> {
  const patterns = sitePatterns(order.site);
  if (!patterns) return;
  const state = await siteAccessItem.getValue();
  const asked = order.site.domain in state.asked;
  if (reached) {
    if (!asked) return;
    const rest = { ...state.asked };
    delete rest[order.site.domain];
    await siteAccessItem.setValue({ ...state, asked: rest });
    return;
  }
  // An order no longer wanting its page drops the mark at the next sync.
  if (await holds(browser, patterns)) return;
  await siteAccessItem.setValue(markAsked(state, order.site.domain, patterns, now));
}

/** Pokes an order's tab (see pokeTab) and remembers whether its site must be asked for. */
export async function pokeOrderTab(browser: Browser, order: Order, tabId: number) {
  const reached = await pokeTab(browser, tabId);
  await noteReach(browser, order, reached, Date.now()).catch((e) => warn('site access', e));
  return reached;
}

/**
 * The user allowed some asked sites (the popup's button, or the browser's own site-access
 * menu): those become ours to give back later, get the fill script registered, and the tabs
 * of their orders are poked so a page already open fills now. Returns the sites allowed.
 */
export async function siteAccessGranted(deps: AccessDeps): Promise<string[]> {
  const state = await siteAccessItem.getValue();
  const asked = Object.entries(state.asked);
  const permitted = new Set<string>();
  for (const [domain, { patterns }] of asked) {
    if (await holds(deps.browser, patterns)) permitted.add(domain);
  }
  const settled = settleGranted(state, permitted);
  if (settled.nowAllowed.length === 0) return [];
  await siteAccessItem.setValue(settled.state);
  await syncSiteAccess(deps);
  const now = deps.now();
  for (const order of await deps.orders()) {
    if (settled.nowAllowed.includes(order.site.domain) && wantsPage(order, now)) {
      await deps.poke(order.site.tabId);
    }
  }
  return settled.nowAllowed;
}

/**
 * A page finished loading in an order's own tab. Where the site is allowed, its registered
 * script is already running there. Otherwise the tab is poked: activeTab may still cover it
 * (Chrome keeps it for the same origin); if not, the site is marked for the popup to ask.
 * A tab whose address we can read and that left the site is not the order's business.
 */
export async function orderTabLoaded(deps: AccessDeps, tabId: number, url?: string) {
  const now = deps.now();
  for (const order of await deps.orders()) {
    if (order.site.tabId !== tabId || !wantsPage(order, now)) continue;
    if (url && !sameSite(url, order.site.domain)) continue;
    const patterns = sitePatterns(order.site);
    if (patterns && (await holds(deps.browser, patterns))) continue;
    await noteReach(deps.browser, order, await deps.poke(tabId), now);
  }
}

/** Runs `fn` once at a time; calls made meanwhile are folded into one more run. */
function coalesce(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = fn()
      .catch((e) => warn('site access sync failed', e))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  };
  return run;
}

/**
 * Wires site access into the worker. Its own listeners (permissions) are added synchronously
 * (MV3); the worker's one alarm and tab listeners call `onAlarm` and `tabLoaded`, the engine's
 * change hook calls `later`. Work waits for `ready` (the worker's clock). Syncs now, after
 * every order change a page cares about, when a permission comes or goes, and when a
 * left-over code stops being offered.
 */
export function startSiteAccess(opts: {
  browser: Browser;
  orders(): Promise<Order[]>;
  now(): number;
  ready: Promise<unknown>;
}) {
  const { browser, ready } = opts;
  const deps = accessDeps(browser, opts.orders, opts.now);
  const sync = coalesce(() => syncSiteAccess(deps));
  const later = () => void ready.then(sync);
  const log = (what: string) => (e: unknown) => warn(what, e);

  browser.permissions.onAdded.addListener(() => {
    void ready.then(() => siteAccessGranted(deps)).then(later, log('site access granted'));
  });
  browser.permissions.onRemoved.addListener(later);
  later();
  return {
    sync,
    later,
    /** A page finished loading in a tab (see orderTabLoaded). */
    tabLoaded(tabId: number, url?: string) {
      void ready.then(() => orderTabLoaded(deps, tabId, url)).catch(log('order tab loaded'));
    },
  };
}

export type SiteAccess = ReturnType<typeof startSiteAccess>;
