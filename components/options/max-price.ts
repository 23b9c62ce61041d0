import type { Language } from '@/lib/i18n.ts';

// The options' price cap, typed as people write money: "1.50", "1,50", "$2", " 3 ".
// Stored as integer minor units (Preferences.maxPriceCents); empty means no cap.

const AMOUNT = /^(\d{1,7})(?:[.,](\d{1,2}))?$/;
const CURRENCY_SIGNS = /[$€₽£¥]|\b(?:USD|EUR|RUB)\b/gi;

/** `{ cents }` for a valid entry (`null` cents: no cap), or null when it is not an amount. */
export function parseMaxPrice(text: string): { cents: number | null } | null {
  const bare = text.replace(CURRENCY_SIGNS, '').replace(/[\s\u00a0]/g, '');
  if (bare === '') return { cents: null };
  const m = AMOUNT.exec(bare);
  if (!m) return null;
  const [, whole = '0', frac = ''] = m;
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  // A cap of nothing would hide every offer; that is a typo, not a wish.
  return cents > 0 ? { cents } : null;
}

/** The stored cap as the field shows it in `lang` ("1.50", "1,50"); '' for no cap. */
export function formatMaxPrice(cents: number | null, lang: Language): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(cents / 100);
}

/** "3", or empty for no limit: a whole number of numbers per site visit. */
export function parseCount(text: string): { count: number | null } | null {
  const bare = text.trim();
  if (bare === '') return { count: null };
  if (!/^\d{1,2}$/.test(bare)) return null;
  const count = Number(bare);
  return count >= 1 ? { count } : null;
}
