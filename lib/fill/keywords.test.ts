import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './keywords.ts';

// The definition normalizeText had as two passes: word boundaries first, then separators.
const twoPasses = (text: string): string =>
  text === ''
    ? ''
    : text
        .replace(/(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)/g, ' ')
        .replace(/[\s_\-[\].:*()]+/g, ' ')
        .trim()
        .toLowerCase();

describe('normalizeText', () => {
  it('splits identifiers into lower-case words', () => {
    expect(normalizeText('userPhone_2')).toBe('user phone 2');
    expect(normalizeText('otpCode[3]')).toBe('otp code 3');
    expect(normalizeText('  Mobile  (SMS):  ')).toBe('mobile sms');
    expect(normalizeText('')).toBe('');
  });

  it('gives what the two-pass definition gives, on any text', () => {
    const unit = fc.constantFrom(...'aBz1_- .:*()[]\tÄé9Xq'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => normalizeText(s) === twoPasses(s)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(normalizeText(s)).toBe(twoPasses(s));
      }),
      { numRuns: 2000 },
    );
  });
});
