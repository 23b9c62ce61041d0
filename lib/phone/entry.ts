import { formatNational, splitE164 } from './index.ts';

/**
 * How a site's phone field takes a number: the international form (E.164), national digits
 * (a country selector sits beside it), or national digits with the trunk prefix ("0812…").
 * The content script learns it when it fills; copy buttons copy the number that way.
 */
export type PhoneEntryFormat = 'international' | 'national' | 'national-trunk';

export const PHONE_ENTRY_FORMATS = ['international', 'national', 'national-trunk'] as const;

/** The number as a site with this entry format wants it typed; E.164 when unknown. */
export function numberAsEntered(e164: string, format: PhoneEntryFormat | null | undefined): string {
  const parts = splitE164(e164);
  if (!parts || !format || format === 'international') return parts?.e164 ?? e164;
  if (format === 'national') return parts.national;
  const trunk = formatNational(parts.e164).replace(/\D/g, '');
  return trunk.endsWith(parts.national) && trunk !== parts.national ? trunk : `0${parts.national}`;
}
