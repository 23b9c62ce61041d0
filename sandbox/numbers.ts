/**
 * Realistic phone numbers: the country's example mobile number with randomized trailing
 * digits, kept only when libphonenumber-js (full metadata) says it is a valid mobile number of
 * that country.
 */
import type { CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { randDigits, type Rng } from './random.ts';

const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Normalizes "+62 812-345", "62812345" and the like to E.164 ("+62812345"); null if no digits. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : null;
}

export function isValidMobileFor(e164: string, iso: CountryCode): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || !parsed.isValid() || parsed.country !== iso) return false;
  const type = parsed.getType();
  return type !== undefined && MOBILE_TYPES.has(type);
}

/**
 * A valid mobile number of `iso` in E.164 for which `isTaken` is false.
 * Throws only if no such number is found after many attempts (not expected in practice).
 */
export function generateNumber(
  iso: CountryCode,
  rng: Rng,
  isTaken: (e164: string) => boolean,
): string {
  const example = getExampleNumber(iso, examples);
  if (!example) throw new Error(`no example number for ${iso}`);
  const national = String(example.nationalNumber);
  const cc = String(example.countryCallingCode);
  for (let attempt = 0; attempt < 400; attempt++) {
    // Start with the last 6 digits; widen the random part if collisions keep happening.
    const randomCount = Math.min(national.length - 2, 6 + Math.floor(attempt / 100));
    const candidate = `+${cc}${national.slice(0, national.length - randomCount)}${randDigits(rng, randomCount)}`;
    if (isValidMobileFor(candidate, iso) && !isTaken(candidate)) return candidate;
  }
  throw new Error(`could not generate a free number for ${iso}`);
}
