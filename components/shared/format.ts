import { useSyncExternalStore } from 'react';
import { currentLanguage } from '@/lib/i18n.ts';
import { formatMoney, type Money } from '@/lib/money.ts';

const regional = (iso: string) =>
  String.fromCodePoint(...[...iso.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));

let flagsDrawn: boolean | null = null;

/**
 * Whether the system draws flag emoji: without a font for them a flag is two boxed letters,
 * twice as wide as one; with one, the pair is a single glyph. Measured once per page.
 */
export function systemDrawsFlags(doc: Document = document): boolean {
  if (flagsDrawn !== null) return flagsDrawn;
  try {
    const ctx = doc.createElement('canvas').getContext('2d');
    if (!ctx) return (flagsDrawn = false);
    ctx.font = '16px sans-serif';
    const pair = ctx.measureText(regional('ID')).width;
    const one = ctx.measureText(regional('I')).width;
    flagsDrawn = pair > 0 && pair < one * 1.5;
  } catch {
    flagsDrawn = false;
  }
  return flagsDrawn;
}

/** The country's flag, or its ISO code where the system cannot draw flags (never empty boxes). */
export function flagEmoji(
  iso: string | null,
  drawsFlags: () => boolean = systemDrawsFlags,
): string {
  const code = iso && /^[A-Za-z]{2}$/.test(iso) ? iso.toUpperCase() : null;
  if (!drawsFlags()) return code ?? '';
  return code ? regional(code) : '🌐';
}

type PhoneModule = typeof import('@/lib/phone/index.ts');
let phone: PhoneModule | null = null;
let phoneLoading: Promise<void> | null = null;
const phoneListeners = new Set<() => void>();

/**
 * Loads the phone formatter: libphonenumber-js and its metadata (about 30 KB gzip) come in
 * their own chunk on first use, so a popup without a number never parses them.
 */
export function loadPhoneFormat(): Promise<void> {
  phoneLoading ??= import('@/lib/phone/index.ts').then((m) => {
    phone = m;
    phoneListeners.forEach((l) => l());
  });
  return phoneLoading;
}

const subscribePhone = (l: () => void) => {
  phoneListeners.add(l);
  return () => phoneListeners.delete(l);
};

/** International display form ("+62 812-3456-7890"); E.164 until the formatter has loaded. */
export function formatPhone(e164: string | null): string {
  if (!e164) return '';
  if (!phone) {
    void loadPhoneFormat();
    return e164;
  }
  return phone.formatInternational(e164);
}

/** formatPhone for a component: it renders again once the formatter has loaded. */
export function usePhoneFormat(): typeof formatPhone {
  useSyncExternalStore(
    subscribePhone,
    () => phone,
    () => phone,
  );
  return formatPhone;
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

/** A time of day today ("12:04", "12:04 PM"), in the language the page is shown in. */
export function formatClock(epochMs: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { timeStyle: 'short' }).format(epochMs);
}

/** A moment, date and time, in the language the page is shown in. */
export function formatWhen(epochMs: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(epochMs);
}
