import { describe, expect, it } from 'vitest';
import {
  checkCodeFill,
  checkPhoneFill,
  codeFor,
  codeOutcome,
  falseFills,
  orderedNumber,
  phoneOutcome,
  precisionRecall,
  splitRolesRight,
  type PhoneTargetIx,
  type PickedPhone,
} from './score.ts';

const single = (index: number): PhoneTargetIx => ({ kind: 'single', index });
const split: PhoneTargetIx = {
  kind: 'split',
  parts: [
    { index: 3, role: 'area' },
    { index: 4, role: 'prefix' },
    { index: 5, role: 'line' },
  ],
};
const pick = (input: number, parts: PickedPhone['parts'] = null): PickedPhone => ({
  input,
  dialCode: null,
  parts,
});

describe('phoneOutcome', () => {
  it('scores a pick of the labelled field as a hit and any other pick as wrong', () => {
    const truth = { accept: [single(2)], optional: false };
    expect(phoneOutcome(truth, pick(2))).toBe('hit');
    expect(phoneOutcome(truth, pick(1))).toBe('wrong');
    expect(phoneOutcome(truth, null)).toBe('miss');
  });

  it('on a page with no phone field, any pick is a false alarm', () => {
    expect(phoneOutcome(null, pick(0))).toBe('false alarm');
    expect(phoneOutcome(null, null)).toBe('right none');
  });

  it('an optional sign-in field is no miss when left alone', () => {
    expect(phoneOutcome({ accept: [single(0)], optional: true }, null)).toBe('skipped');
    expect(phoneOutcome({ accept: [single(0)], optional: true }, pick(0))).toBe('hit');
  });

  it('a split group needs every part, in order; its first box alone is wrong', () => {
    const truth = { accept: [split], optional: false };
    const parts = [
      { index: 3, role: 'area' },
      { index: 4, role: 'prefix' },
      { index: 5, role: 'line' },
    ];
    expect(phoneOutcome(truth, pick(3, parts))).toBe('hit');
    expect(phoneOutcome(truth, pick(3))).toBe('wrong');
    expect(phoneOutcome(truth, pick(3, parts.slice(0, 2)))).toBe('wrong');
    expect(splitRolesRight(split, pick(3, parts))).toBe(true);
    const swapped = parts.map((p, i) => ({ ...p, role: i === 1 ? 'line' : p.role }));
    expect(splitRolesRight(split, pick(3, swapped))).toBe(false);
  });
});

describe('codeOutcome', () => {
  it('needs exactly the labelled boxes in order', () => {
    const truth = { accept: [[4, 5, 6, 7]] };
    expect(codeOutcome(truth, [4, 5, 6, 7])).toBe('hit');
    expect(codeOutcome(truth, [4, 5, 6])).toBe('wrong');
    expect(codeOutcome(truth, null)).toBe('miss');
    expect(codeOutcome(null, [1])).toBe('false alarm');
    expect(codeOutcome(null, null)).toBe('right none');
  });
});

describe('precisionRecall', () => {
  it('counts a wrong pick against both, an optional skip against neither', () => {
    const r = precisionRecall([
      { outcome: 'hit' },
      { outcome: 'wrong' },
      { outcome: 'miss' },
      { outcome: 'false alarm' },
      { outcome: 'right none' },
      { outcome: 'skipped', optional: true },
      { outcome: 'hit', optional: true },
    ]);
    expect(r.precision).toBeCloseTo(2 / 4);
    expect(r.recall).toBeCloseTo(1 / 3);
  });
});

describe('orderedNumber and codeFor', () => {
  it('orders a valid mobile number of the page country', () => {
    expect(orderedNumber('US')).toMatch(/^\+1\d{10}$/);
    expect(orderedNumber('JP')).toMatch(/^\+81/);
    expect(() => orderedNumber('XX')).toThrow();
  });

  it('makes the code as long as the boxes, or the field maxlength, else six digits', () => {
    expect(codeFor(4, -1)).toHaveLength(4);
    expect(codeFor(1, 8)).toHaveLength(8);
    expect(codeFor(1, 60)).toHaveLength(6);
    expect(codeFor(1, -1)).toMatch(/^\d{6}$/);
  });
});

describe('checkPhoneFill', () => {
  const base = { e164: '+12015550123', country: 'US', dial: null, formData: null };

  it('accepts national or international text that re-parses to the ordered number', () => {
    for (const value of ['2015550123', '(201) 555-0123', '+1 201 555 0123'])
      expect(checkPhoneFill({ ...base, parts: [{ role: 'single', value, name: 'p' }] }).ok).toBe(
        true,
      );
  });

  it('rejects digits a mask mangled', () => {
    const r = checkPhoneFill({
      ...base,
      parts: [{ role: 'single', value: '1201555012', name: 'p' }],
    });
    expect(r.ok).toBe(false);
  });

  it('reads split boxes in order and the country box as the calling code', () => {
    const parts = [
      { role: 'area', value: '201', name: 'a' },
      { role: 'prefix', value: '555', name: 'b' },
      { role: 'line', value: '0123', name: 'c' },
    ];
    expect(checkPhoneFill({ ...base, parts }).ok).toBe(true);
    const swapped = [parts[1], parts[0], parts[2]].map((p) => p ?? parts[0]!);
    expect(checkPhoneFill({ ...base, parts: swapped }).ok).toBe(false);
    const gb = {
      e164: '+447400123456',
      country: 'GB',
      dial: null,
      formData: null,
    };
    expect(
      checkPhoneFill({
        ...gb,
        parts: [
          { role: 'country', value: '44', name: 'cc' },
          { role: 'national', value: '7400 123456', name: 'n' },
        ],
      }).ok,
    ).toBe(true);
    expect(
      checkPhoneFill({
        ...gb,
        parts: [
          { role: 'country', value: '1', name: 'cc' },
          { role: 'national', value: '7400123456', name: 'n' },
        ],
      }).ok,
    ).toBe(false);
  });

  it('a named field must be in what the form submits', () => {
    const parts = [{ role: 'single', value: '2015550123', name: 'tel' }];
    expect(checkPhoneFill({ ...base, parts, formData: { entries: [], hidden: [] } }).ok).toBe(
      false,
    );
    expect(
      checkPhoneFill({ ...base, parts, formData: { entries: [['tel', '2015550123']], hidden: [] } })
        .ok,
    ).toBe(true);
  });

  it('a dial-code control must show the number country', () => {
    const parts = [{ role: 'single', value: '2015550123', name: null }];
    expect(checkPhoneFill({ ...base, parts, dial: 'United States (+1) US' }).ok).toBe(true);
    expect(checkPhoneFill({ ...base, parts, dial: 'Germany (+49) DE' }).ok).toBe(false);
    expect(checkPhoneFill({ ...base, parts, dial: 'India +91' }).ok).toBe(false);
    expect(checkPhoneFill({ ...base, parts, dial: 'US' }).ok).toBe(true);
  });
});

describe('checkCodeFill', () => {
  const boxes = (v: string, named: boolean) =>
    [...v].map((c, i) => ({ value: c, name: named ? `d${i}` : null }));

  it('the boxes must read back as the code', () => {
    expect(checkCodeFill('4829', boxes('4829', true), null).ok).toBe(true);
    expect(checkCodeFill('4829', boxes('482', true), null).ok).toBe(false);
  });

  it('unnamed boxes in a form with a hidden input: the hidden value must carry the code', () => {
    const empty = { entries: [['otp', '']] as [string, string][], hidden: ['otp'] };
    expect(checkCodeFill('482913', boxes('482913', false), empty).ok).toBe(false);
    const set = { entries: [['otp', '482913']] as [string, string][], hidden: ['otp'] };
    expect(checkCodeFill('482913', boxes('482913', false), set).ok).toBe(true);
  });

  it('unnamed fields in a form with nothing hidden for them are left to the page script', () => {
    expect(checkCodeFill('4829', boxes('4829', false), { entries: [], hidden: [] }).ok).toBe(true);
    const csrf = {
      entries: [
        ['csrf', 'ab12'],
        ['redir', ''],
      ] as [string, string][],
      hidden: ['csrf', 'redir'],
    };
    expect(checkCodeFill('4829', boxes('4829', false), csrf).ok).toBe(true);
  });
});

describe('falseFills', () => {
  it('reports never-fill fields whose value changed, with their kind', () => {
    const never = new Map([
      [1, 'payment' as const],
      [2, 'captcha' as const],
    ]);
    expect(falseFills(never, ['', '', ''], ['x', '', ''])).toEqual([]);
    expect(falseFills(never, ['', '', ''], ['', '482913', ''])).toEqual([
      { index: 1, kind: 'payment' },
    ]);
  });
});
