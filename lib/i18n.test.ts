import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, setMessages, t, tn } from './i18n.ts';

type Parsed = Awaited<ReturnType<typeof parseMessagesFile>>;
const load = async (lang: string) =>
  new Map(
    (await parseMessagesFile(`locales/${lang}.yml`))
      .filter((m): m is Extract<Parsed[number], { type: 'simple' }> => m.type === 'simple')
      .map((m) => [m.key.join('.'), m]),
  );

describe('locales', () => {
  it('every language has exactly the English keys, with the same substitutions', async () => {
    const en = await load('en');
    for (const lang of LANGUAGES) {
      const other = await load(lang);
      expect([...other.keys()].sort(), lang).toEqual([...en.keys()].sort());
      for (const [key, m] of en) {
        const o = other.get(key);
        // A translation may drop $1 from a plural form ("one"), never invent a $n.
        expect(o?.substitutions ?? 0, `${lang} ${key}`).toBeLessThanOrEqual(m.substitutions);
        expect(o?.message.trim(), `${lang} ${key} is empty`).not.toBe('');
      }
    }
  });

  it('plural messages have the forms their language needs', async () => {
    const forms = { en: 2, ru: 3 } as const;
    const en = await load('en');
    const plural = [...en.values()].filter((m) => m.message.includes(' | '));
    for (const lang of LANGUAGES) {
      const msgs = await load(lang);
      for (const m of plural) {
        const key = m.key.join('.');
        expect(msgs.get(key)?.message.split(' | ').length, `${lang} ${key}`).toBe(forms[lang]);
      }
    }
  });
});

describe('t and tn', () => {
  afterEach(() => setMessages('en', null));

  it('substitutes $1 and $2 and keeps $$', () => {
    setMessages('en', { common_loading: { message: 'Pay $$$1 to $2' } });
    expect(t('common.loading', 5, 'x')).toBe('Pay $5 to x');
  });

  it('picks Russian plural forms by number', () => {
    setMessages('ru', { common_loading: { message: '$1 номер | $1 номера | $1 номеров' } });
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => tn('common.loading', n))).toEqual([
      '1 номер',
      '2 номера',
      '5 номеров',
      '11 номеров',
      '21 номер',
      '22 номера',
      '25 номеров',
    ]);
  });

  it('picks English plural forms by number', () => {
    setMessages('en', { common_loading: { message: '$1 number | $1 numbers' } });
    expect([0, 1, 2].map((n) => tn('common.loading', n))).toEqual([
      '0 numbers',
      '1 number',
      '2 numbers',
    ]);
  });
});
