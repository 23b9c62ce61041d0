import { describe, expect, it } from 'vitest';
import { entryFormatFor, matchDialOption } from './dial.ts';

const ID = { country: 'ID', dialCode: '+62' };

describe('matchDialOption', () => {
  it.each([
    [
      'dial values',
      [
        { value: '+1', text: '+1' },
        { value: '+62', text: '+62' },
      ],
      1,
    ],
    [
      'bare digits',
      [
        { value: '1', text: '1' },
        { value: '62', text: '62' },
      ],
      1,
    ],
    [
      'ISO values',
      [
        { value: 'US', text: 'United States' },
        { value: 'ID', text: 'Indonesia' },
      ],
      1,
    ],
    [
      'names with codes',
      [
        { value: 'x1', text: 'India (+91)' },
        { value: 'x2', text: 'Indonesia (+62)' },
      ],
      1,
    ],
    [
      'names only',
      [
        { value: 'a', text: 'Iceland' },
        { value: 'b', text: 'Indonesia' },
      ],
      1,
    ],
    [
      'compound values',
      [
        { value: 'IN-91', text: 'India' },
        { value: 'ID-62', text: 'Indonesia' },
      ],
      1,
    ],
    ['no match', [{ value: '+1', text: 'USA (+1)' }], -1],
  ])('%s', (_, options, expected) => {
    expect(matchDialOption(options, ID)).toBe(expected);
  });

  it('tells countries sharing +1 apart by ISO code or name', () => {
    const options = [
      { value: '+1', text: 'Canada (+1)' },
      { value: '+1', text: 'United States (+1)' },
    ];
    expect(matchDialOption(options, { country: 'US', dialCode: '+1' })).toBe(1);
    expect(matchDialOption(options, { country: 'CA', dialCode: '+1' })).toBe(0);
  });

  it('does not take +6 for +62 or Niger for Nigeria', () => {
    expect(
      matchDialOption(
        [
          { value: '+6', text: '+6' },
          { value: '+620', text: '+620' },
        ],
        ID,
      ),
    ).toBe(-1);
    const options = [
      { value: 'a', text: 'Niger' },
      { value: 'b', text: 'Nigeria' },
    ];
    expect(matchDialOption(options, { country: 'NG', dialCode: '+234' })).toBe(1);
  });
});

describe('entryFormatFor', () => {
  const base = {
    autocomplete: [],
    adjacentDialCode: null,
    type: 'tel',
    maxLength: null,
    pattern: '',
    placeholder: '',
  };
  const e164 = '+6281234567890';
  const national = '81234567890';
  it.each([
    ['a plain field', {}, 'international'],
    ['an international placeholder', { placeholder: '+1 555 123 4567' }, 'international'],
    ['tel-national', { autocomplete: ['tel-national'] }, 'national'],
    ['a fixed +62 prefix', { adjacentDialCode: '+62' }, 'national'],
    ['a national placeholder', { placeholder: '812-3456-7890' }, 'national'],
    [
      'a national placeholder with a trunk zero',
      { placeholder: '0812 3456 7890' },
      'national-trunk',
    ],
    ['a short maxlength', { maxLength: 12 }, 'national'],
    ['a digits-only pattern', { pattern: '[0-9]{9,12}' }, 'national'],
    ['type=number', { type: 'number' }, 'national'],
  ])('%s -> %s', (_, over, expected) => {
    expect(entryFormatFor({ ...base, ...over }, e164, national)).toBe(expected);
  });
});
