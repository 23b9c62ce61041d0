// @vitest-environment happy-dom
/**
 * Widgets and frameworks beyond the demo's basic pages: Vue- and Angular-style bindings,
 * selects of country names, a custom listbox picker that renders its options when opened,
 * code steps revealed inside shadow roots, and fields a person could not type into.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  fillCode,
  fillPhone,
  findCodeTarget,
  findPhoneTarget,
  watchForCodeTarget,
} from './index.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(html: string): void {
  document.body.innerHTML = html;
}

function input(id: string, root: ParentNode = document): HTMLInputElement {
  const el = root.querySelector(`#${id}`);
  if (!(el instanceof HTMLInputElement)) throw new Error(`#${id} missing from the fixture`);
  return el;
}

/**
 * Vue's v-model: the model changes only from `input` events, and every re-render writes the
 * model back into the field, so a value set without an event is lost at the next update.
 */
function vueModel(el: HTMLInputElement): { model: () => string } {
  let model = '';
  el.addEventListener('input', () => {
    model = el.value;
  });
  const render = (): void => {
    if (el.value !== model) el.value = model;
  };
  for (const type of ['change', 'blur', 'keyup']) el.addEventListener(type, render);
  return { model: () => model };
}

/**
 * Angular's DefaultValueAccessor: `(input)` writes the control, but not while an IME
 * composition is open; `(blur)` marks it touched. The form value is the control's value.
 */
function angularControl(el: HTMLInputElement): { value: () => string } {
  let value = '';
  let composing = false;
  el.addEventListener('compositionstart', () => (composing = true));
  el.addEventListener('compositionend', () => (composing = false));
  el.addEventListener('input', () => {
    if (!composing) value = el.value;
  });
  return { value: () => value };
}

describe('framework-controlled inputs', () => {
  it('Vue v-model keeps the phone and the code', async () => {
    mount(`<label for="tel">Phone number</label><input id="tel" type="tel">
      <label for="otp">Verification code</label><input id="otp" autocomplete="one-time-code">`);
    const phone = vueModel(input('tel'));
    const code = vueModel(input('otp'));
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no phone target');
    await fillPhone(target, '+6281234567890');
    const codeTarget = findCodeTarget(document);
    if (!codeTarget) throw new Error('no code target');
    await fillCode(codeTarget, '482913');
    input('tel').dispatchEvent(new Event('change'));
    expect(phone.model()).toBe('+6281234567890');
    expect(input('tel').value).toBe('+6281234567890');
    expect(code.model()).toBe('482913');
  });

  it('Angular forms receive the value through input events', async () => {
    mount(`<label for="tel">Mobile number</label><input id="tel" type="tel" name="mobile">`);
    const control = angularControl(input('tel'));
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no phone target');
    await fillPhone(target, '+447700900123');
    expect(control.value()).toBe('+447700900123');
  });
});

const NAMES = ['Germany', 'Indonesia', 'Kenya', 'Mexico', 'Nigeria', 'Peru', 'Poland', 'Spain'];
const nameOptions = ['France', ...NAMES, 'United States']
  .map((n) => `<option${n === 'United States' ? ' selected' : ''}>${n}</option>`)
  .join('');

describe('country controls', () => {
  it('a select of country names inside the phone widget picks the country by name', async () => {
    mount(`<form><div class="phone">
      <label for="c">Country</label><select id="c" name="country">${nameOptions}</select>
      <label for="n">Phone number</label><input id="n" type="tel" name="phone">
    </div></form>`);
    const target = findPhoneTarget(document);
    expect(target?.dialCode?.id).toBe('c');
    if (!target) return;
    await fillPhone(target, '+6281234567890');
    expect(target.dialCode?.value).toBe('Indonesia');
    expect(target.input.value).toBe('81234567890');
  });

  it("leaves an address form's country-name select alone", () => {
    mount(`<form>
      <div><label for="c">Country</label><select id="c" name="country">${nameOptions}</select></div>
      <div><label for="n">Phone number</label><input id="n" type="tel" name="phone"></div>
    </form>`);
    expect(findPhoneTarget(document)?.dialCode).toBeUndefined();
  });

  it('drives a custom listbox picker whose options appear only when it opens', async () => {
    mount(`<label for="p">Phone number</label>
      <div class="row"><div><button type="button" id="cc" aria-haspopup="listbox"
        aria-expanded="false">+1</button></div><input id="p" type="tel"></div>`);
    const button = document.getElementById('cc');
    if (!button) throw new Error('no picker');
    // The page renders the list into <body> (a portal) when the button is clicked.
    button.addEventListener('click', () => {
      button.setAttribute('aria-expanded', 'true');
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      list.innerHTML = '<li role="option">Indonesia +62</li><li role="option">India +91</li>';
      list.addEventListener('click', (ev) => {
        const li = (ev.target as Element).closest('li');
        button.textContent = li?.textContent?.replace(/^\D+/, '+') ?? '';
        list.remove();
      });
      document.body.append(list);
    });
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no phone target');
    await fillPhone(target, '+6281234567890');
    expect(button.textContent).toBe('+62');
    // The picker now shows the code: only the national number goes into the field.
    expect(target.input.value).toBe('81234567890');
  });
});

describe('where fields live', () => {
  it('waits for a code step revealed inside an open shadow root', async () => {
    mount('<sign-up></sign-up>');
    const host = document.querySelector('sign-up');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('no shadow root');
    shadow.innerHTML = `<section id="step" hidden><label for="otp">Verification code</label>
      <input id="otp" autocomplete="one-time-code"></section>`;
    const found = new Promise<string>((resolve) =>
      watchForCodeTarget(document, new AbortController().signal, (t) =>
        resolve(t.inputs[0]?.id ?? ''),
      ),
    );
    await new Promise((r) => setTimeout(r, 80));
    shadow.getElementById('step')?.removeAttribute('hidden');
    await expect(found).resolves.toBe('otp');
  });
});

describe('fields a person could not type into', () => {
  it.each([
    ['read-only', '<input id="a" type="tel" name="phone" readonly>'],
    ['disabled', '<input id="a" type="tel" name="phone" disabled>'],
    ['hidden', '<input id="a" type="tel" name="phone" hidden>'],
    ['off-screen', '<input id="a" type="tel" name="phone" style="position:absolute;left:-9999px">'],
    ['a honeypot', '<input id="a" type="tel" name="phone" aria-label="Leave this field blank">'],
  ])('never picks a %s phone field', (_what, html) => {
    mount(`<label for="a">Phone number</label>${html}`);
    expect(findPhoneTarget(document)).toBeNull();
  });

  it('fills the primary phone only, never a second phone field', async () => {
    mount(`<label for="m">Mobile phone</label><input id="m" type="tel">
      <label for="e">Emergency contact phone</label><input id="e" type="tel">`);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no phone target');
    await fillPhone(target, '+6281234567890');
    expect(input('m').value).toBe('+6281234567890');
    expect(input('e').value).toBe('');
  });
});
