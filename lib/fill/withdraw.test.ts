// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillPhone, findPhoneTarget, withdrawPhone } from './index.ts';

// A number given back (refunded) is taken out of the page's phone field, but only while the
// field still holds it: what the user typed since stays.
const ours = '+6281234567890';

function target() {
  const t = findPhoneTarget(document);
  if (!t) throw new Error('no phone field found');
  return t;
}

describe('withdrawPhone', () => {
  it('clears the field that holds our number, as filled or as the page formatted it', async () => {
    document.body.innerHTML = '<label>Phone number <input id="p" type="tel"></label>';
    await fillPhone(target(), ours);
    const input = document.getElementById('p') as HTMLInputElement;
    expect(input.value).not.toBe('');
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push('input'));
    input.addEventListener('change', () => seen.push('change'));
    expect(withdrawPhone(target(), ours)).toBe(true);
    expect(input.value).toBe('');
    expect(seen).toEqual(['input', 'change']);

    // National format with a trunk zero, country code in a selector: still ours.
    input.value = '0812-3456-7890';
    expect(withdrawPhone(target(), ours)).toBe(true);
    expect(input.value).toBe('');
  });

  it('leaves another number, a short value, or zeros alone', () => {
    document.body.innerHTML = '<label>Phone number <input id="p" type="tel"></label>';
    const input = document.getElementById('p') as HTMLInputElement;
    for (const value of ['+14155550123', '7890', '000000']) {
      input.value = value;
      expect(withdrawPhone(target(), ours)).toBe(false);
      expect(input.value).toBe(value);
    }
  });
});
