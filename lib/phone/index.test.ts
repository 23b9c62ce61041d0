import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dialCodeFor, formatInternational, formatNational, joinE164, splitE164 } from './index.ts';

describe('splitE164', () => {
  it.each([
    ['+6281234567890', 'ID', '+62', '81234567890'],
    ['+14155550134', 'US', '+1', '4155550134'],
    ['+447400123456', 'GB', '+44', '7400123456'],
    ['+79161234567', 'RU', '+7', '9161234567'],
    ['+5511987654321', 'BR', '+55', '11987654321'],
  ])('%s -> %s %s %s', (e164, country, dialCode, national) => {
    expect(splitE164(e164)).toEqual({ e164, country, dialCode, national });
  });

  it('accepts spaces and dashes around the digits', () => {
    expect(splitE164(' +62 812-3456-7890 ')?.national).toBe('81234567890');
  });

  it.each(['', '6281234567890', '+12', 'hello', '+62abc'])('rejects %j', (bad) => {
    expect(splitE164(bad)).toBeNull();
  });
});

describe('joinE164', () => {
  it('joins a dial code and a national number, dropping a trunk zero', () => {
    expect(joinE164('+62', '0812-3456-7890')).toBe('+6281234567890');
    expect(joinE164('44', '7400 123456')).toBe('+447400123456');
  });

  it('round-trips with splitE164', () => {
    const samples = ['+6281234567890', '+14155550134', '+447400123456', '+33612345678'];
    fc.assert(
      fc.property(fc.constantFrom(...samples), (e164) => {
        const parts = splitE164(e164);
        expect(parts).not.toBeNull();
        if (parts) expect(joinE164(parts.dialCode, parts.national)).toBe(e164);
      }),
    );
  });
});

describe('display', () => {
  it('formats internationally and nationally', () => {
    expect(formatInternational('+6281234567890')).toBe('+62 812 3456 7890');
    expect(formatNational('+14155550134')).toBe('(415) 555-0134');
    expect(formatInternational('not a number')).toBe('not a number');
  });

  it('knows dial codes by country', () => {
    expect(dialCodeFor('id')).toBe('+62');
    expect(dialCodeFor('ZZ')).toBeNull();
  });
});
