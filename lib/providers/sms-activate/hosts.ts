/**
 * Known hosts of the SMS-Activate protocol (providers.md section 2). The protocol says nothing
 * about currency or limits; what is here is what each host publishes (unverified against live
 * APIs, see providers.md). A custom address covers every other compatible host.
 */
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
}

const DEFAULTS = {
  currency: 'USD',
  rateLimitPerMinute: 60,
  earlyCancelSeconds: 120,
  maxPriceParam: 'maxPrice',
} as const;

export const SMS_ACTIVATE_HOSTS: readonly SmsActivateHost[] = [
  { ...DEFAULTS, id: 'herosms', name: 'HeroSMS', baseUrl: 'https://hero-sms.com' },
  { ...DEFAULTS, id: 'grizzlysms', name: 'GrizzlySMS', baseUrl: 'https://api.grizzlysms.com' },
  { ...DEFAULTS, id: 'smshub', name: 'SMSHub', baseUrl: 'https://smshub.org' },
  {
    ...DEFAULTS,
    id: 'daisysms',
    name: 'DaisySMS',
    baseUrl: 'https://daisysms.com',
    // DaisySMS asks for polls no faster than every 3 s.
    rateLimitPerMinute: 20,
    maxPriceParam: 'max_price',
  },
  { ...DEFAULTS, id: 'smsbower', name: 'SMSBower', baseUrl: 'https://smsbower.online' },
  // Reported dark since December 2025 (balances frozen); kept for mirrors that come back.
  { ...DEFAULTS, id: 'sms-activate', name: 'SMS-Activate', baseUrl: 'https://api.sms-activate.ae' },
];

export const DEFAULT_SMS_ACTIVATE_HOST = 'herosms';

/** The preset with this id, or a generic description of a custom host at `baseUrl`. */
export function smsActivateHost(presetId: string | undefined, baseUrl: string): SmsActivateHost {
  const preset = SMS_ACTIVATE_HOSTS.find((h) => h.id === presetId);
  if (preset && !baseUrl) return preset;
  if (preset) return { ...preset, baseUrl };
  let name = 'SMS-Activate-compatible host';
  try {
    name = new URL(baseUrl).hostname;
  } catch {
    // An unreadable address fails on the first request with a clear network error.
  }
  return { ...DEFAULTS, id: 'custom', name, baseUrl };
}

/** "https://host/stubs/handler_api.php?x" and "https://host/" both mean "https://host". */
export function normalizeSmsActivateUrl(url: string): string {
  return url
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/stubs\/handler_api\.php$/, '')
    .replace(/\/+$/, '');
}
