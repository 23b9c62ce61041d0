import type { Browser, Menus, Tabs } from 'webextension-polyfill';
import { t } from '../i18n.ts';
import type { FillHereMessage, FillHereReply } from '../messaging.ts';
import type { Engine } from '../orders/engine.ts';
import type { Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import { preferencesItem, rememberSiteField, rememberPhoneFormat } from '../storage.ts';
import { badgeUpdater, toolbarAction } from './badge.ts';
import { chooseManual, type ManualWant } from './manual-choice.ts';
import { MENU_FILL_CODE, MENU_FILL_NUMBER, manualFillMenus } from './manual-menus.ts';
import { sameSite } from '../services/detect.ts';
import { sendToTab } from './send-to-tab.ts';
import { CONTENT_SCRIPT_FILE, tabShowsSite } from './tabs.ts';

export { MENU_FILL_CODE, MENU_FILL_NUMBER } from './manual-menus.ts';
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

/** A notification about a manual fill that put nothing in the page. */
function notifyManual(browser: Browser, id: string, title: string, message: string) {
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** No number for this site: the popup offers one (or a notification says where it is). */
function offerToOrder(browser: Browser): Promise<void> {
  const action = toolbarAction(browser);
  const opened = action.openPopup ? action.openPopup() : Promise.reject(new Error('no popup'));
  return opened
    .catch(() =>
      notifyManual(
        browser,
        'manual-no-order',
        t('manual.noOrderTitle'),
        t('manual.noOrderMessage'),
      ),
    )
    .then(() => undefined);
}

/** Asks the fill script in the place's frame to fill; injects it there first when missing. */
async function sendFillHere(
  browser: Browser,
  place: FillPlace,
  msg: FillHereMessage,
): Promise<FillHereReply | null> {
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

/** What went into the page by hand: the field that took it and how the number was typed. */
interface ManualFilled {
  what: 'phone' | 'code';
  selector: string;
  phoneFormat: FillHereReply['phoneFormat'];
}

/** After a manual fill: the order knows its tab and what is filled, the site its field. */
async function recordManualFill(
  { browser, engine }: ManualDeps,
  order: Order,
  tabId: number,
  { what, selector, phoneFormat }: ManualFilled,
): Promise<void> {
  // The order's own tab is gone (or left the site): this tab takes it over, code included.
  const isSite = (u: string) => sameSite(u, order.site.domain);
  if (order.site.tabId !== tabId && !(await tabShowsSite(browser, order.site.tabId, isSite)))
    await engine.apply(order.id, { type: 'rebind', tabId });
  // After the rebind, which starts the new tab with nothing filled.
  await engine.apply(order.id, { type: 'filled', what });
  // The next order on this site fills this field first.
  await rememberSiteField(order.site.domain, what, selector);
  if (phoneFormat) await rememberPhoneFormat(order.site.domain, phoneFormat);
}

/**
 * Fills the number or code the choice allows in `place` (manual-choice.ts: only on the site
 * that ordered, a bound code only on its host), or tells the user why nothing was filled.
 * Runs synchronously up to its first await (the popup must open as the user's own action).
 */
async function fillChosen(
  deps: ManualDeps,
  place: FillPlace,
  list: Order[],
  want: ManualWant,
): Promise<ManualOutcome> {
  const { browser, now } = deps;
  const choice = chooseManual(list, { tabId: place.tabId, url: place.url, now: now() }, want);
  switch (choice.kind) {
    case 'no-order':
      await offerToOrder(browser);
      return choice.kind;
    case 'no-code':
      await notifyManual(
        browser,
        'manual-no-code',
        t('manual.noCodeTitle'),
        t('manual.noCodeMessage'),
      );
      return choice.kind;
    case 'code-elsewhere':
      await notifyManual(
        browser,
        'manual-elsewhere',
        t('manual.noCodeTitle'),
        t('manual.codeElsewhere', choice.host),
      );
      return choice.kind;
  }
  const what = choice.kind;
  const reply = await sendFillHere(browser, place, {
    type: 'bg.fillHere',
    what,
    value: choice.value,
    codeHost: choice.kind === 'code' ? choice.codeHost : null,
    target: place.target,
  });
  if (!reply) return 'unreachable';
  if (!reply.ok || !reply.selector) {
    await notifyManual(
      browser,
      'manual-no-field',
      t('manual.noFieldTitle'),
      t('manual.noFieldMessage'),
    );
    return 'no-field';
  }
  const filled = { what, selector: reply.selector, phoneFormat: reply.phoneFormat };
  await recordManualFill(deps, choice.order, place.tabId, filled);
  return what === 'phone' ? 'filled-phone' : 'filled-code';
}

/** Where a context menu click asks to fill: the clicked field's frame. */
function menuClickPlace(info: Menus.OnClickData, tab?: Tabs.Tab): FillPlace | null {
  const url = info.frameUrl ?? info.pageUrl ?? tab?.url;
  return tab?.id !== undefined && url
    ? { tabId: tab.id, frameId: info.frameId ?? 0, url, target: 'clicked' as const }
    : null;
}

/** Where the shortcut asks to fill: the focused field of the tab's top frame. */
function commandPlace(tab: Tabs.Tab): FillPlace | null {
  return tab.id !== undefined && tab.url
    ? { tabId: tab.id, frameId: 0, url: tab.url, target: 'focused' as const }
    : null;
}

/**
 * Manual fill through the context menu on editable fields and the "fill here" shortcut, and the
 * toolbar badge, which changes with the same order updates. Listeners are added synchronously
 * (MV3 worker); the returned handlers are what the listeners call (tests call them too).
 */
export function startManualFill(deps: ManualDeps) {
  const { browser, engine, now } = deps;
  // Orders as last seen: a click decides from memory, so Firefox still counts the popup
  // opening as the user's own action (it must happen before the first await).
  let cache: Order[] | null = null;
  const orders = async () => (cache = await engine.allOrders());
  const updateBadge = badgeUpdater(browser, orders, now);
  const menus = manualFillMenus({ browser, orders, cached: () => cache, now });
  const log = (what: string) => (e: unknown) => warn(what, e);

  function refresh(): void {
    void updateBadge()
      .then(menus.refreshMenus)
      .catch((e: unknown) => warn('menu update failed', e));
  }

  /** Runs synchronously up to the first await when the orders are cached (see `cache`). */
  function fillHere(place: FillPlace | null, want: ManualWant): Promise<ManualOutcome> {
    if (!place) return Promise.resolve('unreachable');
    const run = (list: Order[]) => fillChosen(deps, place, list, want);
    return cache ? run(cache) : orders().then(run);
  }

  function onMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<ManualOutcome> {
    const want = info.menuItemId === MENU_FILL_CODE ? 'code' : 'phone';
    if (info.menuItemId !== MENU_FILL_NUMBER && want !== 'code') return Promise.resolve('no-field');
    return fillHere(menuClickPlace(info, tab), want);
  }

  async function activeTab(): Promise<Tabs.Tab | undefined> {
    return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  }

  function onCommand(command: string, given?: Tabs.Tab): Promise<ManualOutcome> {
    if (command !== COMMAND_FILL_HERE) return Promise.resolve('no-field');
    // Older Firefox passes no tab with the command.
    if (!given) return activeTab().then((tab) => (tab ? onCommand(command, tab) : 'unreachable'));
    return fillHere(commandPlace(given), 'auto');
  }

  browser.contextMenus.onClicked.addListener(
    (info, tab) => void onMenuClick(info, tab).catch(log('menu')),
  );
  browser.commands.onCommand.addListener(
    (command, tab) => void onCommand(command, tab).catch(log('shortcut')),
  );
  browser.tabs.onActivated.addListener(() => void menus.refreshMenus().catch(log('menu update')));
  // The worker's one alarm and tab listeners, and the engine's change hook, call `refresh`
  // (BADGE_ALARM, a page loaded: Firefox drops a tab's own badge then, an order changed).
  // Menu titles follow the language chosen in the options.
  preferencesItem.watch((next, prev) => {
    if (next?.language !== prev?.language) void menus.createMenus();
  });
  void menus.createMenus();
  refresh();

  const handlers = { onMenuClick, onCommand, refresh, codeMenuShown: menus.codeMenuShown };
  // A test cannot click a native menu or press a browser shortcut: the test build lets it call
  // the same handlers from the worker (tests/e2e/manual.spec.ts).
  if (import.meta.env.MODE === 'test') Object.assign(globalThis, { smsVerifyManual: handlers });
  return handlers;
}
