// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { numberAsEntered } from '../phone/entry.ts';
import { fillCode, fillPhone, findCodeTarget, findPhoneTarget } from './index.ts';
import {
  codeTargetAt,
  deepActiveElement,
  enteredFormat,
  phoneTargetAt,
  rememberedCodeTarget,
  rememberedPhoneTarget,
} from './manual.ts';
import { resolveSelector, selectorFor, SHADOW_JOIN } from './selector.ts';

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
};

// The demo site's /signup/opaque form (sandbox/demo/opaque.ts).
const OPAQUE = `<main><h1>Join Discord</h1>
<form id="step-a"><label for="f1">Field A</label><input id="f1" name="a" type="text" autocomplete="off"><button>Next</button></form>
<form id="step-b"><label for="f2">Field B</label><input id="f2" name="b" type="text" autocomplete="off"><button>Done</button></form></main>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a field the user chose', () => {
  it('the opaque demo page defeats detection, and manual targets still fill', async () => {
    document.body.innerHTML = OPAQUE;
    expect(findPhoneTarget(document)).toBeNull();
    expect(findCodeTarget(document)).toBeNull();
    const phone = phoneTargetAt(byId('f1'));
    const code = codeTargetAt(byId('f2'));
    expect(phone?.input.id).toBe('f1');
    expect(code?.inputs.map((i) => i.id)).toEqual(['f2']);
    if (!phone || !code) throw new Error('no target');
    await fillPhone(phone, '+14155550134');
    await fillCode(code, '123456');
    expect((byId('f1') as HTMLInputElement).value).toBe('+14155550134');
    expect((byId('f2') as HTMLInputElement).value).toBe('123456');
  });

  it('refuses hidden, disabled, read-only and non-text controls', () => {
    document.body.innerHTML = `<input id="h" hidden><input id="d" disabled><input id="r" readonly>
      <input id="c" type="checkbox"><textarea id="t"></textarea><div id="x"></div>`;
    for (const id of ['h', 'd', 'r', 'c', 't', 'x']) {
      expect(phoneTargetAt(byId(id)), id).toBeNull();
      expect(codeTargetAt(byId(id)), id).toBeNull();
    }
    expect(phoneTargetAt(null)).toBeNull();
  });

  it('takes the country selector beside a chosen phone field', () => {
    document.body.innerHTML = `<div><select id="cc" autocomplete="tel-country-code">
      <option value="+1">US (+1)</option><option value="+62">ID (+62)</option></select>
      <input id="n" type="text"></div>`;
    expect(phoneTargetAt(byId('n'))?.dialCode?.id).toBe('cc');
  });

  it('one chosen box of a split code row stands for the whole row', () => {
    const boxes = [1, 2, 3, 4, 5, 6]
      .map((i) => `<input id="b${i}" name="otp-${i}" maxlength="1" type="text">`)
      .join('');
    document.body.innerHTML = `<div>${boxes}</div>`;
    expect(codeTargetAt(byId('b3'))?.inputs.map((i) => i.id)).toEqual([
      'b1',
      'b2',
      'b3',
      'b4',
      'b5',
      'b6',
    ]);
  });

  it('finds the focused field through shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="inner">';
    const inner = root.getElementById('inner');
    inner?.focus();
    expect(deepActiveElement(document)).toBe(inner);
  });
});

describe('selectors remembered per site', () => {
  it('prefers a stable id, then a unique name, then a path', () => {
    document.body.innerHTML = `<form><input id="f1"><input name="b"><div><input><input></div>
      <input id=":r1:"></form>`;
    const inputs = Array.from(document.querySelectorAll('input'));
    const selectors = inputs.map(selectorFor);
    expect(selectors[0]).toBe('input[id="f1"]');
    expect(selectors[1]).toBe('input[name="b"]');
    expect(selectors[4]).not.toContain(':r1:');
    inputs.forEach((el, i) => expect(resolveSelector(document, selectors[i] ?? '')).toBe(el));
  });

  it('reaches into open shadow roots', () => {
    document.body.innerHTML = '<x-phone id="w"></x-phone>';
    const root = byId('w').attachShadow({ mode: 'open' });
    root.innerHTML = '<span><input></span>';
    const input = root.querySelector('input');
    if (!input) throw new Error('no input');
    const selector = selectorFor(input);
    expect(selector).toContain(SHADOW_JOIN);
    expect(resolveSelector(document, selector)).toBe(input);
  });

  it('quotes odd ids and survives bad selectors', () => {
    document.body.innerHTML = "<input id='a\"b\\c'>";
    const el = document.querySelector('input');
    if (!el) throw new Error('no input');
    expect(resolveSelector(document, selectorFor(el))).toBe(el);
    expect(resolveSelector(document, '[[[')).toBeNull();
  });

  it('a remembered field is used only while it is there and usable', () => {
    document.body.innerHTML = OPAQUE;
    expect(rememberedPhoneTarget(document, 'input[id="f1"]')?.input.id).toBe('f1');
    expect(rememberedCodeTarget(document, 'input[id="f2"]')?.inputs[0]?.id).toBe('f2');
    expect(rememberedPhoneTarget(document, 'input[id="gone"]')).toBeNull();
    expect(rememberedPhoneTarget(document, null)).toBeNull();
    (byId('f1') as HTMLInputElement).disabled = true;
    expect(rememberedPhoneTarget(document, 'input[id="f1"]')).toBeNull();
  });
});

describe('the number in the format the page took', () => {
  it.each([
    ['+62 812-3456-7890', 'international'],
    ['81234567890', 'national'],
    ['0812-3456-7890', 'national-trunk'],
    ['garbage', null],
  ] as const)('%s is %s', (value, format) => {
    expect(enteredFormat(value, '+6281234567890')).toBe(format);
  });

  it.each([
    ['international', '+6281234567890'],
    ['national', '81234567890'],
    ['national-trunk', '081234567890'],
    [null, '+6281234567890'],
  ] as const)('copied as %s: %s', (format, text) => {
    expect(numberAsEntered('+6281234567890', format)).toBe(text);
  });
});
