import { warn } from '../redact.ts';
import type { Browser } from 'webextension-polyfill';
import type { BackgroundToContent } from '../messaging.ts';
import { sendToTab } from './send-to-tab.ts';
import type { Engine } from '../orders/engine.ts';
import { bindingRules, ownTabFit, pageBound, type BindingRules } from '../orders/binding.ts';
import { numberWithdrawn, wantsPage } from '../orders/queries.ts';
import type { Order } from '../orders/types.ts';
import { sameSite } from '../services/detect.ts';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Asks the tab's fill script to check in (it then pulls what it may fill, see content.hello),
 * or with `bg.readCountries` only to read its country selector again. Injects the script first
 * when the page has none (a fresh page, a reload); a script starting does both.
 */
export async function pokeTab(
  browser: Browser,
  tabId: number,
  message: Extract<BackgroundToContent, { type: 'bg.poke' | 'bg.readCountries' }> = {
    type: 'bg.poke',
  },
): Promise<boolean> {
  try {
    await sendToTab(browser, tabId, message);
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
    warn(`could not reach tab ${tabId}`, e);
    return false;
  }
}

/**
 * Whether the tab still exists and shows the site that ordered. A tab whose address we may
 * not read (no host permission) counts as showing it: we cannot tell, so we leave it be.
 */
export async function tabShowsSite(
  browser: Browser,
  tabId: number,
  isSite: (url: string) => boolean,
): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    return !tab.url || isSite(tab.url);
  } catch {
    return false;
  }
}

/** Another open tab on the site, for an order whose own tab is gone (a browser restart). */
export async function findSiteTab(
  browser: Browser,
  isSite: (url: string) => boolean,
): Promise<number | null> {
  try {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.id !== undefined && !!t.url && isSite(t.url))?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Numbers a page was given that are no longer ours: refunded orders of its tab, bound to the
 * page, whose number was filled; never the current order's number. The page takes them out.
 */
export function withdrawnNumbers(
  orders: readonly Order[],
  page: { tabId: number; url: string },
  current: Order | undefined,
  binding: BindingRules,
  now = Date.now(),
): string[] {
  return orders
    .filter(
      (o) =>
        o.site.tabId === page.tabId &&
        o.phone !== current?.phone &&
        numberWithdrawn(o, now) &&
        ownTabFit(o, page.url, binding) !== null,
    )
    .flatMap((o) => (o.phone ? [o.phone] : []))
    .slice(0, 10);
}

/**
 * A page of an order's site finished loading in another tab while the order's own tab is gone
 * (the browser was closed mid-order and the user opens the signup page again): that tab takes
 * the order over, and gets the phone and the code filled.
 */
export async function adoptTab(
  deps: { browser: Browser; engine: Engine; now: () => number; binding?: BindingRules },
  tabId: number,
  url: string,
): Promise<void> {
  const binding = deps.binding ?? bindingRules();
  for (const order of await deps.engine.allOrders()) {
    if (order.site.tabId === tabId || !wantsPage(order, deps.now())) continue;
    const isSite = (u: string) => sameSite(u, order.site.domain);
    // Another tab takes the order over only on an origin the order is bound to.
    if (!pageBound(order, url, binding)) continue;
    if (await tabShowsSite(deps.browser, order.site.tabId, isSite)) continue;
    await deps.engine.apply(order.id, { type: 'rebind', tabId });
    await pokeTab(deps.browser, tabId);
  }
}

/**
 * A worker killed between storing a transition and running its effects loses those effects:
 * on start-up, poke the tab of every order whose phone or code is known but not yet filled
 * (the page fills only what the background says is unfilled, so a second poke is harmless).
 */
export async function resumeFills(
  deps: { browser: Browser; engine: Engine; now: () => number },
  fill: (order: Order, what: 'fillPhone' | 'fillCode') => Promise<void>,
): Promise<void> {
  for (const order of await deps.engine.allOrders()) {
    if (!wantsPage(order, deps.now())) continue;
    if (order.code !== null && !order.codeFilled) await fill(order, 'fillCode');
    else if (order.state === 'waiting' && order.phone !== null && !order.phoneFilled) {
      await fill(order, 'fillPhone');
    }
  }
}
