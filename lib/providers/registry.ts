import { capabilitiesOf, smsActivateHostOf, type ProviderSettings } from './catalog.ts';
import { createCodasmsProvider } from './codasms/client.ts';
import { createFivesimProvider } from './fivesim/client.ts';
import { createOrderMemo, type OrderMemo } from './order-once.ts';
import { createRateBudget, type RateBudget } from './rate-budget.ts';
import { createSmsActivateProvider } from './sms-activate/client.ts';
import type { Provider, ProviderId } from './types.ts';

// The adapters behind each family. The facts about a family (names, addresses, currency,
// capabilities) are in catalog.ts, which pages read without loading any adapter.
export type { ProviderSettings } from './catalog.ts';

export interface FactoryDeps {
  budget: RateBudget;
  /** What order-once remembers between calls for this key. */
  memo: OrderMemo;
  now: () => number;
}

type Factory = (settings: ProviderSettings, deps: FactoryDeps) => Provider;

/** Total: adding a ProviderId without a factory is a type error. */
export const providerFactories: Record<ProviderId, Factory> = {
  codasms: (settings, deps) =>
    createCodasmsProvider({
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl || undefined,
      budget: deps.budget,
      now: deps.now,
    }),
  smsactivate: (settings, deps) =>
    createSmsActivateProvider({
      apiKey: settings.apiKey,
      host: smsActivateHostOf(settings),
      budget: deps.budget,
      memo: deps.memo,
      now: deps.now,
    }),
  fivesim: (settings, deps) =>
    createFivesimProvider({
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl || undefined,
      currency: settings.currency,
      budget: deps.budget,
      memo: deps.memo,
      now: deps.now,
    }),
};

/**
 * Makes providers, keeping one rate budget (and one order memo) per provider key so every
 * caller in this worker shares it.
 */
export function createProviderCache(now: () => number = Date.now) {
  const perKey = new Map<string, FactoryDeps>();
  return (settings: ProviderSettings): Provider => {
    const id = `${settings.providerId}|${settings.hostPreset ?? ''}|${settings.baseUrl}|${settings.apiKey}`;
    let deps = perKey.get(id);
    if (!deps) {
      const perMinute = capabilitiesOf[settings.providerId](settings).rateLimitPerMinute;
      // An eighth of the share (6 of CODASMS's 48 a minute) stays free for what someone waits
      // on (purchases, cancels, code polls), so it never queues behind offers and routine
      // polls; a tenth of the limit beyond the share (6 more) is the code polls' alone.
      const reserve = Math.floor((perMinute * 0.8) / 8);
      const codeReserve = Math.floor(perMinute * 0.1);
      const budget = createRateBudget({ perMinute, now, reserve, codeReserve });
      deps = { budget, memo: createOrderMemo(), now };
      perKey.set(id, deps);
    }
    return providerFactories[settings.providerId](settings, deps);
  };
}
