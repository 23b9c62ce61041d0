/**
 * Pure decisions for phone entry: which dial-code option matches a number's country, and
 * whether a field expects the international or the national form.
 */
import type { FieldDescriptor, OptionDescriptor } from './collect.ts';

export interface NumberCountry {
  /** ISO 3166-1 alpha-2, or null for non-geographic numbers. */
  country: string | null;
  /** "+62" */
  dialCode: string;
}

function countryNames(iso: string, locales: readonly string[]): string[] {
  const names: string[] = [];
  for (const locale of locales) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'region' }).of(iso);
      if (name && name !== iso) names.push(name.toLowerCase());
    } catch {
      // An invalid page language tag: skip it.
    }
  }
  return names;
}

function bareName(text: string): string {
  return text
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/\+?\d+/g, ' ')
    .replace(/[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu, ' ')
    .replace(/[\s:,\-–—]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Index of the option for the number's country, or -1. Options may carry dial codes ("+62",
 * "62"), ISO codes ("ID", "id-62") or names ("Indonesia (+62)"); shared dial codes (+1, +7)
 * are told apart by ISO code or name.
 */
export function matchDialOption(
  options: readonly OptionDescriptor[],
  number: NumberCountry,
  locales: readonly string[] = ['en'],
): number {
  const digits = number.dialCode.replace(/\D/g, '');
  const valueDial = new RegExp(`^\\(?(?:\\+|00)?${digits}\\)?$`);
  const textDial = new RegExp(`\\+\\s?${digits}(?!\\d)`);
  const iso = number.country?.toUpperCase() ?? null;
  const names = iso ? countryNames(iso, [...locales, 'en']) : [];
  let bestIndex = -1;
  let bestScore = 0;
  options.forEach((o, i) => {
    const value = o.value.replace(/\s/g, '');
    const dial = valueDial.test(value) || textDial.test(o.text) || valueDial.test(o.text.trim());
    const isoHit =
      iso !== null &&
      (value.toUpperCase() === iso ||
        value.split(/[^A-Za-z]+/).some((tok) => tok.toUpperCase() === iso && tok.length === 2) ||
        o.text.trim().toUpperCase() === iso);
    const bare = bareName(o.text);
    const nameHit = bare !== '' && names.some((n) => bare === n || bare.startsWith(`${n} `));
    const score = (dial ? 4 : 0) + (isoHit ? 3 : 0) + (nameHit ? 2 : 0);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  return bestIndex;
}

export type EntryFormat = 'international' | 'national' | 'national-trunk';

function patternAccepts(pattern: string, value: string): boolean | null {
  for (const flags of ['v', 'u']) {
    try {
      return new RegExp(`^(?:${pattern})$`, flags).test(value);
    } catch {
      // Not valid under this flag; try the next.
    }
  }
  return null;
}

/**
 * How to type a number into a lone phone field: international ("+62812...") unless the field
 * shows that it wants the national form.
 */
export function entryFormatFor(
  d: Pick<
    FieldDescriptor,
    'autocomplete' | 'adjacentDialCode' | 'type' | 'maxLength' | 'pattern' | 'placeholder'
  >,
  e164: string,
  national: string,
): EntryFormat {
  const trunk = d.placeholder.replace(/[^\d+]/g, '').startsWith('0')
    ? 'national-trunk'
    : 'national';
  if (d.autocomplete.includes('tel-national') || d.autocomplete.includes('tel-local')) return trunk;
  if (d.adjacentDialCode) return 'national';
  if (d.type === 'number') return trunk;
  if (d.maxLength !== null && d.maxLength > 0 && d.maxLength < e164.length) return trunk;
  if (d.pattern) {
    const intl = patternAccepts(d.pattern, e164);
    if (
      intl === false &&
      (patternAccepts(d.pattern, national) || patternAccepts(d.pattern, `0${national}`))
    ) {
      return patternAccepts(d.pattern, national) ? 'national' : 'national-trunk';
    }
  }
  const placeholder = d.placeholder.trim();
  if (placeholder.replace(/\D/g, '').length >= 6) {
    return /^(?:\+|00)/.test(placeholder) ? 'international' : trunk;
  }
  return 'international';
}
