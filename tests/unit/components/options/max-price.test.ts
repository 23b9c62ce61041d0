import { describe, expect, it } from 'vitest';
import { formatMaxPrice, parseCount, parseMaxPrice } from '@/components/options/max-price.ts';
import { accountCurrency } from '@/lib/providers/catalog.ts';

describe('the max price field', () => {
  it.each([
    ['1.50', 150],
    ['1,50', 150],
    ['2', 200],
    ['0.5', 50],
    [' 3 ', 300],
    ['$1.25', 125],
    ['1,25 €', 125],
    ['10 USD', 1000],
    ['1 000', 100000],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseMaxPrice(text)).toEqual({ cents });
  });

  it('reads an empty field as no cap', () => {
    expect(parseMaxPrice('')).toEqual({ cents: null });
    expect(parseMaxPrice('   ')).toEqual({ cents: null });
  });

  it.each(['abc', '-1', '0', '0.00', '1.505', '1.2.3', '1e3', '12345678'])(
    'refuses %j rather than guessing',
    (text) => {
      expect(parseMaxPrice(text)).toBeNull();
    },
  );

  it('shows the stored cap the way the language writes it, and reads it back', () => {
    expect(formatMaxPrice(150, 'en')).toBe('1.50');
    expect(formatMaxPrice(150, 'ru')).toBe('1,50');
    expect(formatMaxPrice(123456, 'ru')).toBe('1234,56');
    expect(formatMaxPrice(null, 'en')).toBe('');
    for (const lang of ['en', 'ru'] as const) {
      expect(parseMaxPrice(formatMaxPrice(123456, lang))).toEqual({ cents: 123456 });
    }
  });

  it('compares with the currency of the default provider', () => {
    expect(accountCurrency(undefined)).toBe('USD');
    expect(accountCurrency({ providerId: 'codasms', apiKey: 'k', baseUrl: '' })).toBe('USD');
    expect(accountCurrency({ providerId: 'fivesim', apiKey: 'k', baseUrl: '' })).toBe('RUB');
    expect(
      accountCurrency({ providerId: 'fivesim', apiKey: 'k', baseUrl: '', currency: 'EUR' }),
    ).toBe('EUR');
    expect(
      accountCurrency({
        providerId: 'smsactivate',
        apiKey: 'k',
        baseUrl: '',
        hostPreset: 'herosms',
      }),
    ).toBe('USD');
  });
});

describe('parseCount (numbers per site visit)', () => {
  it('takes a whole number from 1 to 99, or nothing for no limit', () => {
    expect(parseCount('3')).toEqual({ count: 3 });
    expect(parseCount(' 12 ')).toEqual({ count: 12 });
    expect(parseCount('')).toEqual({ count: null });
  });

  it('refuses what is not a count of numbers', () => {
    for (const text of ['0', '-1', '2.5', 'three', '100']) expect(parseCount(text)).toBeNull();
  });
});
