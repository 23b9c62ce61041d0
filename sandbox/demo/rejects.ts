/**
 * Numbers the demo site refuses, the way real signups refuse VoIP or blocked ranges: by the
 * number's country (ISO 3166 alpha-2) or by the exact number. Set per sandbox through the
 * control API (/control/site-rejects), or per page with the query flag `?reject=ID,MY`, which
 * the page sends along with "Send code".
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const REJECTED_NUMBER =
  'This phone number cannot be used for verification. Please use a different number.';
/** A country the site takes no numbers from: said the way signups say it. */
export const REJECTED_COUNTRY =
  'Phone numbers from this country are not supported. Please use a different number.';

export interface SiteRejects {
  countries: Set<string>;
  numbers: Set<string>;
}

export function createSiteRejects(): SiteRejects {
  return { countries: new Set(), numbers: new Set() };
}

/** `ID, my ,XX1` -> ID, MY: ISO codes only, at most a few dozen. */
export function isoList(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  return raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => /^[A-Z]{2}$/.test(s))
    .slice(0, 50);
}

/**
 * The site's error when it refuses this E.164 number (given the page's own `?reject=` list),
 * or null when it takes it: one for the number itself, another for its country.
 */
export function refusal(
  rejects: SiteRejects,
  phone: string,
  pageList: readonly string[],
): string | null {
  if (rejects.numbers.has(phone)) return REJECTED_NUMBER;
  const country = parsePhoneNumberFromString(phone)?.country;
  if (!country) return null;
  return rejects.countries.has(country) || pageList.includes(country) ? REJECTED_COUNTRY : null;
}
