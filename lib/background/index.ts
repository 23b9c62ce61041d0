import { warn } from '../redact.ts';
import type { Browser, Runtime } from 'webextension-polyfill';
import { createEngine, type Engine } from '../orders/engine.ts';
import { createScheduler, type Scheduler } from '../orders/scheduler.ts';
import { createProviderResolver } from '../providers/active.ts';
import {
  createOrderStore,
  orderProvidersItem,
  providerSettingsItem,
  readPreferences,
} from '../storage.ts';
import { orderAgainInput } from './another-number.ts';
import { createEffectRunner } from './effects.ts';
import { createHandlers } from './handlers.ts';
import { createProviderPins } from './provider-pins.ts';
import { createNoSmsWatch, pageStep } from './no-sms.ts';
import { startManualFill } from './manual-fill.ts';
import { routeMessage } from './routing.ts';
import { ACCESS_ALARM, startSiteAccess, type SiteAccess } from './registration.ts';
import { BADGE_ALARM } from './badge.ts';
import { fillPending, pageFactsChanged } from '../orders/queries.ts';
import { adoptTab, resumeFills } from './tabs.ts';
import { createWorkerClock, type WorkerClock } from './test-clock.ts';

const BACKSTOP_ALARM = 'orders-backstop';

export interface BackgroundOptions {
  browser: Browser;
  /** The worker's clock; a test build's can be shifted from storage (test-clock.ts). */
  clock?: WorkerClock;
}

/**
 * Wires the order engine to the browser. Listeners are added synchronously, as MV3 requires
 * for a worker woken by an event; the first thing a fresh worker does is reconcile open orders.
 */
export function startBackground({ browser, clock = createWorkerClock() }: BackgroundOptions) {
  const { now } = clock;
  const store = createOrderStore();
  // Each order keeps the key it was placed with (provider-pins.ts).
  const pins = createProviderPins(orderProvidersItem, () => store.all());
  const provider = createProviderResolver(() => providerSettingsItem.getValue(), now, pins);

  const runEffect = createEffectRunner({
    browser,
    orderAgain: async (o) => {
      // The replacement chosen when the user asked (another-number.ts), else the same offer.
      await engine.create(orderAgainInput(o));
      void scheduler.wake();
    },
    rebind: async (o, tabId) => void (await engine.apply(o.id, { type: 'rebind', tabId })),
  });
  // `orderAgain` runs long after start-up, when both exist.
  const engine: Engine = createEngine({
    store,
    // Only changes that matter reach the hooks: a poll repeating "waiting" does not (#16).
    onChange: (order, previous) => {
      // A state change moves money (held, charged, refunded): the cached balance is stale then.
      if (previous?.state !== order.state) handlers.orderStateChanged();
      if (pageFactsChanged(previous, order)) {
        manual.refresh();
        siteAccess.later();
      }
    },
    provider,
    now,
    newId: () => crypto.randomUUID(),
    runEffect,
    // Every order, from the popup or a "try another number", passes the user's limits.
    spend: {
      limits: async () => (await readPreferences()).spendLimits,
      balance: (providerId) => handlers.balanceAt(providerId),
    },
  });

  // No SMS within the options' minutes: ask, or swap by itself while the page allows (#20).
  const noSmsWatch = createNoSmsWatch({
    engine,
    now,
    policy: async () => (await readPreferences()).noSms,
    // The same replacement as the popup's "Try another number" (another-number.ts).
    swap: async (orderId) => {
      const after = await handlers.anotherNumber(orderId);
      void scheduler.wake();
      return after;
    },
    page: (order) => pageStep(browser, order),
  });

  const scheduler = createScheduler({
    engine,
    now,
    afterPass: noSmsWatch,
    rateLimitPerMinute: async () => (await provider())?.capabilities.rateLimitPerMinute ?? 60,
    setBackstop: backstop(browser, engine, now),
  });

  const handlers = createHandlers({ browser, engine, scheduler, provider });
  // Context menu, "fill here" shortcut and toolbar badge (manual-fill.ts).
  const manual = startManualFill({ browser, engine, now });
  // The fill script registered only for sites of open orders, and site access asked (#7).
  const orders = () => engine.allOrders();
  const siteAccess = startSiteAccess({ browser, orders, now, ready: clock.ready });
  // Who may say what is decided from the sender the browser reports (routing.ts), never from
  // the message: extension pages order and cancel, a content script talks about its own tab.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const route = routeMessage(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (route.to === 'page') return clock.ready.then(() => handlers.onPage(message));
    if (route.to === 'content') return clock.ready.then(() => handlers.onContent(message, sender));
    return undefined;
  });
  listen({ browser, clock, engine, scheduler, runEffect, manual, siteAccess });
  return { engine, scheduler };
}

/** Keeps a killed worker coming back while orders are open or a known code waits to be filled. */
function backstop(browser: Browser, engine: Engine, now: () => number) {
  return async (on: boolean) => {
    const t = now();
    const keep = on || (await engine.allOrders()).some((o) => fillPending(o, t));
    if (keep) await browser.alarms.create(BACKSTOP_ALARM, { periodInMinutes: 0.5 });
    else await browser.alarms.clear(BACKSTOP_ALARM);
  };
}

interface Wiring {
  browser: Browser;
  clock: WorkerClock;
  engine: Engine;
  scheduler: Scheduler;
  runEffect: ReturnType<typeof createEffectRunner>;
  manual: ReturnType<typeof startManualFill>;
  siteAccess: SiteAccess;
}

/**
 * The worker's one alarm listener (dispatching by alarm name), its one tab
 * listener, and what a fresh worker does first.
 */
function listen({ browser, clock, engine, scheduler, runEffect, manual, siteAccess }: Wiring) {
  const { now } = clock;
  // Every wake-up waits for the clock, so a test build's shifted time holds from the start.
  const wake = () => void clock.ready.then(() => scheduler.wake());
  const fillAgain = () =>
    resumeFills({ browser, engine, now }, (o, type) => runEffect(o, { type }));
  const alarms: Record<string, () => void> = {
    [BACKSTOP_ALARM]: () => {
      wake();
      void clock.ready.then(fillAgain).catch((e) => warn('filling again failed', e));
    },
    [ACCESS_ALARM]: siteAccess.later,
    [BADGE_ALARM]: manual.refresh,
  };
  browser.alarms.onAlarm.addListener((alarm) => alarms[alarm.name]?.());
  browser.runtime.onStartup.addListener(wake);
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete') return;
    // Firefox drops a tab's own badge when it loads another page.
    manual.refresh();
    siteAccess.tabLoaded(tabId, tab.url);
    if (!tab.url) return;
    void adoptTab({ browser, engine, now }, tabId, tab.url).catch((e) =>
      warn('adopting a tab failed', e),
    );
  });

  // A fresh worker (after a kill, a browser restart or an update) asks the provider about every
  // open order first, then keeps polling; orders finished long ago leave the live record.
  void clock.ready
    .then(() => engine.reconcile())
    .then(fillAgain)
    .catch((e) => warn('reconcile failed', e))
    .then(() => engine.archiveEnded().catch((e) => warn('archiving old orders failed', e)))
    .then(() => scheduler.wake());
}
