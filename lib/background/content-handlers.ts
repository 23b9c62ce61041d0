import type { ContentProtocol, Handlers, HelloReply } from '../messaging.ts';
import { ownTabFit } from '../orders/binding.ts';
import { boundCodeHost } from '../orders/code-host.ts';
import type { Order } from '../orders/types.ts';
import { readPreferences, rememberPhoneFormat, siteFieldsItem } from '../storage.ts';
import type { HandlerContext } from './page-handlers.ts';
import { wantsPage } from '../orders/queries.ts';
import { withdrawnNumbers } from './tabs.ts';

/** The page a content script runs in, as the browser reports its sender (never the message). */
export interface ContentPage {
  tabId: number;
  url: string;
}

/** Messages from a content script: it may only learn about, and report on, its own tab's order. */
export function createContentHandlers(
  ctx: HandlerContext,
): Handlers<ContentProtocol, [ContentPage]> {
  const { engine, scheduler } = ctx;

  /** Open orders of a tab, and ended ones whose code still waits to be filled. */
  async function tabOrders(tabId: number): Promise<Order[]> {
    const now = Date.now();
    return (await engine.allOrders()).filter((o) => o.site.tabId === tabId && wantsPage(o, now));
  }

  /**
   * The tab's orders this page may fill: on an origin the order is bound to, or one more host
   * of its site its own tab went on to during the signup (recorded, so it stays bound).
   */
  async function pageOrders({ tabId, url }: ContentPage): Promise<Order[]> {
    const fitting: Order[] = [];
    for (const order of await tabOrders(tabId)) {
      const fit = ownTabFit(order, url, ctx.binding);
      if (!fit) continue;
      if (fit.kind === 'follow')
        await engine.apply(order.id, { type: 'follow', origin: fit.origin });
      fitting.push(order);
    }
    return fitting;
  }

  /** The page's order, if this page is one of its own; null otherwise. */
  async function own(page: ContentPage, orderId: string): Promise<Order | null> {
    return (await pageOrders(page)).find((o) => o.id === orderId) ?? null;
  }

  return {
    'content.hello': async (_msg, page) => hello(ctx, page, await pageOrders(page)),
    'content.filled': async (msg, page) => {
      const order = await own(page, msg.orderId);
      if (!order) return null;
      await engine.apply(msg.orderId, { type: 'filled', what: msg.what });
      if (msg.phoneFormat) await rememberPhoneFormat(order.site.domain, msg.phoneFormat);
      return true;
    },
    'content.codeFieldVisible': async (msg, page) => {
      if (!(await own(page, msg.orderId))) return null;
      scheduler.codeFieldVisible(msg.orderId);
      return true;
    },
    'content.rejected': async (msg, page) => {
      if (!(await own(page, msg.orderId))) return null;
      await engine.apply(msg.orderId, { type: 'rejected', text: msg.text });
      return true;
    },
    // The page's own reading of its country selector: about the tab, not about an order.
    'content.siteCountries': async (msg, { tabId, url }) => {
      await ctx.siteCountries.report(tabId, url, msg.countries);
      return true;
    },
  };
}

/** What the page may fill now: its newest order's number, and its code where it is bound. */
async function hello(
  { engine, binding }: HandlerContext,
  { tabId, url }: ContentPage,
  mine: Order[],
): Promise<HelloReply> {
  const order = mine.sort((a, b) => b.createdAt - a.createdAt)[0];
  // A code bound to another host by its SMS (`@host #code`) never reaches this page.
  const codeHost = order ? boundCodeHost(order) : null;
  const allowed = codeHost === null || codeHost === new URL(url).hostname.toLowerCase();
  const hasCode = order?.state === 'received' || order?.state === 'completed';
  // The options' auto-fill switches: off, the page gets nothing filled (the popup shows it).
  const { autoFillPhone, autoFillCode } = await readPreferences();
  // "Fill again" in the popup is the user asking by hand: it fills whatever the switches say.
  const byHand = !!order?.fillAsked;
  return {
    orderId: order?.id ?? null,
    phone: order?.phone ?? null,
    code: hasCode && allowed ? order.code : null,
    fillPhone: (autoFillPhone || byHand) && !!order?.phone && !order.phoneFilled,
    fillCode: (autoFillCode || byHand) && allowed && !!order?.code && !order.codeFilled,
    codeHost,
    fields: order ? ((await siteFieldsItem.getValue())[order.site.domain] ?? null) : null,
    withdrawn: withdrawnNumbers(await engine.allOrders(), { tabId, url }, order, binding),
    focusSubmit: !!order?.previousOrderId,
  };
}
