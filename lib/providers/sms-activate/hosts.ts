/**
 * Known hosts of the SMS-Activate protocol (sandbox/faces/sms-activate.ts serves it). The protocol says nothing
 * about currency or limits; what is here is what each host publishes (unverified against live
 * APIs, see sandbox/dialects/README.md). A custom address covers every other
 * compatible host.
 */

/** Whose error words a host speaks (map.ts keeps one table per dialect). */
export type ErrorDialect = 'classic' | 'herosms' | 'daisysms' | 'grizzly' | 'smsbower' | 'any';

/**
 * What a host offers beyond the core actions (getBalance, getNumber, getStatus, setStatus,
 * getPrices). `detect`: try once per key and remember the answer. Nothing here is needed to
 * order: a host without a listing is guarded by its balance instead (order-once.ts).
 */
export interface HostFeatures {
  /** getActiveActivations: one request for every open order (bulk status, order-once). */
  listing: 'yes' | 'no' | 'detect';
  /** getNumberV2 (the price and window come with the number). */
  numberV2: 'yes' | 'no' | 'detect';
  /** getStatusV2: the SMS's full text beside the code (HeroSMS). */
  statusV2: boolean;
}

export interface SmsActivateHost {
  id: string;
  name: string;
  /** Origin; the adapter appends /stubs/handler_api.php. */
  baseUrl: string;
  currency: string;
  rateLimitPerMinute: number;
  earlyCancelSeconds: number;
  /** DaisySMS names the price cap `max_price`; the others `maxPrice`. */
  maxPriceParam: 'maxPrice' | 'max_price';
  features: HostFeatures;
  errors: ErrorDialect;
}

const DETECT: HostFeatures = { listing: 'detect', numberV2: 'detect', statusV2: false };

const DEFAULTS = {
  currency: 'USD',
  rateLimitPerMinute: 60,
  earlyCancelSeconds: 120,
  maxPriceParam: 'maxPrice',
  features: DETECT,
  errors: 'any',
} as const;

export const SMS_ACTIVATE_HOSTS: readonly SmsActivateHost[] = [
  {
    ...DEFAULTS,
    id: 'herosms',
    name: 'HeroSMS',
    baseUrl: 'https://hero-sms.com',
    // Its list comes under `data`; errors as JSON {title, details} with an HTTP status.
    features: { listing: 'yes', numberV2: 'yes', statusV2: true },
    errors: 'herosms',
  },
  {
    ...DEFAULTS,
    id: 'grizzlysms',
    name: 'GrizzlySMS',
    baseUrl: 'https://api.grizzlysms.com',
    // Its published actions include getNumberV2 but no listing; detected in case it has one.
    features: { listing: 'detect', numberV2: 'yes', statusV2: false },
    errors: 'grizzly',
  },
  { ...DEFAULTS, id: 'smshub', name: 'SMSHub', baseUrl: 'https://smshub.org', errors: 'classic' },
  {
    ...DEFAULTS,
    id: 'daisysms',
    name: 'DaisySMS',
    baseUrl: 'https://daisysms.com',
    // DaisySMS asks for polls no faster than every 3 s.
    rateLimitPerMinute: 20,
    maxPriceParam: 'max_price',
    features: { listing: 'no', numberV2: 'no', statusV2: false },
    errors: 'daisysms',
  },
  {
    ...DEFAULTS,
    id: 'smsbower',
    name: 'SMSBower',
    baseUrl: 'https://smsbower.online',
    // Answers getActiveActivations with BAD_ACTION.
    features: { listing: 'no', numberV2: 'yes', statusV2: false },
    errors: 'smsbower',
  },
  // Reported dark since December 2025 (balances frozen); kept for mirrors that come back.
  {
    ...DEFAULTS,
    id: 'sms-activate',
    name: 'SMS-Activate',
    baseUrl: 'https://api.sms-activate.ae',
    features: { listing: 'yes', numberV2: 'yes', statusV2: false },
    errors: 'classic',
  },
];

export const DEFAULT_SMS_ACTIVATE_HOST = 'herosms';

/**
 * How a custom host is named where the user gave it no name: its host name without the
 * "api." or "www." in front ("https://api.sms.example.com/x" -> "sms.example.com"); null when
 * the address cannot be read.
 */
export function customHostName(baseUrl: string): string | null {
  try {
    const { hostname } = new URL(baseUrl.trim());
    return hostname.replace(/^(?:api|www)\.(?=[^.]+\.[^.]+)/i, '') || null;
  } catch {
    // An unreadable address fails on the first request with a clear network error.
    return null;
  }
}

/**
 * The preset with this id, or a custom host at `baseUrl`, named as the user named it in the
 * options (`name`), else by its host name. Presets keep their brand names.
 */
export function smsActivateHost(
  presetId: string | undefined,
  baseUrl: string,
  name?: string,
): SmsActivateHost {
  const preset = SMS_ACTIVATE_HOSTS.find((h) => h.id === presetId);
  if (preset && !baseUrl) return preset;
  if (preset) return { ...preset, baseUrl };
  const shown = name?.trim() || customHostName(baseUrl) || 'SMS-Activate-compatible host';
  return { ...DEFAULTS, id: 'custom', name: shown, baseUrl };
}

/** "https://host/stubs/handler_api.php?x" and "https://host/" both mean "https://host". */
export function normalizeSmsActivateUrl(url: string): string {
  return url
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/stubs\/handler_api\.php$/, '')
    .replace(/\/+$/, '');
}
