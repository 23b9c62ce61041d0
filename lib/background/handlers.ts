import type { Browser, Runtime } from 'webextension-polyfill';
import {
  contentMessage,
  pageMessage,
  type HelloReply,
  type OffersReply,
  type Reply,
} from '../messaging.ts';
import type { Engine } from '../orders/engine.ts';
import type { Scheduler } from '../orders/scheduler.ts';
import { OPEN_STATES, type Order } from '../orders/types.ts';
import { upsert, usableSettings, type ProviderResolver } from '../providers/active.ts';
import { createProviderCache } from '../providers/registry.ts';
import {
  bestOffers,
  combinedCapabilities,
  offerForOrder,
  offersAcross,
} from '../providers/offers.ts';
import { topUpUrlsOf } from '../providers/top-up.ts';
import type { Money } from '../money.ts';
import {
  ProviderError,
  type Offer,
  type Provider,
  type ProviderId,
  type ServiceInfo,
} from '../providers/types.ts';
import { bindingRules, ownTabFit, type BindingRules } from '../orders/binding.ts';
import { boundCodeHost } from '../orders/code-host.ts';
import { detectSite, registrableDomain, sameSite } from '../services/detect.ts';
import {
  DEFAULT_PREFERENCES,
  preferencesItem,
  providerSettingsItem,
  siteFieldsItem,
  rememberPhoneFormat,
  readPreferences,
  updatePreferences,
} from '../storage.ts';
import { createOffersCache } from './offers-cache.ts';
import { createOffersProgress } from './offers-progress.ts';
import { fail, ok } from './reply.ts';
import { withdrawnNumbers } from './tabs.ts';
import { wantsPage } from '../orders/queries.ts';
import { accessDeps, pokeOrderTab, siteAccessGranted } from './registration.ts';
import { mergeServices, rememberSiteService, siteChoice } from './site-services.ts';
import { createSiteCountries } from './site-countries.ts';
import { anotherNumber, type AnotherNumberDeps } from './another-number.ts';

/** How long a service's offers and the balance are reused between popup opens. */
const OFFERS_TTL_MS = 30_000;

/** How old offers shown at once (marked "updating") may be. */
const LAST_KNOWN_MS = 10 * 60_000;

/** A provider's service list (about 700 names) hardly changes; it is fetched once a while. */
const SERVICES_TTL_MS = 30 * 60_000;

export interface HandlerDeps {
  browser: Browser;
  engine: Engine;
  scheduler: Scheduler;
  provider: ProviderResolver;
  /** Which pages an order may fill (default: this build's, lib/orders/binding.ts). */
  binding?: BindingRules;
}

export function createHandlers(deps: HandlerDeps) {
  const { browser, engine, scheduler } = deps;
  const binding = deps.binding ?? bindingRules();
  const siteCountries = createSiteCountries({ browser, now: Date.now });

  async function allProviders(): Promise<Provider[]> {
    const all = await deps.provider.all();
    if (all.length === 0) await needProvider();
    return all;
  }

  type Listed = Omit<OffersReply, 'balance' | 'balanceOf'> & { main: Provider };
  const offersCache = createOffersCache<Listed>(OFFERS_TTL_MS);
  // The balance is kept apart: every order state change moves money and asks for it again,
  // while the offer list (two large requests) stays for its whole time.
  const balanceCache = createOffersCache<Money>(OFFERS_TTL_MS);
  const balanceOf = (main: Provider) => balanceCache.get(main.name, () => main.balance());
  const progress = createOffersProgress();

  /** A configured provider's balance (cached a while), for the balance floor; null: unknown. */
  async function balanceAt(providerId: ProviderId): Promise<Money | null> {
    const provider = (await deps.provider.all()).find((p) => p.id === providerId);
    return provider ? balanceOf(provider).catch(() => null) : null;
  }

  /** Every configured provider at once; per country the best Standard and Priority. */
  async function offersFor(service: string): Promise<OffersReply> {
    const listed = await offersCache.get(service, async () => {
      const providers = await allProviders();
      const track = progress.tracker(service);
      const { offers, answered, unanswered } = await offersAcross(providers, service, {}, track);
      const main = answered[0] ?? (await needProvider());
      const capabilities = combinedCapabilities(answered) ?? main.capabilities;
      return { offers, main, capabilities, unanswered };
    });
    const balance = await progress.track(service, listed.main, balanceOf(listed.main));
    return { ...replyOf(listed, balance), balance };
  }

  const replyOf = (listed: Listed, balance: Money) => ({
    unanswered: listed.unanswered,
    offers: bestOffers(listed.offers, balance.currency),
    capabilities: listed.capabilities,
    balanceOf: listed.main.id,
  });

  /**
   * A service's offers and the balance when both are in memory, fresh or from the last few
   * minutes (the popup shows those as "updating" and asks again); never asks.
   */
  function peekOffers(service: string): (OffersReply & { at: number }) | null {
    const listed = offersCache.peek(service) ?? offersCache.peekLast(service, LAST_KNOWN_MS);
    const main = listed?.value.main.name;
    const balance = main
      ? (balanceCache.peek(main) ?? balanceCache.peekLast(main, LAST_KNOWN_MS))
      : null;
    if (!listed || !balance) return null;
    const at = Math.min(listed.at, balance.at);
    return { ...replyOf(listed.value, balance.value), balance: balance.value, at };
  }

  const clearCaches = () => {
    offersCache.clear();
    balanceCache.clear();
  };

  /**
   * Offers just before an order: the clicked provider's asked again (its live prices), the
   * others' as the popup showed them (for the price to offer when the clicked one is gone).
   */
  async function refreshedOffers(service: string, providerId?: string): Promise<Offer[]> {
    const providers = await allProviders();
    const clicked = providers.filter((p) => p.id === providerId);
    if (clicked.length === 0) return (await offersFor(service)).offers;
    // The user clicked and waits: these requests go before popup refreshes and routine polls
    // in the rate budget (a queue of refreshes once kept an order at "Getting a number" 30 s).
    const fresh = (await offersAcross(clicked, service, { urgent: true })).offers;
    if (clicked.length === providers.length) return fresh;
    const others = offersCache.peek(service)?.value.offers ?? (await offersFor(service)).offers;
    return [...fresh, ...others.filter((o) => o.providerId !== providerId)];
  }

  const servicesCache = createOffersCache<ServiceInfo[]>(SERVICES_TTL_MS);

  // "Try another number": the same offer, or the next best (another-number.ts).
  const swapDeps: AnotherNumberDeps = {
    engine,
    offers: refreshedOffers,
    siteCountries: (o) =>
      siteCountries.lastReading(o.site.tabId, (u) => sameSite(u, o.site.domain)),
    priceCapCents: async () => (await readPreferences()).maxPriceCents,
  };

  /** Every configured provider's services as one list; a provider that fails is left out. */
  async function servicesList(): Promise<ServiceInfo[]> {
    const providers = await allProviders();
    // Keyed by who answers, so setting up another provider asks again.
    return servicesCache.get(providers.map((p) => p.name).join('|'), async () => {
      const replies = await Promise.allSettled(providers.map((p) => p.services()));
      const lists = replies.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failed = replies.find((r) => r.status === 'rejected');
      if (lists.length === 0 && failed) throw failed.reason;
      return mergeServices(lists);
    });
  }

  const topUpUrls = async () => topUpUrlsOf(usableSettings(await providerSettingsItem.getValue()));

  async function needProvider(): Promise<Provider> {
    const p = await deps.provider();
    if (!p) throw new Error('No provider is set up yet. Open the options and add your API key.');
    return p;
  }

  /** Open orders of a tab, and ended ones whose code still waits to be filled. */
  async function tabOrders(tabId: number): Promise<Order[]> {
    const now = Date.now();
    return (await engine.allOrders()).filter((o) => o.site.tabId === tabId && wantsPage(o, now));
  }

  async function onPage(raw: unknown): Promise<Reply<unknown>> {
    const parsed = pageMessage.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: { kind: 'bad_message', message: 'Bad message.' } };
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'popup.getState': {
          // Asked every second while the popup is open, and first paint waits for it: the
          // reads are independent, so they run together.
          const tab = browser.tabs.get(msg.tabId);
          const [site, provider, all, preferences, urls, countries] = await Promise.all([
            tab.then((t) => {
              const detected = t.url ? detectSite(t.url) : null;
              return detected ? siteChoice(detected) : null;
            }),
            deps.provider(),
            engine.allOrders(),
            preferencesItem.getValue(),
            topUpUrls(),
            // The page's country selector, read by the tab's fill script (site-countries.ts).
            tab.then((t) => siteCountries.forPopup(msg.tabId, t.url ?? '')),
          ]);
          const orders = all
            .filter((o) => o.site.tabId === msg.tabId || OPEN_STATES.has(o.state))
            .sort((a, b) => b.createdAt - a.createdAt)
            .slice(0, 10);
          // The site's offers when a popup fetched them lately: the first frame shows them
          // without a second round trip (the popup still refetches them once they are stale).
          const code = site?.service?.code;
          const cached = code ? peekOffers(code) : null;
          return ok({
            site,
            configured: provider !== null,
            orders,
            preferences: { ...DEFAULT_PREFERENCES, ...preferences },
            topUpUrls: urls,
            offers: code && cached ? { service: code, ...cached } : null,
            offersWaiting: code ? progress.waitingFor(code) : [],
            siteCountries: site ? countries : { countries: null, reading: false },
          });
        }
        case 'popup.getOffers':
          return ok(await offersFor(msg.service));
        case 'popup.getServices':
          return ok({ services: await servicesList() });
        case 'popup.setSiteService': {
          if (registrableDomain(msg.domain) !== msg.domain) throw new Error('Not a site.');
          await rememberSiteService(msg.domain, msg.service);
          return ok(true as const);
        }
        case 'popup.createOrder': {
          const tab = await browser.tabs.get(msg.tabId);
          const detected = tab.url ? detectSite(tab.url) : null;
          if (!detected) throw new Error('This tab is not a web page the extension can fill.');
          const site = await siteChoice(detected);
          // The provider whose offer the popup showed for this country and tier gets the order,
          // capped at the price on the button: refused, never placed uncapped, when it is gone
          // from that provider's refreshed list or dearer there.
          const offers = await refreshedOffers(msg.service, msg.providerId);
          const { offer, maxPrice } = offerForOrder(offers, msg);
          clearCaches();
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
          return ok(order);
        }
        case 'popup.cancelOrder': {
          clearCaches();
          const order = await engine.cancel(msg.orderId, 'user');
          void scheduler.wake();
          return ok(order);
        }
        case 'popup.anotherNumber': {
          const order = await anotherNumber(swapDeps, msg.orderId);
          clearCaches();
          void scheduler.wake();
          return ok(order);
        }
        case 'popup.requestAnotherSms': {
          const order = await engine.requestAnotherSms(msg.orderId);
          if (order && !order.anotherSms) {
            throw new Error('This provider cannot send another SMS for an order.');
          }
          void scheduler.wake();
          return ok(order);
        }
        case 'popup.fillAgain': {
          const order = await engine.apply(msg.orderId, { type: 'refill' });
          if (order) await pokeOrderTab(browser, order, order.site.tabId);
          return ok(order);
        }
        case 'popup.siteAccessGranted': {
          const orders = () => engine.allOrders();
          return ok(await siteAccessGranted(accessDeps(browser, orders, Date.now)));
        }
        case 'options.saveProvider': {
          // Tested before it is stored: a rejected or unreachable key never becomes a provider
          // that orders, polls or cancels.
          const balance = await createProviderCache(Date.now)(msg.settings).balance();
          const saved = await providerSettingsItem.getValue();
          await providerSettingsItem.setValue(upsert(saved, msg.settings));
          return ok({ balance });
        }
        case 'options.getStanding': {
          const provider = (await deps.provider.all()).find((p) => p.id === msg.providerId);
          return ok(provider?.account ? await provider.account() : null);
        }
      }
    } catch (e) {
      return fail(e);
    }
  }

  /**
   * The tab's orders this page may fill: on an origin the order is bound to, or one more host
   * of its site its own tab went on to during the signup (recorded, so it stays bound).
   */
  async function pageOrders(tabId: number, url: string): Promise<Order[]> {
    const fitting: Order[] = [];
    for (const order of await tabOrders(tabId)) {
      const fit = ownTabFit(order, url, binding);
      if (!fit) continue;
      if (fit.kind === 'follow')
        await engine.apply(order.id, { type: 'follow', origin: fit.origin });
      fitting.push(order);
    }
    return fitting;
  }

  /** A content script may only learn about, and report on, its own tab's order. */
  async function onContent(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
    const tabId = sender.tab?.id;
    const url = sender.url;
    if (tabId === undefined || !url || sender.frameId !== 0) return null;
    const parsed = contentMessage.safeParse(raw);
    if (!parsed.success) return null;
    const msg = parsed.data;
    // The page's own reading of its country selector: about the tab, not about an order.
    if (msg.type === 'content.siteCountries') {
      await siteCountries.report(tabId, url, msg.countries);
      return true;
    }
    const mine = await pageOrders(tabId, url);
    switch (msg.type) {
      case 'content.hello': {
        const order = mine.sort((a, b) => b.createdAt - a.createdAt)[0];
        // A code bound to another host by its SMS (`@host #code`) never reaches this page.
        const codeHost = order ? boundCodeHost(order) : null;
        const allowed = codeHost === null || codeHost === new URL(url).hostname.toLowerCase();
        const hasCode = order?.state === 'received' || order?.state === 'completed';
        // The options' auto-fill switches: off, the page gets nothing filled (the popup shows it).
        const { autoFillPhone, autoFillCode } = await readPreferences();
        // "Fill again" in the popup is the user asking by hand: it fills whatever the switches say.
        const byHand = !!order?.fillAsked;
        const reply: HelloReply = {
          orderId: order?.id ?? null,
          phone: order?.phone ?? null,
          code: hasCode && allowed ? order.code : null,
          fillPhone: (autoFillPhone || byHand) && !!order?.phone && !order.phoneFilled,
          fillCode: (autoFillCode || byHand) && allowed && !!order?.code && !order.codeFilled,
          codeHost,
          fields: order ? ((await siteFieldsItem.getValue())[order.site.domain] ?? null) : null,
          withdrawn: withdrawnNumbers(await engine.allOrders(), { tabId, url }, order, binding),
          focusSubmit: !!order?.previousOrderId,
        };
        return reply;
      }
      case 'content.filled': {
        if (!mine.some((o) => o.id === msg.orderId)) return null;
        await engine.apply(msg.orderId, { type: 'filled', what: msg.what });
        const domain = mine.find((o) => o.id === msg.orderId)?.site.domain;
        if (msg.phoneFormat && domain) await rememberPhoneFormat(domain, msg.phoneFormat);
        return true;
      }
      case 'content.codeFieldVisible': {
        if (!mine.some((o) => o.id === msg.orderId)) return null;
        scheduler.codeFieldVisible(msg.orderId);
        return true;
      }
      case 'content.rejected': {
        if (!mine.some((o) => o.id === msg.orderId)) return null;
        await engine.apply(msg.orderId, { type: 'rejected', text: msg.text });
        return true;
      }
    }
  }

  /** An order moved money or ended: the next popup asks the provider for the balance again. */
  const orderStateChanged = () => balanceCache.clear();

  const another = (orderId: string) => anotherNumber(swapDeps, orderId);
  return { onPage, onContent, orderStateChanged, balanceAt, anotherNumber: another };
}
