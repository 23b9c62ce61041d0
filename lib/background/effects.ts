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

/** Runs what a transition asked for; the order is already stored when this runs. */
export function createEffectRunner(deps: EffectDeps) {
  const { browser, language = savedLanguage } = deps;
  /** Notifies in the chosen language: `text` runs once that language is loaded. */
  const notify = async (id: string, text: () => { title: string; message: string }) => {
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

  return async (order: Order, effect: OrderEffect): Promise<void> => {
    switch (effect.type) {
      case 'fillPhone':
      case 'fillCode': {
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
        return;
      }
      case 'notifyCode':
        await notify(`code-${order.id}`, () => ({
          title: t('notify.codeTitle', order.service.name, order.code ?? ''),
          message: t('notify.codeBody', order.phone ?? '', order.site.domain),
        }));
        return;
      case 'notifyRefund':
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
      case 'notifyNoSms': {
        const mark = order.noSms;
        if (!mark || mark.outcome === 'swapped') return;
        await notify(`no-sms-${order.id}`, () => ({
          title: t('notify.noSms.title', mark.minutes, order.site.domain),
          message:
            mark.outcome === 'asked'
              ? t('notify.noSms.ask')
              : t('notify.noSms.stopped', t(NO_SMS_STOP[mark.reason])),
        }));
        return;
      }
      case 'orderAgain':
        await deps.orderAgain(order);
        return;
    }
  };
}
