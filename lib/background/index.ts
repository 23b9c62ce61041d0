import type { Browser, Runtime } from 'webextension-polyfill';
import { createEngine, type Engine } from '../orders/engine.ts';
import { createScheduler } from '../orders/scheduler.ts';
import { createProviderResolver } from '../providers/active.ts';
import { createOrderStore, providerSettingsItem } from '../storage.ts';
import { createEffectRunner } from './effects.ts';
import { createHandlers, isExtensionPage } from './handlers.ts';

const BACKSTOP_ALARM = 'orders-backstop';

export interface BackgroundOptions {
  browser: Browser;
  now?: () => number;
}

/**
 * Wires the order engine to the browser. Listeners are added synchronously, as MV3 requires
 * for a worker woken by an event; the first thing a fresh worker does is reconcile open orders.
 */
export function startBackground({ browser, now = Date.now }: BackgroundOptions) {
  const provider = createProviderResolver(() => providerSettingsItem.getValue(), now);

  const runEffect = createEffectRunner({
    browser,
    orderAgain: async (o) => {
      await engine.create({
        service: o.service,
        country: o.country,
        tier: o.tier,
        maxPrice: o.maxPrice,
        site: o.site,
        providerId: o.providerId,
        previousOrderId: o.id,
      });
      void scheduler.wake();
    },
  });
  // `orderAgain` runs long after start-up, when both exist.
  const engine: Engine = createEngine({
    store: createOrderStore(),
    provider,
    now,
    newId: () => crypto.randomUUID(),
    runEffect,
  });

  const scheduler = createScheduler({
    engine,
    now,
    rateLimitPerMinute: async () => (await provider())?.capabilities.rateLimitPerMinute ?? 60,
    setBackstop: async (on) => {
      if (on) await browser.alarms.create(BACKSTOP_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(BACKSTOP_ALARM);
    },
  });

  const handlers = createHandlers({ browser, engine, scheduler, provider });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (isExtensionPage(browser, sender)) {
      return handlers.onPage(message);
    }
    if (sender.tab) return handlers.onContent(message, sender);
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKSTOP_ALARM) void scheduler.wake();
  });
  browser.runtime.onStartup.addListener(() => void scheduler.wake());

  // A fresh worker (after a kill, a browser restart or an update) resumes every open order.
  void scheduler.wake();
  return { engine, scheduler };
}
