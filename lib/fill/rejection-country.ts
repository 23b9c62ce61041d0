/**
 * Is a site's refusal about the number's country (or prefix) rather than the number itself?
 * Then the number that replaces it comes from another country (lib/orders/replacement.ts).
 * Kept apart from rejection.ts: only the background asks, the page script never does.
 */
import { callingCodeOf } from '../phone/calling-codes.ts';
import { MAX_TEXT, normalise } from './rejection-text.ts';
import { COUNTRY_WORDS } from './rejection-words.ts';
import { escapeRegExp as escape, hasWord, NO_SPACES } from './whole-word.ts';

/** A name matched by its stem: the last letter may change and up to three letters follow. */
const byStem = (text: string, name: string) =>
  name.length > 4 && !NO_SPACES.test(name)
    ? hasWord(text, name.slice(0, -1), 3)
    : hasWord(text, name);

const COUNTRY_TERMS: readonly string[] = [...new Set(Object.values(COUNTRY_WORDS).flat())].map(
  normalise,
);

/** The country's names in the languages the vocabulary knows ("Indonesia", "Индонезия", ...). */
function countryNames(country: { name: string; iso: string | null }): string[] {
  const names = new Set([normalise(country.name.replace(/\s*\(.*\)\s*$/, ''))]);
  if (country.iso) {
    for (const lang of Object.keys(COUNTRY_WORDS)) {
      try {
        const name = new Intl.DisplayNames([lang], { type: 'region' }).of(
          country.iso.toUpperCase(),
        );
        if (name) names.add(normalise(name));
      } catch {
        // An engine without that language's names: the others still count.
      }
    }
  }
  return [...names].filter((n) => n.length > 1);
}

/**
 * Whether a refusal is about the number's country or prefix rather than the number itself:
 * the text speaks of a country, region or prefix, names the country, or quotes its dialling
 * code ("Numbers starting with +62 are not accepted"). Then a new number of that country would
 * be refused too.
 */
export function refusesCountry(text: string, country: { name: string; iso: string | null }) {
  const t = normalise(text.slice(0, MAX_TEXT));
  if (COUNTRY_TERMS.some((w) => hasWord(t, w))) return true;
  if (countryNames(country).some((n) => byStem(t, n))) return true;
  const dial = country.iso ? callingCodeOf(country.iso) : null;
  // "+62" on its own, not the start of a whole number the page quotes back ("+62 812-...").
  return dial !== null && new RegExp(`${escape(dial)}(?!\\s?[\\d(-])`).test(t);
}
