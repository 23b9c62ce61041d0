import { callingCodeOf } from '@/lib/phone/calling-codes.ts';
import { COUNTRY_ALIASES as ALIASES } from '@/lib/phone/country-aliases.ts';

// What people type for a country besides its name: the ISO code ("us"), the dialling code
// ("+44"), its English name in any interface language ("united states"), and common short names.

const englishNames = (() => {
  let names: Intl.DisplayNames | null = null;
  return (iso: string): string => {
    try {
      names ??= new Intl.DisplayNames(['en'], { type: 'region' });
      return names.of(iso) ?? '';
    } catch {
      return '';
    }
  };
})();

const dialCode = callingCodeOf;

/**
 * How well a country answers the (folded) query: 0 the code or a short name exactly, 1 a name
 * starting with it, 2 a name containing it; null when it does not match.
 */
export function countryRank(
  names: readonly string[],
  iso: string | null,
  query: string,
): 0 | 1 | 2 | null {
  const code = iso?.toUpperCase() ?? '';
  const exact = code ? [code.toLowerCase(), ...(ALIASES[code] ?? [])] : [];
  const digits = query.replace(/[\s-]/g, '');
  if (exact.includes(query)) return 0;
  if (code && /^\+?\d+$/.test(digits) && dialCode(code) === `+${digits.replace('+', '')}`) return 0;
  const all = code ? [...names, englishNames(code).toLowerCase()] : names;
  if (all.some((n) => n.startsWith(query))) return 1;
  if (all.some((n) => n.includes(query))) return 2;
  return null;
}
