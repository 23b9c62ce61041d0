/**
 * Manual fill decisions (context menu, keyboard shortcut), pure: which order's number or code
 * may go into a page, and which menu items make sense on a tab. The same site rules as the
 * automatic fill: the registrable domain that ordered, and the host an SMS binds its code to.
 */
import { bindingRules, manualFits, type BindingRules } from '../orders/binding.ts';
import { boundCodeHost, codeFitsSite } from '../orders/code-host.ts';
import { codeUsable } from '../orders/queries.ts';
import { OPEN_STATES, type Order } from '../orders/types.ts';

export type ManualWant = 'phone' | 'code' | 'auto';

export type ManualChoice =
  | { kind: 'phone'; order: Order; value: string }
  | { kind: 'code'; order: Order; value: string; codeHost: string | null }
  /** No open order for this site: offer to order one. */
  | { kind: 'no-order' }
  /** An order exists but its code has not arrived. */
  | { kind: 'no-code' }
  /** The code is bound (`@host #code`) to another host than this page's. */
  | { kind: 'code-elsewhere'; host: string };

const phoneUsable = (o: Order): boolean =>
  o.phone !== null && (o.state === 'waiting' || o.state === 'received');

/** This site's orders, the ones bound to this tab first, then the newest. */
export function siteOrders(
  orders: readonly Order[],
  tabId: number,
  url: string,
  binding: BindingRules = bindingRules(),
): Order[] {
  // The user points at the field: any host of the ordering site, on a fillable scheme.
  return orders
    .filter((o) => manualFits(o, url, binding))
    .sort(
      (a, b) =>
        Number(b.site.tabId === tabId) - Number(a.site.tabId === tabId) ||
        b.createdAt - a.createdAt,
    );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * What to fill into a field of the page at `url` (the frame's address) in tab `tabId`.
 * `auto` (the shortcut): the code once it has arrived, the number before.
 */
export function chooseManual(
  orders: readonly Order[],
  at: { tabId: number; url: string; now: number },
  want: ManualWant,
): ManualChoice {
  const mine = siteOrders(orders, at.tabId, at.url);
  const withCode = mine.find((o) => codeUsable(o, at.now));
  if (want !== 'phone' && withCode?.code) {
    const host = boundCodeHost(withCode);
    if (host !== null && host !== hostOf(at.url)) return { kind: 'code-elsewhere', host };
    return { kind: 'code', order: withCode, value: withCode.code, codeHost: host };
  }
  const withPhone = mine.find(phoneUsable);
  if (want === 'code')
    return withPhone || mine.some((o) => OPEN_STATES.has(o.state))
      ? { kind: 'no-code' }
      : { kind: 'no-order' };
  if (withPhone?.phone) return { kind: 'phone', order: withPhone, value: withPhone.phone };
  return { kind: 'no-order' };
}

/**
 * Whether "Fill code here" belongs in the menu on a tab. The menu is drawn before we may read
 * the tab's address, so this goes by the tab the order is bound to; the click checks the site.
 */
export function codeMenuVisible(orders: readonly Order[], tabId: number, now: number): boolean {
  return orders.some((o) => o.site.tabId === tabId && codeUsable(o, now) && codeFitsSite(o));
}
