import type { Browser } from 'webextension-polyfill';
import { notRefunded } from '../orders/refund.ts';
import type { Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import { codeUsable } from '../orders/queries.ts';

/**
 * The toolbar badge. On a tab with its own order: the minutes left for the SMS, or a check
 * mark once the code arrived. Everywhere else: how many orders wait for an SMS. A refund that
 * never came shows "!" in red, on its tab and everywhere nothing waits, for a day. A number
 * the site refused shows "✕" in red on its tab until it is swapped or ends.
 */

export const BADGE_ALARM = 'badge-tick';
const MINUTE = 60_000;
/** Tabs whose orders ended this long ago lose their badge (a later update may miss them). */
const CLEAR_AFTER_MS = 60 * MINUTE;

export const BADGE_COLORS = {
  waiting: '#2563eb',
  code: '#16a34a',
  notRefunded: '#dc2626',
} as const;
/** How long a refund that never came keeps the badge: long enough to be seen. */
export const NOT_REFUNDED_BADGE_MS = 24 * 60 * MINUTE;
const NOT_REFUNDED_TEXT = '!';
/** On the tab whose site refused its number. */
export const REJECTED_TEXT = '✕';

export interface TabBadge {
  tabId: number;
  /** null: no badge of its own, the global one shows. */
  text: string | null;
  color?: string;
}

export interface BadgePlan {
  global: string;
  globalColor: string;
  tabs: TabBadge[];
}

const waiting = (o: Order) => o.state === 'waiting' || o.state === 'ordering';
/** A refund flagged as never come, lately enough to still say so. */
const flagged = (o: Order, now: number) =>
  notRefunded(o) && now - (o.endedAt ?? o.createdAt) < NOT_REFUNDED_BADGE_MS;

/** Minutes left, rounded up, so "1m" shows until the very end. */
export function minutesLeft(o: Order, now: number): number | null {
  if (o.expiresAt === null) return null;
  return Math.max(0, Math.ceil((o.expiresAt - now) / MINUTE));
}

function tabText(o: Order, now: number): TabBadge | null {
  if (codeUsable(o, now)) {
    return { tabId: o.site.tabId, text: '✓', color: BADGE_COLORS.code };
  }
  if (flagged(o, now)) {
    return { tabId: o.site.tabId, text: NOT_REFUNDED_TEXT, color: BADGE_COLORS.notRefunded };
  }
  if (!waiting(o)) return null;
  // The site refused the number: the user has a decision to make, not a wait.
  if (o.rejectedBySite) {
    return { tabId: o.site.tabId, text: REJECTED_TEXT, color: BADGE_COLORS.notRefunded };
  }
  const m = minutesLeft(o, now);
  return { tabId: o.site.tabId, text: m === null ? '…' : `${m}m`, color: BADGE_COLORS.waiting };
}

/** What every badge should show now; pure. */
export function badgePlan(orders: readonly Order[], now: number): BadgePlan {
  const byTab = new Map<number, TabBadge>();
  // Newest first: a tab with two orders shows its latest.
  const sorted = [...orders].sort((a, b) => b.createdAt - a.createdAt);
  for (const o of sorted) {
    if (byTab.has(o.site.tabId)) continue;
    const badge = tabText(o, now);
    if (badge) byTab.set(o.site.tabId, badge);
  }
  // Tabs of orders that ended lately: back to the global badge.
  for (const o of sorted) {
    if (byTab.has(o.site.tabId) || o.site.tabId < 0) continue;
    if (now - (o.endedAt ?? o.createdAt) < CLEAR_AFTER_MS) {
      byTab.set(o.site.tabId, { tabId: o.site.tabId, text: null });
    }
  }
  const count = orders.filter(waiting).length;
  const alarm = orders.some((o) => flagged(o, now));
  const global = count > 0 ? String(count) : alarm ? NOT_REFUNDED_TEXT : '';
  return {
    global,
    globalColor: alarm && count === 0 ? BADGE_COLORS.notRefunded : BADGE_COLORS.waiting,
    tabs: [...byTab.values()],
  };
}

/** When the next badge text changes by itself (a minute boundary of a waiting order). */
export function nextBadgeChange(orders: readonly Order[], now: number): number | null {
  let next: number | null = null;
  for (const o of orders) {
    // A flag's day is over: the "!" goes.
    if (flagged(o, now)) {
      const at = (o.endedAt ?? o.createdAt) + NOT_REFUNDED_BADGE_MS;
      next = next === null ? at : Math.min(next, at);
    }
    if (!waiting(o) || o.expiresAt === null || o.expiresAt <= now) continue;
    const left = o.expiresAt - now;
    const at = now + (left % MINUTE || MINUTE) + 1;
    next = next === null ? at : Math.min(next, at);
  }
  return next;
}

/** The toolbar action: `action` in MV3, `browserAction` in Firefox MV2. */
export function toolbarAction(browser: Browser) {
  return browser.action ?? browser.browserAction;
}

/** Shows a plan, and sets the alarm for the next change (none when nothing waits). */
export async function applyBadge(browser: Browser, orders: readonly Order[], now: number) {
  const action = toolbarAction(browser);
  const plan = badgePlan(orders, now);
  await action.setBadgeText({ text: plan.global });
  await action.setBadgeBackgroundColor({ color: plan.globalColor });
  for (const t of plan.tabs) {
    try {
      await action.setBadgeText({ tabId: t.tabId, text: t.text });
      if (t.color) await action.setBadgeBackgroundColor({ tabId: t.tabId, color: t.color });
    } catch {
      // The tab is gone: its badge went with it.
    }
  }
  const next = nextBadgeChange(orders, now);
  // An alarm, not a timer: the worker may sleep between minutes.
  if (next === null) await browser.alarms.clear(BADGE_ALARM);
  else await browser.alarms.create(BADGE_ALARM, { when: Date.now() + (next - now) });
}

/** Refreshes the badge; never throws (a badge is not worth a failed order). */
export function badgeUpdater(browser: Browser, orders: () => Promise<Order[]>, now: () => number) {
  let queued = Promise.resolve();
  return () => {
    queued = queued
      .then(async () => applyBadge(browser, await orders(), now()))
      .catch((e: unknown) => warn('badge update failed', e));
    return queued;
  };
}
