/** Scripts written without spaces between words: their words match as substrings. */
export const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A word as a whole word of a lower-case text (no letter on either side); `endings` letters may
 * follow it (a name's declined or adjective forms: Indonesia -> Indonesian). Words of scripts
 * written without spaces match anywhere.
 */
export function hasWord(text: string, word: string, endings = 0): boolean {
  if (NO_SPACES.test(word)) return text.includes(word);
  const tail = endings > 0 ? `\\p{L}{0,${endings}}` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}${tail}(?![\\p{L}])`, 'u').test(text);
}
