import { createCodasmsProvider } from './codasms/client.ts';
import { createRateBudget, type RateBudget } from './rate-budget.ts';
import type { Provider, ProviderId } from './types.ts';

export interface ProviderSettings {
  providerId: ProviderId;
  apiKey: string;
  /** Empty = the provider's public API. */
  baseUrl: string;
}

export interface FactoryDeps {
  budget: RateBudget;
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
};

export const providerRateLimits: Record<ProviderId, number> = {
  codasms: 60,
};

/**
 * Makes providers, keeping one rate budget per provider key so every caller in this worker
 * shares it.
 */
export function createProviderCache(now: () => number = Date.now) {
  const budgets = new Map<string, RateBudget>();
  return (settings: ProviderSettings): Provider => {
    const id = `${settings.providerId}|${settings.baseUrl}|${settings.apiKey}`;
    let budget = budgets.get(id);
    if (!budget) {
      budget = createRateBudget({ perMinute: providerRateLimits[settings.providerId], now });
      budgets.set(id, budget);
    }
    return providerFactories[settings.providerId](settings, { budget, now });
  };
}
