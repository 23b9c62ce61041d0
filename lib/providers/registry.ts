import { createCodasmsProvider, codasmsCapabilities } from './codasms/client.ts';
import { createFivesimProvider, fivesimCapabilities } from './fivesim/client.ts';
import { createOrderMemo, type OrderMemo } from './order-once.ts';
import { createRateBudget, type RateBudget } from './rate-budget.ts';
import { smsActivateCapabilities } from './sms-activate/client.ts';
import { createSmsActivateProvider } from './sms-activate/client.ts';
import { smsActivateHost } from './sms-activate/hosts.ts';
import type { Capabilities, Provider, ProviderId } from './types.ts';

export interface ProviderSettings {
  providerId: ProviderId;
  apiKey: string;
  /** Empty = the provider's public API (for the SMS-Activate protocol: the preset's host). */
  baseUrl: string;
  /** SMS-Activate protocol: which known host (lib/providers/sms-activate/hosts.ts). */
  hostPreset?: string;
  /** Account currency where the API does not say it (5sim, custom SMS-Activate hosts). */
  currency?: string;
  /** A custom SMS-Activate-protocol host's name, as the user gave it (else its host name). */
  name?: string;
  /** When the options page saved it (its "Save and test" tests the latest). */
  savedAt?: number;
}

export interface FactoryDeps {
  budget: RateBudget;
  /** What order-once remembers between calls for this key. */
  memo: OrderMemo;
  now: () => number;
}

type Factory = (settings: ProviderSettings, deps: FactoryDeps) => Provider;

const smsActivateHostOf = (settings: ProviderSettings) => {
  const host = smsActivateHost(settings.hostPreset, settings.baseUrl, settings.name);
  return settings.currency ? { ...host, currency: settings.currency } : host;
};

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

/** Capabilities known from settings alone (before any request), per family. */
export const capabilitiesOf: Record<ProviderId, (settings: ProviderSettings) => Capabilities> = {
  codasms: () => codasmsCapabilities,
  smsactivate: (settings) => smsActivateCapabilities(smsActivateHostOf(settings)),
  fivesim: () => fivesimCapabilities,
};

/** The name people know the provider by, from settings alone. */
export function providerName(settings: ProviderSettings): string {
  switch (settings.providerId) {
    case 'codasms':
      return 'CODASMS';
    case 'smsactivate':
      return smsActivateHostOf(settings).name;
    case 'fivesim':
      return '5sim';
  }
}

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
      // An eighth of the share (6 of CODASMS's 48 a minute) stays free for the polls a page
      // waits on, so they never queue behind offers, orders and routine polls.
      const reserve = Math.floor((perMinute * 0.8) / 8);
      const budget = createRateBudget({ perMinute, now, reserve });
      deps = { budget, memo: createOrderMemo(), now };
      perKey.set(id, deps);
    }
    return providerFactories[settings.providerId](settings, deps);
  };
}
