/** Text as compared: one form of each letter, lower case, one space between words. */
export function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** Longest error text read: a site's message is a sentence or two, not a page. */
export const MAX_TEXT = 500;
