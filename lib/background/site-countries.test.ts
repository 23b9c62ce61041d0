import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'webextension-polyfill';
import { siteCountriesItem } from '../storage.ts';
import { createHandlers } from './handlers.ts';
import { createSiteCountries, pageKey } from './site-countries.ts';

const PAGE = 'https://bank.example/signup?step=1#phone';
const browser = fakeBrowser as unknown as Browser;

describe('the countries a tab’s page offers, kept for the popup', () => {
  let t = 1_000;
  let pokes: number[] = [];
  const make = () =>
    createSiteCountries({
      browser,
      now: () => t,
      poke: async (tabId) => void pokes.push(tabId),
    });

  beforeEach(() => {
    fakeBrowser.reset();
    t = 1_000;
    pokes = [];
  });

  it('asks the page once when the popup opens, says it is reading, then shows the answer', async () => {
    const sites = make();
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: null, reading: true });
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: null, reading: true });
    expect(pokes).toEqual([5]);
    await sites.report(5, PAGE, ['DE', 'GB']);
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: ['DE', 'GB'], reading: false });
    expect(pokes).toEqual([5]);
  });

  it('survives a stopped worker (session storage), and is for that page only', async () => {
    await make().report(5, PAGE, ['DE']);
    const fresh = make();
    expect(await fresh.forPopup(5, 'https://bank.example/signup')).toEqual({
      countries: ['DE'],
      reading: false,
    });
    expect(pokes).toEqual([]);
    // Another page in the same tab is read afresh; the old list is not shown for it.
    expect(await fresh.forPopup(5, 'https://bank.example/other')).toEqual({
      countries: null,
      reading: true,
    });
    expect(await fresh.forPopup(6, PAGE)).toMatchObject({ countries: null });
  });

  it('gives up on a page that does not answer, and asks again much later', async () => {
    const sites = make();
    await sites.forPopup(5, PAGE);
    t += 2_000;
    await sites.forPopup(5, PAGE);
    t += 2_000;
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: null, reading: false });
    expect(pokes).toEqual([5, 5]);
    t += 10_000;
    await sites.forPopup(5, PAGE);
    expect(pokes).toEqual([5, 5, 5]);
  });

  it('reads a page again once its answer is old (a selector a later step shows)', async () => {
    const sites = make();
    await sites.report(5, PAGE, null);
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: null, reading: false });
    t += 10_000;
    expect(await sites.forPopup(5, PAGE)).toEqual({ countries: null, reading: false });
    expect(pokes).toEqual([5]);
  });

  it('keys a reading by origin and path; no page for other schemes', () => {
    expect(pageKey(PAGE)).toBe('https://bank.example/signup');
    expect(pageKey('chrome://extensions/')).toBeNull();
    expect(pageKey('not a url')).toBeNull();
  });
});

describe('a content script reporting its page’s countries', () => {
  beforeEach(() => fakeBrowser.reset());
  const handlers = () =>
    createHandlers({
      browser,
      // The report touches no order: none of these is reached.
      engine: {} as never,
      scheduler: {} as never,
      provider: {} as never,
    });
  const report = { type: 'content.siteCountries', countries: ['GB'] };

  it('is kept for its own tab from the top frame only', async () => {
    const h = handlers();
    expect(await h.onContent(report, { tab: { id: 5 } as never, url: PAGE, frameId: 3 })).toBe(
      null,
    );
    expect(await siteCountriesItem.getValue()).toEqual({});
    expect(await h.onContent(report, { tab: { id: 5 } as never, url: PAGE, frameId: 0 })).toBe(
      true,
    );
    expect((await siteCountriesItem.getValue())['5']).toMatchObject({ countries: ['GB'] });
  });

  it('drops a malformed list', async () => {
    const h = handlers();
    const sender = { tab: { id: 5 } as never, url: PAGE, frameId: 0 };
    for (const countries of [['gb'], ['GBR'], 'GB', Array(301).fill('GB')]) {
      expect(await h.onContent({ ...report, countries }, sender)).toBe(null);
    }
    expect(await siteCountriesItem.getValue()).toEqual({});
  });
});
