import type { Browser, Runtime } from 'webextension-polyfill';
import type { Engine } from '../orders/engine.ts';
import type { Scheduler } from '../orders/scheduler.ts';
import type { ProviderResolver } from '../providers/active.ts';
import { bindingRules, type BindingRules } from '../orders/binding.ts';
import { sameSite } from '../services/detect.ts';
import { readPreferences } from '../storage.ts';
import { anotherNumber, type AnotherNumberDeps } from './another-number.ts';
import { createContentHandlers } from './content-handlers.ts';
import { answerContent, answerPage } from './dispatch.ts';
import { createOffersService } from './offers-service.ts';
import { createPageHandlers, type HandlerContext } from './page-handlers.ts';
import { createSiteCountries } from './site-countries.ts';

export interface HandlerDeps {
  browser: Browser;
  engine: Engine;
  scheduler: Scheduler;
  provider: ProviderResolver;
  /** Which pages an order may fill (default: this build's, lib/orders/binding.ts). */
  binding?: BindingRules;
}

/**
 * The background's answers: one object of handlers per direction (page-handlers.ts,
 * content-handlers.ts), typed by the protocol map in lib/messaging.ts, behind one validating
 * dispatcher each (dispatch.ts).
 */
export function createHandlers(deps: HandlerDeps) {
  const { browser, engine } = deps;
  const offers = createOffersService(deps.provider);
  const siteCountries = createSiteCountries({ browser, now: Date.now });

  // "Try another number": the same offer, or the next best (another-number.ts).
  const swapDeps: AnotherNumberDeps = {
    engine,
    offers: offers.refreshedOffers,
    siteCountries: (o) =>
      siteCountries.lastReading(o.site.tabId, (u) => sameSite(u, o.site.domain)),
    priceCapCents: async () => (await readPreferences()).maxPriceCents,
  };

  const ctx: HandlerContext = {
    ...deps,
    binding: deps.binding ?? bindingRules(),
    offers,
    siteCountries,
    swapDeps,
  };
  const page = createPageHandlers(ctx);
  const content = createContentHandlers(ctx);

  return {
    onPage: (raw: unknown) => answerPage(page, raw),
    onContent: (raw: unknown, sender: Runtime.MessageSender) => answerContent(content, raw, sender),
    /** An order moved money or ended: the next popup asks the provider for the balance again. */
    orderStateChanged: offers.clearBalance,
    balanceAt: offers.balanceAt,
    anotherNumber: (orderId: string) => anotherNumber(swapDeps, orderId),
  };
}
