import type { Browser } from 'webextension-polyfill';
import type { SiteCountriesState } from '../messaging.ts';
import { siteCountriesItem, type PageCountries } from '../storage.ts';
import { pokeTab } from './tabs.ts';

// Site-aware offers (#19): the countries a tab's page offers in its phone country selector,
// as the tab's own content script read them (lib/fill/site-countries.ts), kept per tab for the
// popup. The popup opening is when the page is read: getState asks the tab (injecting the
// fill script under activeTab when it has none), and the script reports back.

/** A reading stands this long; then an open popup asks again (an SPA step may add a selector). */
const FRESH_MS = 10_000;
/** A page that has not answered is asked again after this long, at most MAX_TRIES times. */
const RETRY_MS = 2_000;
const MAX_TRIES = 2;
/** Readings kept: the most recent tabs'. */
const MAX_TABS = 50;

type Store = Pick<typeof siteCountriesItem, 'getValue' | 'setValue'>;

export interface SiteCountriesDeps {
  browser: Browser;
  now: () => number;
  item?: Store;
  /** Gets the tab's fill script to check in (default pokeTab). */
  poke?: (tabId: number) => Promise<unknown>;
}

/** The page a reading is for: a new path is another form; a query or hash is not. */
export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.origin}${u.pathname}` : null;
  } catch {
    return null;
  }
}

export function createSiteCountries(deps: SiteCountriesDeps) {
  const { now, item = siteCountriesItem } = deps;
  // Only a reading: an order's fill is not asked for again by opening the popup.
  const poke =
    deps.poke ?? ((tabId: number) => pokeTab(deps.browser, tabId, { type: 'bg.readCountries' }));
  /** Asks in flight per tab: which page, when last, how many times. Memory only. */
  const asked = new Map<number, { page: string; at: number; tries: number }>();
  // Where storage.session is missing (an old browser), the readings live in memory.
  let memory: Record<string, PageCountries> = {};

  const read = async (): Promise<Record<string, PageCountries>> => {
    try {
      return await item.getValue();
    } catch {
      return memory;
    }
  };
  const write = async (all: Record<string, PageCountries>): Promise<void> => {
    memory = all;
    try {
      await item.setValue(all);
    } catch {
      // Kept in memory.
    }
  };

  /** The tab's top frame read its page (the sender is checked by the caller). */
  async function report(tabId: number, url: string, countries: string[] | null): Promise<void> {
    const page = pageKey(url);
    if (!page) return;
    asked.delete(tabId);
    const all: Record<string, PageCountries> = { ...(await read()) };
    all[String(tabId)] = { page, countries, at: now() };
    const kept = Object.entries(all)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, MAX_TABS);
    await write(Object.fromEntries(kept));
  }

  /** What the popup shows for the tab now; asks the page (without waiting) when it must. */
  async function forPopup(tabId: number, url: string): Promise<SiteCountriesState> {
    const page = pageKey(url);
    if (!page) return { countries: null, reading: false };
    const entry = (await read())[String(tabId)];
    const known = entry?.page === page ? entry : null;
    const t = now();
    const last = asked.get(tabId);
    // Given up on a page that never answered: a popup opened much later tries it afresh.
    const pending = last?.page === page && t - last.at < FRESH_MS ? last : null;
    const stale = !known || t - known.at >= FRESH_MS;
    const due = !pending || (pending.tries < MAX_TRIES && t - pending.at >= RETRY_MS);
    if (stale && due) {
      asked.set(tabId, { page, at: t, tries: (pending?.tries ?? 0) + 1 });
      void poke(tabId).catch(() => undefined);
    }
    const waiting = asked.get(tabId);
    const reading = !known && !!waiting && (waiting.tries < MAX_TRIES || t - waiting.at < RETRY_MS);
    return { countries: known?.countries ?? null, reading };
  }

  /** The tab's last reading, when it was of a page `isSite` takes (the order's site). */
  async function lastReading(tabId: number, isSite: (url: string) => boolean) {
    const entry = (await read())[String(tabId)];
    return entry && isSite(entry.page) ? entry.countries : null;
  }

  return { report, forPopup, lastReading };
}
