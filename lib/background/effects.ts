import type { Browser } from 'webextension-polyfill';
import type { OrderEffect } from '../orders/machine.ts';
import type { Order } from '../orders/types.ts';
import { formatMoney } from '../money.ts';
import { sameSite } from '../services/detect.ts';
import { pokeOrderTab } from './registration.ts';
import { findSiteTab, tabShowsSite } from './tabs.ts';

export interface EffectDeps {
  browser: Browser;
  orderAgain(order: Order): Promise<void>;
  /** Moves the order to another tab of its site (its own tab is gone). */
  rebind(order: Order, tabId: number): Promise<void>;
}

/** Runs what a transition asked for; the order is already stored when this runs. */
export function createEffectRunner(deps: EffectDeps) {
  const { browser } = deps;
  const notify = (id: string, title: string, message: string) =>
    browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });

  return async (order: Order, effect: OrderEffect): Promise<void> => {
    switch (effect.type) {
      case 'fillPhone':
      case 'fillCode': {
        // After a browser restart the ordering tab is gone; the site may be open in another.
        const isSite = (url: string) => sameSite(url, order.site.domain);
        let tabId = order.site.tabId;
        if (!(await tabShowsSite(browser, tabId, isSite))) {
          const other = await findSiteTab(browser, isSite);
          if (other !== null) {
            await deps.rebind(order, other);
            tabId = other;
          }
        }
        await pokeOrderTab(browser, order, tabId);
        return;
      }
      case 'notifyCode':
        await notify(
          `code-${order.id}`,
          `${order.service.name} code: ${order.code ?? ''}`,
          `Arrived on ${order.phone ?? ''} for ${order.site.domain}.`,
        );
        return;
      case 'notifyRefund':
        if (order.cancelReason === 'another') return;
        await notify(
          `refund-${order.id}`,
          `${order.service.name}: no code, refunded`,
          order.price
            ? `${formatMoney(order.price)} is back in your balance.`
            : 'Nothing was charged.',
        );
        return;
      case 'notifyFailed':
        await notify(
          `failed-${order.id}`,
          `${order.service.name}: no number`,
          order.lastError?.message ?? 'The provider did not give a number.',
        );
        return;
      case 'orderAgain':
        await deps.orderAgain(order);
        return;
    }
  };
}
