/**
 * What the extension knows about each provider family before it talks to one: its name, the
 * protocol it speaks, its default address, where the user tops up, the account currency and
 * what it can do. Plain data and pure functions: nothing here imports an HTTP client or a
 * schema, so the options page and the popup read the same facts as the adapters
 * (lib/providers/registry.ts) without carrying them.
 */
import {
  DEFAULT_SMS_ACTIVATE_HOST,
  SMS_ACTIVATE_HOSTS,
  smsActivateHost,
  type SmsActivateHost,
} from './sms-activate/hosts.ts';
import type { Capabilities, ProviderId } from './types.ts';

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

export interface ProviderFamily {
  id: ProviderId;
  /**
   * The name people and support desks know the family by. The SMS-Activate protocol is spoken
   * by many hosts: each one's own name comes from its host (providerName).
   */
  name: string;
  /** The wire protocol its adapter speaks (the sandbox serves each: sandbox/faces/). */
  protocol: 'codasms-rest' | 'sms-activate' | '5sim-rest';
  /** The API origin used when the address is left empty; null: it comes from the host preset. */
  defaultBaseUrl: string | null;
  /** The account currency when neither the API nor the user names it. */
  currency: string;
  /** What an API key looks like, for the key field's placeholder ('' when nothing typical). */
  keyPlaceholder: string;
}

/** Every provider family, in the order the options page offers them. */
export const PROVIDER_FAMILIES: readonly ProviderFamily[] = [
  {
    id: 'codasms',
    name: 'CODASMS',
    protocol: 'codasms-rest',
    defaultBaseUrl: 'https://api.codasms.com',
    currency: 'USD',
    keyPlaceholder: 'coda_live_…',
  },
  {
    id: 'smsactivate',
    name: 'SMS-Activate protocol',
    protocol: 'sms-activate',
    defaultBaseUrl: null,
    currency: 'USD',
    keyPlaceholder: '',
  },
  {
    id: 'fivesim',
    name: '5sim',
    protocol: '5sim-rest',
    defaultBaseUrl: 'https://5sim.net',
    // 5sim accounts keep their balance in one currency its API does not name; most use roubles.
    currency: 'RUB',
    keyPlaceholder: '',
  },
];

const familyOf = (id: ProviderId): ProviderFamily =>
  PROVIDER_FAMILIES.find((f) => f.id === id) ?? PROVIDER_FAMILIES[0]!;

/** Total over ProviderId: a family missing here is a type error. */
export const PROVIDERS = Object.fromEntries(PROVIDER_FAMILIES.map((f) => [f.id, f])) as Record<
  ProviderId,
  ProviderFamily
>;

export const CODASMS_DEFAULT_BASE_URL = familyOf('codasms').defaultBaseUrl ?? '';
export const FIVESIM_DEFAULT_BASE_URL = familyOf('fivesim').defaultBaseUrl ?? '';

export const codasmsCapabilities: Capabilities = {
  windowSeconds: 1200,
  // CODASMS documents no early-cancel lock (its official client cancels at once); a refusal,
  // should a server send one, is understood and retried at the time it names.
  earlyCancelSeconds: 0,
  rateLimitPerMinute: 60,
  bulkCheck: false,
  tiers: ['standard', 'priority'],
  anotherSms: false,
  complete: false,
};

export const fivesimCapabilities: Capabilities = {
  windowSeconds: 1200,
  // 5sim publishes no early-cancel rule; two minutes keeps the engine from asking too soon if
  // it has one (a refusal is understood either way).
  earlyCancelSeconds: 120,
  rateLimitPerMinute: 60,
  bulkCheck: false,
  tiers: ['standard', 'priority'],
  // Later SMS simply join the order's `sms` list; there is nothing to ask for.
  anotherSms: false,
  complete: true,
};

export function smsActivateCapabilities(host: SmsActivateHost): Capabilities {
  return {
    windowSeconds: 1200,
    earlyCancelSeconds: host.earlyCancelSeconds,
    rateLimitPerMinute: host.rateLimitPerMinute,
    // A host that may list open orders (detected ones fall back to one check per order).
    bulkCheck: host.features.listing !== 'no',
    tiers: ['standard', 'priority'],
    anotherSms: true,
    complete: true,
  };
}

/** The SMS-Activate-protocol host these settings point at, with the currency the user named. */
export function smsActivateHostOf(settings: ProviderSettings): SmsActivateHost {
  const host = smsActivateHost(settings.hostPreset, settings.baseUrl, settings.name);
  return settings.currency ? { ...host, currency: settings.currency } : host;
}

/** Capabilities known from settings alone (before any request), per family. */
export const capabilitiesOf: Record<ProviderId, (settings: ProviderSettings) => Capabilities> = {
  codasms: () => codasmsCapabilities,
  smsactivate: (settings) => smsActivateCapabilities(smsActivateHostOf(settings)),
  fivesim: () => fivesimCapabilities,
};

/** The name people know the provider by, from settings alone ("CODASMS", "HeroSMS", "5sim"). */
export function providerName(settings: ProviderSettings): string {
  return settings.providerId === 'smsactivate'
    ? smsActivateHostOf(settings).name
    : familyOf(settings.providerId).name;
}

/**
 * The API address used when the address is left empty: the family's, or the chosen host
 * preset's; '' when one must be typed (a custom SMS-Activate-protocol host).
 */
export function defaultBaseUrl(providerId: ProviderId, hostPreset?: string): string {
  if (providerId !== 'smsactivate') return familyOf(providerId).defaultBaseUrl ?? '';
  return SMS_ACTIVATE_HOSTS.find((h) => h.id === hostPreset)?.baseUrl ?? '';
}

/** The host preset a new SMS-Activate-protocol provider starts with. */
export const DEFAULT_HOST_PRESET = DEFAULT_SMS_ACTIVATE_HOST;

/** The API address these settings reach: the typed one, else the default. */
export function apiAddress(settings: ProviderSettings): string {
  return settings.providerId === 'smsactivate'
    ? smsActivateHost(settings.hostPreset, settings.baseUrl).baseUrl
    : settings.baseUrl || defaultBaseUrl(settings.providerId);
}

/** The currency the account's prices come in, which caps and limits are compared with. */
export function accountCurrency(settings: ProviderSettings | undefined): string {
  if (!settings) return familyOf('codasms').currency;
  if (settings.currency) return settings.currency;
  if (settings.providerId === 'smsactivate') return smsActivateHostOf(settings).currency;
  return familyOf(settings.providerId).currency;
}
