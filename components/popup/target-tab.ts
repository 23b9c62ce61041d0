import browser from 'webextension-polyfill';

/**
 * The tab the popup acts on: the active tab of its window. A test build also accepts
 * `?tab=<id>`, because a test opens the popup as a page and cannot click the toolbar button.
 */
export async function targetTabId(location: Location = window.location): Promise<number | null> {
  if (import.meta.env.MODE === 'test') {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
