import {
  parsePhoneNumberFromString,
  getCountryCallingCode,
  isSupportedCountry,
  type CountryCode,
} from 'libphonenumber-js';

/** A phone number split the way signup forms ask for it. */
export interface PhoneParts {
  /** The number in E.164: "+6281234567890". */
  e164: string;
  /** ISO 3166-1 alpha-2 country, when the number belongs to one: "ID". */
  country: string | null;
  /** The country calling code with a plus: "+62". */
  dialCode: string;
  /** National significant number, digits only, no trunk prefix: "81234567890". */
  national: string;
}

/** Splits an E.164 number; null when it is not a valid-looking international number. */
export function splitE164(e164: string): PhoneParts | null {
  const cleaned = e164.trim().replace(/[^\d+]/g, '');
  if (!/^\+\d{6,15}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned);
  if (!parsed) return null;
  return {
    e164: parsed.number,
    country: parsed.country ?? null,
    dialCode: `+${parsed.countryCallingCode}`,
    national: parsed.nationalNumber,
  };
}

/** Joins a dial code ("+62", "62") and national digits back into E.164; null when invalid. */
export function joinE164(dialCode: string, national: string): string | null {
  const cc = dialCode.replace(/\D/g, '');
  const nn = national.replace(/\D/g, '').replace(/^0+/, '');
  if (!cc || !nn) return null;
  return splitE164(`+${cc}${nn}`)?.e164 ?? null;
}

/** The calling code for an ISO country ("ID" -> "+62"), or null for an unknown country. */
export function dialCodeFor(country: string): string | null {
  const iso = country.toUpperCase();
  return isSupportedCountry(iso) ? `+${getCountryCallingCode(iso as CountryCode)}` : null;
}

/** International display form: "+62 812-3456-7890"; the input unchanged when unparsable. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164.trim())?.formatInternational() ?? e164;
}

/** National display form as the country writes it ("0812-3456-7890"). */
export function formatNational(e164: string): string {
  return parsePhoneNumberFromString(e164.trim())?.formatNational() ?? e164;
}
