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

  it('reads the same attributes of a control that cannot be a phone or code field, when asked', () => {
    const attrs = `name="contact" id="c1" class="wide" autocomplete="email" placeholder=" you@x "
      aria-label="Contact" title="Where we write" maxlength="80" tabindex="2" disabled`;
    const expected = {
      name: 'contact',
      id: 'c1',
      className: 'wide',
      autocomplete: ['email'],
      placeholder: 'you@x',
      ariaLabel: 'Contact',
      title: 'Where we write',
      maxLength: 80,
      tabIndex: 2,
      disabled: true,
    };
    for (const html of [
      `<input type="email" ${attrs}>`,
      `<input type="checkbox" ${attrs}>`,
      `<textarea ${attrs}></textarea>`,
    ]) {
      const d = field(html);
      expect(d).toMatchObject(expected);
      // The plain copy (logs, the eval's dump) carries them too.
      expect(JSON.parse(JSON.stringify(d))).toMatchObject(expected);
    }
  });

  it('finds the label of any control through the id it read', () => {
    document.body.innerHTML =
      '<label for="s">Country</label><select id="s"></select>' +
      '<span id="t">Notes</span><textarea aria-labelledby="t"></textarea>';
    const [select, notes] = collectFields(document);
    expect(select?.labelText).toBe('Country');
    expect(notes?.labelText).toBe('Notes');
  });

  it('reads the text before a field the same whether its label was read first or not', () => {
    const html =
      '<div><span>Mobile</span><label for="p" hidden>Old label</label><input id="p"></div>' +
      '<div><label for="q">Code <b>here</b></label><input id="q"></div>';
    for (const labelFirst of [true, false]) {
      document.body.innerHTML = html;
      const [p, q] = collectFields(document);
      const read = (d: typeof p) =>
        labelFirst ? [d?.labelText, d?.nearbyText] : [d?.nearbyText, d?.labelText].reverse();
      // A hidden label names nothing, so the text before the field is the span's.
      expect(read(p)).toEqual(['', 'Mobile']);
      expect(read(q)).toEqual(['Code here', 'Code here']);
    }
  });

  it('keeps the shared empty token list safe from a caller that pushes to it', () => {
    document.body.innerHTML = '<input name="a"><input name="b">';
    const [a, b] = collectFields(document);
    expect(() => a?.autocomplete.push('tel')).toThrow();
    expect(b?.autocomplete).toEqual([]);
  });
});
