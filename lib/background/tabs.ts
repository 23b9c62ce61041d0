import type { Browser } from 'webextension-polyfill';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Asks the tab's fill script to check in (it then pulls what it may fill, see content.hello).
 * Injects the script first when the page has none (a fresh page, a reload).
 */
export async function pokeTab(browser: Browser, tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'bg.poke' }, { frameId: 0 });
    return true;
  } catch {
    // No listener in the page yet.
  }
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [CONTENT_SCRIPT_FILE],
    });
    return true;
  } catch (e) {
    console.warn(`could not reach tab ${tabId}`, e);
    return false;
  }
}
