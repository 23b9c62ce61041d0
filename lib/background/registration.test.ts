import { discordOrder } from '../../tests/support/orders.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Scripting } from 'webextension-polyfill';
import type { Order, OrderState } from '../orders/types.ts';
import { siteAccessItem } from '../storage.ts';
import {
  ACCESS_ALARM,
  noteReach,
  orderTabLoaded,
  siteAccessGranted,
  syncSiteAccess,
  type AccessBrowser,
  type AccessDeps,
} from './registration.ts';
import { SCRIPT_ID_PREFIX } from './site-plan.ts';

const NOW = 1_700_000_000_000;
const DISCORD = ['https://*.discord.com/*'];

function order(id: string, state: OrderState, extra: Partial<Order> = {}): Order {
  const base = discordOrder(NOW - 60_000, {
    id,
    site: { tabId: 7, origin: 'https://discord.com', domain: 'discord.com' },
  });
  return { ...base, state, ...extra };
}

/** The browser as far as site access goes: registrations, granted patterns, alarms. */
function fakeAccess(granted: string[] = []) {
  const scripts = new Map<string, Scripting.RegisteredContentScript>();
  const origins = new Set(granted);
  const alarms = new Map<string, number | undefined>();
  const removed: string[][] = [];
  const browser: AccessBrowser = {
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async (filter) => {
        for (const id of filter?.ids ?? []) {
          if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      },
    },
    permissions: {
      contains: async (p) => (p.origins ?? []).every((o) => origins.has(o)),
      remove: async (p) => {
        removed.push(p.origins ?? []);
        (p.origins ?? []).forEach((o) => origins.delete(o));
        return true;
      },
    },
    alarms: {
      create: async (name, info) => void alarms.set(name, info.when),
      clear: async (name) => alarms.delete(name),
    },
  };
  return { browser, scripts, origins, alarms, removed };
}

function deps(fake: ReturnType<typeof fakeAccess>, orders: Order[], reachable = true) {
  const poked: number[] = [];
  const d: AccessDeps = {
    browser: fake.browser,
    orders: async () => orders,
    now: () => NOW,
    poke: async (tabId) => {
      poked.push(tabId);
      return reachable;
    },
  };
  return { d, poked };
}

describe('syncSiteAccess', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers the fill script for an open order’s site the user gave access to', async () => {
    const fake = fakeAccess(DISCORD);
    await syncSiteAccess(deps(fake, [order('a', 'waiting')]).d);
    expect([...fake.scripts.values()]).toEqual([
      {
        id: `${SCRIPT_ID_PREFIX}discord.com`,
        matches: DISCORD,
        js: ['content-scripts/content.js'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    // A second sync changes nothing (no duplicate id error).
    await syncSiteAccess(deps(fake, [order('a', 'waiting')]).d);
    expect(fake.scripts.size).toBe(1);
  });

  it('registers nothing without access, and unregisters when the order ends', async () => {
    const none = fakeAccess();
    await syncSiteAccess(deps(none, [order('a', 'waiting')]).d);
    expect(none.scripts.size).toBe(0);

    const fake = fakeAccess(DISCORD);
    await syncSiteAccess(deps(fake, [order('a', 'waiting')]).d);
    const done = order('a', 'completed', { code: '1', codeFilled: true, endedAt: NOW });
    await syncSiteAccess(deps(fake, [done]).d);
    expect(fake.scripts.size).toBe(0);
  });

  it('removes stale registrations left from an earlier session', async () => {
    const fake = fakeAccess(DISCORD);
    fake.scripts.set(`${SCRIPT_ID_PREFIX}old.example`, {
      id: `${SCRIPT_ID_PREFIX}old.example`,
      matches: ['https://*.old.example/*'],
      js: ['content-scripts/content.js'],
    });
    await syncSiteAccess(deps(fake, []).d);
    expect(fake.scripts.size).toBe(0);
  });

  it('gives back access granted through the ask once no order wants the site', async () => {
    const fake = fakeAccess([...DISCORD, 'https://api.codasms.com/*']);
    await siteAccessItem.setValue({ asked: {}, granted: { 'discord.com': DISCORD } });
    await syncSiteAccess(deps(fake, [order('a', 'waiting')]).d);
    expect(fake.removed).toEqual([]);
    await syncSiteAccess(deps(fake, [order('a', 'refunded', { endedAt: NOW })]).d);
    expect(fake.removed).toEqual([DISCORD]);
    expect([...fake.origins]).toEqual(['https://api.codasms.com/*']);
    expect(await siteAccessItem.getValue()).toEqual({ asked: {}, granted: {} });
  });

  it('wakes up when a left-over code stops being offered, and not otherwise', async () => {
    const fake = fakeAccess(DISCORD);
    const leftOver = order('a', 'completed', { code: '1', endedAt: NOW - 1_000 });
    await syncSiteAccess(deps(fake, [leftOver]).d);
    expect(fake.alarms.get(ACCESS_ALARM)).toBeGreaterThan(NOW);
    await syncSiteAccess(deps(fake, [order('b', 'waiting')]).d);
    expect(fake.alarms.has(ACCESS_ALARM)).toBe(false);
  });
});

describe('asking for a site the background cannot reach', () => {
  beforeEach(() => fakeBrowser.reset());

  it('marks the site when its tab is out of reach and the site is not allowed', async () => {
    const fake = fakeAccess();
    await noteReach(fake.browser, order('a', 'waiting'), false, NOW);
    expect(await siteAccessItem.getValue()).toEqual({
      asked: { 'discord.com': { patterns: DISCORD, at: NOW } },
      granted: {},
    });
    // Reached later (the popup opened there, activeTab again): no need to ask any more.
    await noteReach(fake.browser, order('a', 'waiting'), true, NOW);
    expect((await siteAccessItem.getValue()).asked).toEqual({});
  });

  it('does not ask for a site already allowed (the tab is elsewhere, not a permission matter)', async () => {
    await noteReach(fakeAccess(DISCORD).browser, order('a', 'waiting'), false, NOW);
    expect((await siteAccessItem.getValue()).asked).toEqual({});
  });

  it('forgets the ask when the order ends', async () => {
    const fake = fakeAccess();
    await noteReach(fake.browser, order('a', 'waiting'), false, NOW);
    await syncSiteAccess(deps(fake, [order('a', 'refunded', { endedAt: NOW })]).d);
    expect((await siteAccessItem.getValue()).asked).toEqual({});
  });

  it('a page loaded in the order’s tab without access is poked; unreachable, it is asked', async () => {
    const fake = fakeAccess();
    const { d, poked } = deps(fake, [order('a', 'waiting')], false);
    // No address: the tab shows a page we may not read (activeTab gone).
    await orderTabLoaded(d, 7);
    expect(poked).toEqual([7]);
    expect(Object.keys((await siteAccessItem.getValue()).asked)).toEqual(['discord.com']);
    // Another tab, or the order's tab on another site we can read: nothing.
    await orderTabLoaded(d, 8);
    await orderTabLoaded(d, 7, 'https://google.com/');
    expect(poked).toEqual([7]);
  });

  it('a page loaded in the order’s tab on an allowed site is left to the registered script', async () => {
    const { d, poked } = deps(fakeAccess(DISCORD), [order('a', 'waiting')]);
    await orderTabLoaded(d, 7, 'https://accounts.discord.com/verify');
    expect(poked).toEqual([]);
  });

  it('access granted: the ask becomes ours to give back, the script is registered, the tab poked', async () => {
    const fake = fakeAccess();
    const { d, poked } = deps(fake, [order('a', 'waiting')]);
    await noteReach(fake.browser, order('a', 'waiting'), false, NOW);
    // Not granted yet (the user closed the prompt): nothing happens.
    expect(await siteAccessGranted(d)).toEqual([]);
    DISCORD.forEach((o) => fake.origins.add(o));
    expect(await siteAccessGranted(d)).toEqual(['discord.com']);
    expect(await siteAccessItem.getValue()).toEqual({
      asked: {},
      granted: { 'discord.com': DISCORD },
    });
    expect([...fake.scripts.keys()]).toEqual([`${SCRIPT_ID_PREFIX}discord.com`]);
    expect(poked).toEqual([7]);
    // The popup's message and the browser's onAdded may both arrive: the second is a no-op.
    expect(await siteAccessGranted(d)).toEqual([]);
  });
});
