import type { Browser, Menus, Tabs } from 'webextension-polyfill';
import { t, useLanguage } from '../i18n.ts';
import type { FillHereMessage, FillHereReply } from '../messaging.ts';
import type { Engine } from '../orders/engine.ts';
import type { Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import {
  readPreferences,
  preferencesItem,
  rememberSiteField,
  rememberPhoneFormat,
} from '../storage.ts';
import { badgeUpdater, toolbarAction } from './badge.ts';
import { chooseManual, codeMenuVisible, type ManualWant } from './manual-choice.ts';
import { sameSite } from '../services/detect.ts';
import { sendToTab } from './send-to-tab.ts';
import { CONTENT_SCRIPT_FILE, tabShowsSite } from './tabs.ts';

export const MENU_FILL_NUMBER = 'fill-number';
export const MENU_FILL_CODE = 'fill-code';
export const COMMAND_FILL_HERE = 'fill-here';

export interface ManualDeps {
  browser: Browser;
  engine: Engine;
  now: () => number;
}

/** What a manual fill came to, for tests and logs. */
export type ManualOutcome =
  | 'filled-phone'
  | 'filled-code'
  | 'no-order'
  | 'no-code'
  | 'code-elsewhere'
  | 'no-field'
  | 'unreachable';

/** Where the user asked to fill: a tab, the frame the field is in, and that frame's address. */
export interface FillPlace {
  tabId: number;
  frameId: number;
  url: string;
  target: FillHereMessage['target'];
}

/**
 * Manual fill through the context menu on editable fields and the "fill here" shortcut, and the
 * toolbar badge, which changes with the same order updates. Listeners are added synchronously
 * (MV3 worker); the returned handlers are what the listeners call (tests call them too).
 */
export function startManualFill({ browser, engine, now }: ManualDeps) {
  const menus = browser.contextMenus;
  // Orders as last seen: a click decides from memory, so Firefox still counts the popup
  // opening as the user's own action (it must happen before the first await).
  let cache: Order[] | null = null;
  const orders = async () => (cache = await engine.allOrders());
  const updateBadge = badgeUpdater(browser, orders, now);
  let codeShown: boolean | null = null;
  // One at a time: a second removeAll/create pair interleaved would create duplicate ids.
  let menusReady = Promise.resolve();
  const log = (what: string) => (e: unknown) => warn(what, e);

  /** Shows "Fill code here" only where a code arrived for the active tab's site. */
  async function refreshMenus(): Promise<void> {
    await menusReady;
    await updateCodeMenu();
  }

  async function updateCodeMenu(): Promise<void> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const visible = tab?.id !== undefined && codeMenuVisible(cache ?? [], tab.id, now());
    if (visible === codeShown) return;
    await menus.update(MENU_FILL_CODE, { visible });
    codeShown = visible;
  }

  function refresh(): void {
    void updateBadge()
      .then(refreshMenus)
      .catch((e: unknown) => warn('menu update failed', e));
  }

  function createMenus(): Promise<void> {
    menusReady = menusReady.then(drawMenus).catch(log('menus'));
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

  function notify(id: string, title: string, message: string) {
    return browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  }

  /** No number for this site: the popup offers one (or a notification says where it is). */
  function offerToOrder(): Promise<void> {
    const action = toolbarAction(browser);
    const opened = action.openPopup ? action.openPopup() : Promise.reject(new Error('no popup'));
    return opened
      .catch(() => notify('manual-no-order', t('manual.noOrderTitle'), t('manual.noOrderMessage')))
      .then(() => undefined);
  }

  async function send(place: FillPlace, msg: FillHereMessage): Promise<FillHereReply | null> {
    const options = { frameId: place.frameId };
    try {
      const reply = await sendToTab(browser, place.tabId, msg, options);
      if (reply) return reply;
    } catch {
      // No fill script in that frame yet: the click granted activeTab, inject it.
    }
    try {
      await browser.scripting.executeScript({
        target: { tabId: place.tabId, frameIds: [place.frameId] },
        files: [CONTENT_SCRIPT_FILE],
      });
      return (await sendToTab(browser, place.tabId, msg, options)) ?? null;
    } catch (e) {
      warn(`manual fill: tab ${place.tabId} unreachable`, e);
      return null;
    }
  }

  async function fillChosen(place: FillPlace, list: Order[], want: ManualWant) {
    const choice = chooseManual(list, { tabId: place.tabId, url: place.url, now: now() }, want);
    switch (choice.kind) {
      case 'no-order':
        await offerToOrder();
        return choice.kind;
      case 'no-code':
        await notify('manual-no-code', t('manual.noCodeTitle'), t('manual.noCodeMessage'));
        return choice.kind;
      case 'code-elsewhere':
        await notify(
          'manual-elsewhere',
          t('manual.noCodeTitle'),
          t('manual.codeElsewhere', choice.host),
        );
        return choice.kind;
    }
    const what = choice.kind;
    const reply = await send(place, {
      type: 'bg.fillHere',
      what,
      value: choice.value,
      codeHost: choice.kind === 'code' ? choice.codeHost : null,
      target: place.target,
    });
    if (!reply) return 'unreachable';
    if (!reply.ok || !reply.selector) {
      await notify('manual-no-field', t('manual.noFieldTitle'), t('manual.noFieldMessage'));
      return 'no-field';
    }
    const { order } = choice;
    // The order's own tab is gone (or left the site): this tab takes it over, code included.
    const isSite = (u: string) => sameSite(u, order.site.domain);
    if (
      order.site.tabId !== place.tabId &&
      !(await tabShowsSite(browser, order.site.tabId, isSite))
    )
      await engine.apply(order.id, { type: 'rebind', tabId: place.tabId });
    // After the rebind, which starts the new tab with nothing filled.
    await engine.apply(order.id, { type: 'filled', what });
    // The next order on this site fills this field first.
    await rememberSiteField(order.site.domain, what, reply.selector);
    if (reply.phoneFormat) await rememberPhoneFormat(order.site.domain, reply.phoneFormat);
    return what === 'phone' ? 'filled-phone' : 'filled-code';
  }

  /** Runs synchronously up to the first await when the orders are cached (see `cache`). */
  function fillHere(place: FillPlace | null, want: ManualWant): Promise<ManualOutcome> {
    if (!place) return Promise.resolve('unreachable');
    const run = (list: Order[]) => fillChosen(place, list, want);
    return cache ? run(cache) : orders().then(run);
  }

  function onMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<ManualOutcome> {
    const want = info.menuItemId === MENU_FILL_CODE ? 'code' : 'phone';
    if (info.menuItemId !== MENU_FILL_NUMBER && want !== 'code') return Promise.resolve('no-field');
    const url = info.frameUrl ?? info.pageUrl ?? tab?.url;
    const place =
      tab?.id !== undefined && url
        ? { tabId: tab.id, frameId: info.frameId ?? 0, url, target: 'clicked' as const }
        : null;
    return fillHere(place, want);
  }

  async function activeTab(): Promise<Tabs.Tab | undefined> {
    return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  }

  function onCommand(command: string, given?: Tabs.Tab): Promise<ManualOutcome> {
    if (command !== COMMAND_FILL_HERE) return Promise.resolve('no-field');
    // Older Firefox passes no tab with the command.
    if (!given) return activeTab().then((tab) => (tab ? onCommand(command, tab) : 'unreachable'));
    const tab = given;
    const place =
      tab?.id !== undefined && tab.url
        ? { tabId: tab.id, frameId: 0, url: tab.url, target: 'focused' as const }
        : null;
    return fillHere(place, 'auto');
  }

  menus.onClicked.addListener((info, tab) => void onMenuClick(info, tab).catch(log('menu')));
  browser.commands.onCommand.addListener(
    (command, tab) => void onCommand(command, tab).catch(log('shortcut')),
  );
  browser.tabs.onActivated.addListener(() => void refreshMenus().catch(log('menu update')));
  // The worker's one alarm and tab listeners, and the engine's change hook, call `refresh`
  // (BADGE_ALARM, a page loaded: Firefox drops a tab's own badge then, an order changed).
  // Menu titles follow the language chosen in the options.
  preferencesItem.watch((next, prev) => {
    if (next?.language !== prev?.language) void createMenus();
  });
  void createMenus();
  refresh();

  /** Whether "Fill code here" shows now (tests: Chrome cannot read a menu back). */
  const codeMenuShown = async () => {
    await refreshMenus();
    return codeShown;
  };
  const handlers = { onMenuClick, onCommand, refresh, codeMenuShown };
  // A test cannot click a native menu or press a browser shortcut: the test build lets it call
  // the same handlers from the worker (tests/e2e/manual.spec.ts).
  if (import.meta.env.MODE === 'test') Object.assign(globalThis, { smsVerifyManual: handlers });
  return handlers;
}
