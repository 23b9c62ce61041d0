import browser from 'webextension-polyfill';
import { i18n } from '#i18n';
import type { GeneratedI18nStructure } from '#i18n';

// Every user-facing string goes through here. Messages live in locales/<lang>.yml; the
// @wxt-dev/i18n module turns them into _locales/<lang>/messages.json and types their keys.
// Two things it cannot do on its own, added here:
// - a language chosen in the options rather than the browser's (the chosen language's
//   messages.json is loaded from the extension itself, see useLanguage);
// - plural forms beyond English: a plural message lists its forms separated by " | " in the
//   order PLURAL_FORMS gives for the language (Russian has three).

export type MessageKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;
export type Substitution = string | number;

/** Languages the extension ships; "auto" follows the browser. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageChoice = Language | 'auto';

/** The plural categories each language's " | " forms stand for, in order. */
const PLURAL_FORMS: Record<Language, readonly Intl.LDMLPluralRule[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many'],
};

type Messages = Record<string, { message: string } | undefined>;
let chosen: { lang: Language; messages: Messages } | null = null;

function isLanguage(x: string): x is Language {
  return (LANGUAGES as readonly string[]).includes(x);
}

/** The language strings are shown in now. */
export function currentLanguage(): Language {
  if (chosen) return chosen.lang;
  let ui = 'en';
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    // No i18n API (unit tests): English.
  }
  const base = ui.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return isLanguage(base) ? base : 'en';
}

/** Shows strings in `lang` from now on ("auto": the browser's language). */
export async function useLanguage(lang: LanguageChoice): Promise<void> {
  if (lang === 'auto') {
    chosen = null;
    return;
  }
  const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json`));
  setMessages(lang, (await res.json()) as Messages);
}

/** Uses these messages for `lang` (useLanguage loads them; tests pass them directly). */
export function setMessages(lang: Language, messages: Messages | null): void {
  chosen = messages ? { lang, messages } : null;
}

function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (subs[Number(d) - 1] ?? ''),
  );
}

function lookup(key: MessageKey, subs: readonly string[]): string {
  if (chosen) {
    const m = chosen.messages[key.replaceAll('.', '_')];
    if (m) return substitute(m.message, subs);
  }
  // The typed t() of @wxt-dev/i18n, called with a key only known at run time here.
  const t = i18n.t as unknown as (key: string, subs?: string[]) => string;
  return t(key, subs.length > 0 ? [...subs] : undefined) || key;
}

/** The message `key` with `$1`, `$2`… replaced by `subs`. */
export function t(key: MessageKey, ...subs: Substitution[]): string {
  return lookup(key, subs.map(String));
}

// One per language: building Intl objects costs more than using them (lists render hundreds).
const pluralRules = new Map<Language, Intl.PluralRules>();
const counts = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, lang: Language, make: () => T): T {
  let value = map.get(lang);
  if (value === undefined) {
    value = make();
    map.set(lang, value);
  }
  return value;
}

/** A count in the language strings are shown in ("1,234", "1 234"). */
export function formatCount(n: number): string {
  const lang = currentLanguage();
  return cached(counts, lang, () => new Intl.NumberFormat(lang)).format(n);
}

/** A plural message for `n` ("1 number | $1 numbers"); `$1` is `n`, `$2`… are `subs`. */
export function tn(key: MessageKey, n: number, ...subs: Substitution[]): string {
  const lang = currentLanguage();
  const forms = lookup(key, [String(n), ...subs.map(String)]).split(' | ');
  const category = cached(pluralRules, lang, () => new Intl.PluralRules(lang)).select(n);
  const index = PLURAL_FORMS[lang].indexOf(category);
  return forms[index >= 0 ? index : forms.length - 1] ?? '';
}
