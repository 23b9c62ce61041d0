/**
 * SMS texts a hostile provider or sender could deliver, each about `bytes` long: shapes that
 * made the extractor's regexes backtrack or its scoring compare every candidate with every
 * keyword. Shared by the unit tests and `npm run bench` (extractWorst1MBMs).
 */
const repeat = (unit: string, bytes: number) =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export function hostileSmsTexts(bytes: number): Record<string, string> {
  return {
    'keywords and codes': repeat('code 123456 ', bytes),
    'label: value pairs': repeat('code: a1b2 ', bytes),
    'dashed words (link pattern)': repeat('a-', bytes),
    'dotted words without a slash (link pattern)': repeat('ab.', bytes),
    'one digit run (amount pattern)': repeat('1', bytes),
    'spaces between keyword and code': `code${' '.repeat(bytes - 10)}123456`,
    'phone-like run': repeat('+1 (', bytes),
    'WebOTP lines': repeat(' @a.example #1', bytes),
    'Arabic-Indic digits': repeat('١', bytes),
    'keywords only': repeat('verification ', bytes),
  };
}
