import type { Browser, Menus } from 'webextension-polyfill';
import { t, useLanguage } from '../i18n.ts';
import type { Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import { readPreferences } from '../storage.ts';
import { codeMenuVisible } from './manual-choice.ts';

export const MENU_FILL_NUMBER = 'fill-number';
export const MENU_FILL_CODE = 'fill-code';

export interface ManualMenusDeps {
  browser: Browser;
  /** Reads the orders again (and keeps them as the last seen). */
  orders: () => Promise<Order[]>;
  /** The orders as last seen, null before the first read. */
  cached: () => Order[] | null;
  now: () => number;
}

/**
 * The manual fill's context menu on editable fields (manual-fill.ts): "Fill number here", and
 * "Fill code here" only where a code arrived for the active tab's site. Titles in the language
 * chosen in the options. Adds no listeners: its caller decides when menus are drawn again.
 */
export function manualFillMenus({ browser, orders, cached, now }: ManualMenusDeps) {
  const menus = browser.contextMenus;
  let codeShown: boolean | null = null;
  // One at a time: a second removeAll/create pair interleaved would create duplicate ids.
  let menusReady = Promise.resolve();

  /** Shows "Fill code here" only where a code arrived for the active tab's site. */
  async function refreshMenus(): Promise<void> {
    await menusReady;
    await updateCodeMenu();
  }

  async function updateCodeMenu(): Promise<void> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const visible = tab?.id !== undefined && codeMenuVisible(cached() ?? [], tab.id, now());
    if (visible === codeShown) return;
    await menus.update(MENU_FILL_CODE, { visible });
    codeShown = visible;
  }

  function createMenus(): Promise<void> {
    menusReady = menusReady.then(drawMenus).catch((e: unknown) => warn('menus', e));
    return menusReady;
  }

  async function drawMenus(): Promise<void> {
    const prefs = await readPreferences();
    await useLanguage(prefs.language).catch(() => undefined);
    await menus.removeAll();
    const contexts: Menus.ContextType[] = ['editable'];
    menus.create({ id: MENU_FILL_NUMBER, title: t('manual.menuFillNumber'), contexts });
    menus.create({ id: MENU_FILL_CODE, title: t('manual.menuFillCode'), contexts, visible: false });
    codeShown = false;
    await orders();
    await updateCodeMenu();
  }

  /** Whether "Fill code here" shows now (tests: Chrome cannot read a menu back). */
  const codeMenuShown = async () => {
    await refreshMenus();
    return codeShown;
  };

  return { refreshMenus, createMenus, codeMenuShown };
}
