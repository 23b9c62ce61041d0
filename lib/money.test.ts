import { describe, expect, it } from 'vitest';
import { addMoney, centsFromDecimal, formatMoney, money } from './money.ts';

describe('centsFromDecimal', () => {
  it.each<[string | number, number]>([
    ['5.00', 500],
    ['0.7', 70],
    ['0.07', 7],
    ['1,25', 125],
    [' 12 ', 1200],
    ['0', 0],
    ['-1.50', -150],
    // Half up on the third decimal, where float arithmetic would round 2.675 down.
    ['2.675', 268],
    ['0.004', 0],
    ['0.005', 1],
    [0.1 + 0.2, 30],
    [2.675, 268],
    [1.005, 101],
    [19.99, 1999],
    [0.7, 70],
  ])('%j -> %d cents', (input, cents) => {
    expect(centsFromDecimal(input)).toBe(cents);
  });

  it('never answers negative zero', () => {
    expect(Object.is(centsFromDecimal('-0.00'), 0)).toBe(true);
    expect(Object.is(centsFromDecimal('-0.001'), 0)).toBe(true);
  });

  it.each<string | number>([
    '',
    'abc',
    '5.',
    '.5',
    '1.2.3',
    '$5',
    '5 USD',
    '1e3',
    'NaN',
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('garbage %j -> null', (input) => {
    expect(centsFromDecimal(input)).toBeNull();
  });
});

describe('money', () => {
  it('refuses fractional cents', () => {
    expect(() => money(0.5)).toThrow(RangeError);
    expect(money(500)).toEqual({ cents: 500, currency: 'USD' });
  });

  it('adds amounts of one currency and refuses to mix currencies', () => {
    expect(addMoney(money(150), money(275))).toEqual(money(425));
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(/currency/);
  });
});

describe('formatMoney', () => {
  it('formats cents as the currency for people', () => {
    expect(formatMoney(money(500), 'en-US')).toBe('$5.00');
    expect(formatMoney(money(7), 'en-US')).toBe('$0.07');
    expect(formatMoney(money(123456), 'en-US')).toBe('$1,234.56');
    expect(formatMoney(money(-150), 'en-US')).toBe('-$1.50');
  });

  it('follows the locale', () => {
    expect(formatMoney(money(125, 'EUR'), 'de-DE')).toBe('1,25\u00a0€');
  });

  it('uses each currency’s own minor unit', () => {
    expect(formatMoney(money(500, 'JPY'), 'en-US')).toBe('¥500');
    expect(formatMoney(money(1500, 'KWD'), 'en-US')).toBe('KWD\u00a01.500');
  });

  it('shows zero without a minus sign', () => {
    expect(formatMoney(money(-0), 'en-US')).toBe('$0.00');
  });
});
