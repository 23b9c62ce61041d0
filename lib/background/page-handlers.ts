import type { Browser } from 'webextension-polyfill';
import { AppError } from '../errors.ts';
import type { Handlers, PageProtocol, PopupState } from '../messaging.ts';
import type { BindingRules } from '../orders/binding.ts';
import type { Engine } from '../orders/engine.ts';
import type { Scheduler } from '../orders/scheduler.ts';
import { OPEN_STATES } from '../orders/types.ts';
import { upsert, usableSettings, type ProviderResolver } from '../providers/active.ts';
import { offerForOrder } from '../providers/offers.ts';
import { createProviderCache } from '../providers/registry.ts';
import { topUpUrlsOf } from '../providers/top-up.ts';
import { ProviderError } from '../providers/types.ts';
import { detectSite, registrableDomain } from '../services/detect.ts';
import {
  DEFAULT_PREFERENCES,
  preferencesItem,
  providerSettingsItem,
  updatePreferences,
} from '../storage.ts';
import { anotherNumber, type AnotherNumberDeps } from './another-number.ts';
import type { OffersService } from './offers-service.ts';
import { accessDeps, pokeOrderTab, siteAccessGranted } from './registration.ts';
import type { createSiteCountries } from './site-countries.ts';
import { rememberSiteService, siteChoice } from './site-services.ts';

/** What the page and content handlers share (lib/background/handlers.ts builds it). */
export interface HandlerContext {
  browser: Browser;
  engine: Engine;
  scheduler: Scheduler;
  provider: ProviderResolver;
  /** Which pages an order may fill (lib/orders/binding.ts). */
  binding: BindingRules;
  offers: OffersService;
  siteCountries: ReturnType<typeof createSiteCountries>;
  swapDeps: AnotherNumberDeps;
}

type PageHandler<K extends keyof PageProtocol> = Handlers<PageProtocol>[K];
type Request<K extends keyof PageProtocol> = PageProtocol[K]['request'];

/** Messages from extension pages: the popup orders and cancels, the options save keys. */
export function createPageHandlers(ctx: HandlerContext): Handlers<PageProtocol> {
  const { browser, engine, scheduler, offers } = ctx;
  return {
    'popup.getState': (msg) => popupState(ctx, msg),
    'popup.getOffers': (msg) => offers.offersFor(msg.service),
    'popup.getServices': async () => ({ services: await offers.servicesList() }),
    'popup.setSiteService': async (msg) => {
      if (registrableDomain(msg.domain) !== msg.domain) throw new AppError('not_a_site');
      await rememberSiteService(msg.domain, msg.service);
      return true;
    },
    'popup.createOrder': createOrder(ctx),
    'popup.cancelOrder': async (msg) => {
      const order = await engine.cancel(msg.orderId, 'user');
      if (order) offers.orderChanged(order.service.code);
      void scheduler.wake();
      return order;
    },
    'popup.anotherNumber': async (msg) => {
      const order = await anotherNumber(ctx.swapDeps, msg.orderId);
      if (order) offers.orderChanged(order.service.code);
      void scheduler.wake();
      return order;
    },
    'popup.requestAnotherSms': async (msg) => {
      const order = await engine.requestAnotherSms(msg.orderId);
      if (order && !order.anotherSms) {
        throw new AppError('no_another_sms', 'This provider cannot send another SMS.');
      }
      void scheduler.wake();
      return order;
    },
    'popup.fillAgain': async (msg) => {
      const order = await engine.apply(msg.orderId, { type: 'refill' });
      if (order) await pokeOrderTab(browser, order, order.site.tabId);
      return order;
    },
    'popup.siteAccessGranted': () => {
      const orders = () => engine.allOrders();
      return siteAccessGranted(accessDeps(browser, orders, Date.now));
    },
    'options.saveProvider': async (msg) => {
      // Tested before it is stored: a rejected or unreachable key never becomes a provider
      // that orders, polls or cancels.
      const balance = await createProviderCache(Date.now)(msg.settings).balance();
      const saved = await providerSettingsItem.getValue();
      await providerSettingsItem.setValue(upsert(saved, msg.settings));
      return { balance };
    },
    'options.getStanding': async (msg) => {
      const provider = (await ctx.provider.all()).find((p) => p.id === msg.providerId);
      return provider?.account ? await provider.account() : null;
    },
  };
}

/** Asked every second while the popup is open, and first paint waits for it. */
async function popupState(
  ctx: HandlerContext,
  msg: Request<'popup.getState'>,
): Promise<PopupState> {
  // The reads are independent, so they run together.
  const tab = ctx.browser.tabs.get(msg.tabId);
  const [site, provider, all, preferences, urls, countries] = await Promise.all([
    tab.then((t) => {
      const detected = t.url ? detectSite(t.url) : null;
      return detected ? siteChoice(detected) : null;
    }),
    ctx.provider(),
    ctx.engine.allOrders(),
    preferencesItem.getValue(),
    providerSettingsItem.getValue().then((s) => topUpUrlsOf(usableSettings(s))),
    // The page's country selector, read by the tab's fill script (site-countries.ts).
    tab.then((t) => ctx.siteCountries.forPopup(msg.tabId, t.url ?? '')),
  ]);
  const orders = all
    .filter((o) => o.site.tabId === msg.tabId || OPEN_STATES.has(o.state))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, 10);
  // The site's offers when a popup fetched them lately: the first frame shows them without a
  // second round trip (the popup still refetches them once they are stale).
  const code = site?.service?.code;
  const cached = code ? ctx.offers.peekOffers(code) : null;
  return {
    site,
    configured: provider !== null,
    orders,
    preferences: { ...DEFAULT_PREFERENCES, ...preferences },
    topUpUrls: urls,
    offers: code && cached ? { service: code, ...cached } : null,
    offersWaiting: code ? ctx.offers.waitingFor(code) : [],
    siteCountries: site ? countries : { countries: null, reading: false },
  };
}

/**
 * The provider whose offer the popup showed for this country and tier gets the order, capped
 * at the price on the button: refused, never placed uncapped, when it is gone from that
 * provider's refreshed list or dearer there.
 */
function createOrder({ browser, engine, scheduler, offers }: HandlerContext) {
  const handler: PageHandler<'popup.createOrder'> = async (msg) => {
    const tab = await browser.tabs.get(msg.tabId);
    const detected = tab.url ? detectSite(tab.url) : null;
    if (!detected) throw new AppError('not_a_web_page', 'This tab is not a web page.');
    const site = await siteChoice(detected);
    const { offer, maxPrice } = offerForOrder(
      await offers.refreshedOffers(msg.service, msg.providerId),
      msg,
    );
    offers.orderChanged(msg.service);
    const order = await engine.create({
      providerId: offer.providerId,
      service: { code: msg.service, name: site.service?.name ?? msg.service },
      country: { code: msg.country, name: offer.countryName, iso: offer.countryIso },
      tier: msg.tier,
      maxPrice,
      site: { tabId: msg.tabId, origin: site.origin, domain: site.domain },
    });
    // The provider's live price was above the cap: nothing bought; offer the new price.
    if (order.state === 'failed' && order.lastError?.kind === 'price_moved') {
      const { message, currentPrice } = order.lastError;
      throw new ProviderError('price_moved', message, null, currentPrice ?? null);
    }
    await updatePreferences({ lastCountry: msg.country, tier: msg.tier });
    void scheduler.wake();
    return order;
  };
  return handler;
}
