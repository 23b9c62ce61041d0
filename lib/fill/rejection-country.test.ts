import { describe, expect, it } from 'vitest';
import { refusesCountry } from './rejection-country.ts';

const INDONESIA = { name: 'Indonesia', iso: 'ID' };

// Refusals that are about where the number is from: a number of that country would be
// refused again, so the swap goes to another country.
const ABOUT_COUNTRY: readonly [lang: string, text: string][] = [
  ['en', 'Phone numbers from this country are not supported.'],
  ['en', 'We do not support numbers from your region yet.'],
  ['en', 'Numbers starting with +62 cannot be used.'],
  ['en', 'Indonesian numbers are not accepted.'],
  ['es', 'Los números de este país no están permitidos.'],
  ['pt', 'Números desta região não são aceitos.'],
  ['fr', 'Les numéros de ce pays ne sont pas pris en charge.'],
  ['de', 'Nummern aus diesem Land werden nicht unterstützt.'],
  ['it', 'I numeri di questo paese non sono supportati.'],
  ['ru', 'Номера из этой страны не поддерживаются.'],
  ['ru', 'Номера из Индонезии не принимаются.'],
  ['tr', 'Bu ülkeden numaralar desteklenmiyor.'],
  ['id', 'Nomor dari negara ini tidak didukung.'],
  ['zh', '不支持该国家/地区的手机号'],
  ['ja', 'この国の電話番号はご利用いただけません。'],
];

// Refusals of the number itself: the same offer may well give a number the site takes.
const ABOUT_NUMBER: readonly string[] = [
  'This phone number cannot be used for verification. Please use a different number.',
  'VoIP numbers are not supported.',
  'Landline numbers are not supported.',
  'This number is already in use with another account.',
  'Invalid phone number',
  'Этот номер не может быть использован. Укажите другой номер.',
  // The number itself quoted, dialling code and all: still about the number.
  'We could not send a code to +62 812-3456-7890. Try another number.',
  'この電話番号はご利用いただけません。',
];

describe('refusesCountry', () => {
  it.each(ABOUT_COUNTRY)('%s: "%s" is about the country', (_lang, text) => {
    expect(refusesCountry(text, INDONESIA)).toBe(true);
  });

  it.each(ABOUT_NUMBER)('"%s" is about the number, not its country', (text) => {
    expect(refusesCountry(text, INDONESIA)).toBe(false);
  });

  it("another country's dialling code or name is not this one's", () => {
    expect(refusesCountry('Numbers starting with +60 are not accepted.', INDONESIA)).toBe(false);
    expect(refusesCountry('Malaysia numbers are not accepted.', INDONESIA)).toBe(false);
  });

  it('a provider name with a note ("Indonesia (virtual)") still names the country', () => {
    const virtual = { name: 'Indonesia (virtual)', iso: null };
    expect(refusesCountry('Indonesia numbers are not accepted.', virtual)).toBe(true);
  });
});
