import type { Browser } from 'webextension-polyfill';
import { currentLanguage, t, useLanguage, type LanguageChoice, type MessageKey } from '../i18n.ts';
import type { OrderEffect } from '../orders/machine.ts';
import { bindingRules, pageBound } from '../orders/binding.ts';
import { NO_SMS_STOP } from '../orders/no-sms.ts';
import type { Order } from '../orders/types.ts';
import { formatMoney } from '../money.ts';
import type { ProviderErrorKind } from '../providers/types.ts';
import { sameSite } from '../services/detect.ts';
import { readPreferences } from '../storage.ts';
import { pokeOrderTab } from './registration.ts';
import { sendToTab } from './send-to-tab.ts';
import { findSiteTab, tabShowsSite } from './tabs.ts';

export interface EffectDeps {
  browser: Browser;
  orderAgain(order: Order): Promise<void>;
  /** Moves the order to another tab of its site (its own tab is gone). */
  rebind(order: Order, tabId: number): Promise<void>;
  /** The language the user chose in the options (default: read from storage). */
  language?(): Promise<LanguageChoice>;
}

const savedLanguage = async (): Promise<LanguageChoice> => (await readPreferences()).language;

/** Why no number came, in words for the kinds a user can act on. */
const FAILED: Partial<Record<ProviderErrorKind, MessageKey>> = {
  no_numbers: 'notify.failedNoNumbers',
  no_balance: 'notify.failedNoBalance',
  price_above_cap: 'notify.failedPriceAboveCap',
  bad_key: 'notify.failedBadKey',
};

/** Shows a notification: `text` runs once the chosen language is loaded. */
type Notify = (id: string, text: () => { title: string; message: string }) => Promise<void>;

/** Notifies in the language the user chose (the browser's own when it cannot be loaded). */
function notifierInLanguage(browser: Browser, language: () => Promise<LanguageChoice>): Notify {
  return async (id, text) => {
    try {
      await useLanguage(await language());
    } catch {
      await useLanguage('auto');
    }
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      ...text(),
    });
  };
}

/** fillPhone / fillCode: pokes the order's tab, or another tab of its site it moves to. */
async function pokeSiteTab(deps: EffectDeps, order: Order): Promise<void> {
  const { browser } = deps;
  // After a browser restart the ordering tab is gone; the site may be open in another.
  const isSite = (url: string) => sameSite(url, order.site.domain);
  let tabId = order.site.tabId;
  if (!(await tabShowsSite(browser, tabId, isSite))) {
    // Another tab only on an origin the order is bound to (lib/orders/binding.ts).
    const other = await findSiteTab(browser, (url) => pageBound(order, url, bindingRules()));
    if (other !== null) {
      await deps.rebind(order, other);
      tabId = other;
    }
  }
  await pokeOrderTab(browser, order, tabId);
}

/** notifyRefund: the number leaves the page, and the user hears what came back. */
async function notifyRefund(browser: Browser, notify: Notify, order: Order): Promise<void> {
  // The page may still show the number: its script, when still there, takes it out
  // (content.hello). Nothing is injected: a page that went on has no number of ours.
  if (order.phoneFilled) {
    await sendToTab(browser, order.site.tabId, { type: 'bg.poke' }).catch(() => undefined);
  }
  if (order.cancelReason === 'another') return;
  await notify(`refund-${order.id}`, () => ({
    title: t('notify.refundTitle', order.service.name),
    message: order.price
      ? t('notify.refundBody', formatMoney(order.price, currentLanguage()))
      : t('notify.nothingCharged'),
  }));
}

/** notifyNoSms: no SMS came in time; asks, or says why the order stopped (not when swapped). */
async function notifyNoSms(notify: Notify, order: Order): Promise<void> {
  const mark = order.noSms;
  if (!mark || mark.outcome === 'swapped') return;
  await notify(`no-sms-${order.id}`, () => ({
    title: t('notify.noSms.title', mark.minutes, order.site.domain),
    message:
      mark.outcome === 'asked'
        ? t('notify.noSms.ask')
        : t('notify.noSms.stopped', t(NO_SMS_STOP[mark.reason])),
  }));
}

/** Runs what a transition asked for; the order is already stored when this runs. */
export function createEffectRunner(deps: EffectDeps) {
  const { browser, language = savedLanguage } = deps;
  const notify = notifierInLanguage(browser, language);

  return async (order: Order, effect: OrderEffect): Promise<void> => {
    switch (effect.type) {
      case 'fillPhone':
      case 'fillCode':
        await pokeSiteTab(deps, order);
        return;
      case 'notifyCode':
        await notify(`code-${order.id}`, () => ({
          title: t('notify.codeTitle', order.service.name, order.code ?? ''),
          message: t('notify.codeBody', order.phone ?? '', order.site.domain),
        }));
        return;
      case 'notifyRefund':
        await notifyRefund(browser, notify, order);
        return;
      case 'notifyFailed':
        await notify(`failed-${order.id}`, () => ({
          title: t('notify.failedTitle', order.service.name),
          message: t((order.lastError && FAILED[order.lastError.kind]) ?? 'notify.failedBody'),
        }));
        return;
      case 'notifyNotRefunded':
        await notify(`not-refunded-${order.id}`, () => ({
          title: t('notify.notRefunded.title', order.service.name),
          message: t(
            'notify.notRefunded.body',
            order.price ? formatMoney(order.price, currentLanguage()) : '—',
          ),
        }));
        return;
      case 'notifyRejected':
        await notify(`rejected-${order.id}`, () => ({
          title: t('notify.rejected.title', order.site.domain),
          message: t('notify.rejected.body'),
        }));
        return;
      case 'notifyNoSms':
        await notifyNoSms(notify, order);
        return;
      case 'orderAgain':
        await deps.orderAgain(order);
        return;
    }
  };
}
