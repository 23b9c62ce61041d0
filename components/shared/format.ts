import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { currentLanguage } from '@/lib/i18n.ts';
import { formatMoney, type Money } from '@/lib/money.ts';

export function flagEmoji(iso: string | null): string {
  if (!iso || !/^[A-Za-z]{2}$/.test(iso)) return '🌐';
  return String.fromCodePoint(...[...iso.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function formatPhone(e164: string | null): string {
  if (!e164) return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** 1:05, 12:00: a countdown people read at a glance. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Money in the language the page is shown in ("$5.00", "5,00 $"). */
export function formatPrice(m: Money): string {
  return formatMoney(m, currentLanguage());
}

/** A moment, date and time, in the language the page is shown in. */
export function formatWhen(epochMs: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}
