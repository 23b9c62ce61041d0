import { currentLanguage, t, type Language } from '@/lib/i18n.ts';
import { COUNTRY_TABLE } from '@/lib/providers/data/countries.ts';

/** A pool the provider marks as virtual, named "(virtual)" in English ("USA (virtual)"). */
const VIRTUAL = /\s*\(virtual\)\s*$/i;

/**
 * A country's name in `lang`: English keeps the name the provider uses; other languages take
 * the browser's name for the ISO code, keeping a "virtual" mark.
 */
export function countryLabel(
  country: { name: string; iso: string | null },
  lang: Language = currentLanguage(),
): string {
  if (lang === 'en' || !country.iso) return country.name;
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([lang], { type: 'region' }).of(country.iso.toUpperCase());
  } catch {
    // Not an ISO region code the browser knows.
  }
  if (!name || name === country.iso.toUpperCase()) return country.name;
  return VIRTUAL.test(country.name) ? `${name} (${t('common.virtual')})` : name;
}

export interface CountryChoice {
  /** The shared country id (SMS-Activate numeric id), as offers and orders carry it. */
  id: string;
  label: string;
}

/** Every country the providers share an id for, by name in `lang`. */
export function countryChoices(lang: Language = currentLanguage()): CountryChoice[] {
  const collator = new Intl.Collator(lang);
  return COUNTRY_TABLE.map((c) => ({ id: c.id, label: countryLabel(c, lang) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}
