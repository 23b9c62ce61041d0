import { MAX_TEXT, normalise } from './rejection-text.ts';
import { REJECTION_PHRASES } from './rejection-words.ts';

const PHRASES: readonly { lang: string; phrase: string }[] = Object.entries(
  REJECTION_PHRASES,
).flatMap(([lang, list]) => list.map((phrase) => ({ lang, phrase: normalise(phrase) })));

/**
 * Whether an error text next to a phone field says the site refused the number, and the phrase
 * that says so (for the record). Pure; the text comes from the field's own error signals.
 */
export function rejectionIn(text: string): { lang: string; phrase: string } | null {
  const t = normalise(text.slice(0, MAX_TEXT));
  if (t.length === 0) return null;
  return PHRASES.find((p) => t.includes(p.phrase)) ?? null;
}
