// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { collectFields, describeField, type FormControl } from './collect.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function field(html: string) {
  document.body.innerHTML = html;
  return describeField(document.body.querySelector('input,select,textarea') as FormControl);
}

describe('a descriptor reads the attributes the control carries', () => {
  it('reads each one classify uses, cleaned as the scorers expect', () => {
    const d = field(
      `<input type="TEL" name="user_phone" id="p1" class="form-control"
        autocomplete="Section-Blue  TEL" inputmode="TEL" maxlength="12" pattern="\\d+"
        placeholder="  +1   555  0100 " aria-label=" Mobile
        number " title="Your phone" tabindex="-1" disabled readonly>`,
    );
    expect(d).toMatchObject({
      tag: 'input',
      type: 'tel',
      name: 'user_phone',
      id: 'p1',
      className: 'form-control',
      autocomplete: ['section-blue', 'tel'],
      inputMode: 'tel',
      maxLength: 12,
      pattern: '\\d+',
      placeholder: '+1 555 0100',
      ariaLabel: 'Mobile number',
      title: 'Your phone',
      tabIndex: -1,
      disabled: true,
      readOnly: true,
    });
  });

  it('gives the defaults for attributes a control does not carry', () => {
    expect(field('<input>')).toMatchObject({
      type: 'text',
      name: '',
      id: '',
      className: '',
      autocomplete: [],
      inputMode: '',
      maxLength: null,
      pattern: '',
      placeholder: '',
      ariaLabel: '',
      title: '',
      tabIndex: 0,
      disabled: false,
      readOnly: false,
    });
  });

  it('ignores an invalid maxlength, and readonly on a select (a select cannot be read-only)', () => {
    expect(field('<input maxlength="many">').maxLength).toBeNull();
    expect(field('<select readonly disabled><option>a</option></select>')).toMatchObject({
      readOnly: false,
      disabled: true,
    });
  });

  it('keeps the shared empty token list safe from a caller that pushes to it', () => {
    document.body.innerHTML = '<input name="a"><input name="b">';
    const [a, b] = collectFields(document);
    expect(() => a?.autocomplete.push('tel')).toThrow();
    expect(b?.autocomplete).toEqual([]);
  });
});
