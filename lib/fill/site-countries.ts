/**
 * Which countries a page's phone country selector offers, as ISO 3166-1 alpha-2 codes: the
 * countries the site accepts numbers from. Pure (options in, codes out) and strict: a list
 * whose options cannot be mapped reliably gives null, never a wrong list, because the popup
 * dims every country left out of it.
 */
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { COUNTRY_ALIASES } from '../phone/country-aliases.ts';
import type { OptionDescriptor } from './collect.ts';

export interface SelectorOption extends OptionDescriptor {
  /** A disabled option is a placeholder or a separator, never a choice. */
  disabled?: boolean;
}

/** At most this share of real options may stay unmapped ("Other", a territory we lack). */
const UNMAPPED_SHARE = 0.05;

const KNOWN = new Set<string>(getCountries());

/** Calling code (digits) -> every country that uses it ("1" -> US, CA, ...). */
const BY_CALLING_CODE = (() => {
  const map = new Map<string, string[]>();
  for (const iso of getCountries()) {
    const code = getCountryCallingCode(iso);
    map.set(code, [...(map.get(code) ?? []), iso]);
  }
  return map;
})();

const callingCode = (iso: string): string => getCountryCallingCode(iso as CountryCode);

/** Lower-cased name -> ISO, in the page's languages and English, plus common aliases. */
const namesCache = new Map<string, Map<string, string>>();

function namesFor(locales: readonly string[]): Map<string, string> {
  const key = locales.join(',');
  const cached = namesCache.get(key);
  if (cached) return cached;
  const names = new Map<string, string>();
  for (const [iso, aliases] of Object.entries(COUNTRY_ALIASES)) {
    for (const a of aliases) names.set(fold(a), iso);
  }
  for (const locale of [...locales, 'en']) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      continue; // An invalid page language tag.
    }
    for (const iso of KNOWN) {
      const name = display.of(iso);
      if (!name || name === iso) continue;
      for (const form of [name, unbracketed(name)]) {
        if (!names.has(fold(form))) names.set(fold(form), iso);
      }
    }
  }
  namesCache.set(key, names);
  return names;
}

/** Case, accents, "&" and "St." folded: "St. Kitts & Nevis" = "Saint Kitts and Nevis". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Myanmar (Burma)" -> "Myanmar": sites often write the shorter form. */
const unbracketed = (name: string): string => name.replace(/\s*\(.*?\)\s*/g, ' ').trim();

/** 🇬🇧 -> GB: two regional indicator symbols. */
function flagIso(text: string): string | null {
  const m = /([\u{1F1E6}-\u{1F1FF}])([\u{1F1E6}-\u{1F1FF}])/u.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const letter = (s: string) => String.fromCharCode((s.codePointAt(0) ?? 0) - 0x1f1e6 + 65);
  return letter(m[1]) + letter(m[2]);
}

/** "gb", "GB", "en-GB", "gb_44", "uk": a two-letter token that is a known country. */
function valueIso(value: string): string | null {
  const tokens = value.split(/[^A-Za-z]+/).filter((t) => t.length === 2);
  const found = tokens.map((t) => (t.toUpperCase() === 'UK' ? 'GB' : t.toUpperCase()));
  const known = found.filter((t) => KNOWN.has(t));
  // "en-GB": a language then a region; take the last known two-letter token.
  return known.length ? (known[known.length - 1] ?? null) : null;
}

/** What is left of the text once dial codes, flags and brackets are out: a country name? */
function nameIso(text: string, names: Map<string, string>): string | null {
  const bare = fold(
    text
      .replace(/[\u{1F1E6}-\u{1F1FF}\p{Extended_Pictographic}]/gu, ' ')
      .replace(/\(\s*\+?\d[\d\s-]*\)|\[\s*\+?\d[\d\s-]*\]/g, ' ')
      .replace(/(?:\+|00)\s?\d[\d\s-]*/g, ' ')
      .replace(/^[\s:,\-–—|]+|[\s:,\-–—|]+$/g, ''),
  );
  if (!bare) return null;
  const upper = bare.toUpperCase();
  if (upper.length === 2 && KNOWN.has(upper)) return upper;
  return names.get(bare) ?? names.get(fold(unbracketed(bare))) ?? null;
}

/** "+44", "(+44)", "0044" in a text; a bare "44" only when the whole text is that. */
function textDial(text: string): string | null {
  const m = /(?:\+|\b00)\s?(\d{1,4})(?!\d)/.exec(text) ?? /^\(?(\d{1,4})\)?$/.exec(text.trim());
  return m?.[1] ?? null;
}

function valueDial(value: string): { digits: string; explicit: boolean } | null {
  const m = /^\(?(\+|00)?(\d{1,4})\)?$/.exec(value.replace(/\s/g, ''));
  return m?.[2] ? { digits: m[2], explicit: !!m[1] } : null;
}

/** `conflict`: the row names one country and dials another's code. */
type Mapped = { countries: string[] } | 'placeholder' | 'unmapped' | 'conflict';

/** One option's countries: by ISO value, flag or name (checked against any dial code shown). */
export function optionCountries(o: SelectorOption, locales: readonly string[] = []): Mapped {
  const text = o.text.trim();
  const fromValue = valueIso(o.value);
  const fromText = flagIso(text) ?? nameIso(text, namesFor(locales));
  if (fromValue && fromText && fromValue !== fromText) return 'conflict';
  const iso = fromValue ?? fromText;
  const dialInText = textDial(text);
  const dialInValue = valueDial(o.value);
  if (iso) {
    // A dial code shown beside the country must be that country's; a bare number in the
    // value may be the site's own id for the row and is not held against it.
    if (dialInText && dialInText !== callingCode(iso)) return 'conflict';
    if (dialInValue?.explicit && dialInValue.digits !== callingCode(iso)) return 'conflict';
    return { countries: [iso] };
  }
  const dial = dialInText ?? dialInValue?.digits ?? null;
  const shared = dial ? BY_CALLING_CODE.get(dial) : undefined;
  // A bare code shared by several countries (+1, +7, +44) accepts a number of any of them.
  if (shared) return { countries: shared };
  if (o.disabled || o.value.trim() === '' || !/[\p{L}\p{N}]/u.test(text)) return 'placeholder';
  return 'unmapped';
}

/**
 * The countries a selector offers, sorted and without duplicates; null when too many of its
 * options say nothing we can map (then the site's list is unknown, not empty).
 */
export function countriesOfOptions(
  options: readonly SelectorOption[],
  locales: readonly string[] = [],
): string[] | null {
  const found = new Set<string>();
  let real = 0;
  let unmapped = 0;
  options.forEach((o, i) => {
    const mapped = optionCountries(o, locales);
    // The first option of a list is its prompt ("Select", "Country") whatever its value.
    if (mapped === 'placeholder' || (mapped === 'unmapped' && i === 0)) return;
    real++;
    if (mapped === 'unmapped' || mapped === 'conflict') unmapped++;
    else for (const c of mapped.countries) found.add(c);
  });
  if (found.size === 0 || unmapped > Math.floor(real * UNMAPPED_SHARE)) return null;
  return [...found].sort();
}
