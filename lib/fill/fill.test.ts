// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  fillCode,
  fillCodeWithReport,
  fillPhone,
  fillPhoneWithReport,
  findCodeTarget,
  findPhoneTarget,
  watchForCodeTarget,
} from './index.ts';
import * as pages from './pages.fixture.ts';

function mount(html: string): void {
  document.body.innerHTML = html;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the fixture`);
  return el as T;
}

/** React keeps a per-node value tracker behind an instance property and ignores input events
 * whose value equals it. State lives only in the input listener, as in a controlled input. */
function reactLike(input: HTMLInputElement): { state: () => string } {
  const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  const { get, set } = proto ?? {};
  if (!get || !set) throw new Error('no value accessor');
  let tracked = input.value;
  let state = input.value;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get(this: HTMLInputElement) {
      return get.call(this) as string;
    },
    set(this: HTMLInputElement, v: string) {
      tracked = String(v);
      set.call(this, v);
    },
  });
  input.addEventListener('input', () => {
    const current = get.call(input) as string;
    if (current !== tracked) {
      tracked = current;
      state = current;
    }
    input.value = state; // re-render from state
  });
  return { state: () => state };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('demo page 1: plain tel input, then a code step', () => {
  it('finds and fills the phone in international form', async () => {
    mount(pages.PLAIN_PHONE);
    const target = findPhoneTarget(document);
    expect(target?.input.id).toBe('phone');
    expect(target?.dialCode).toBeUndefined();
    if (!target) return;
    const react = reactLike(target.input);
    const report = await fillPhoneWithReport(target, '+14155550134');
    expect(report).toMatchObject({ ok: true, method: 'typed' });
    expect(target.input.value).toBe('+14155550134');
    expect(react.state()).toBe('+14155550134');
  });

  it('waits for the code step and fills it', async () => {
    mount(pages.PLAIN_PHONE);
    expect(findCodeTarget(document)).toBeNull();
    const controller = new AbortController();
    const found = new Promise<HTMLInputElement[]>((resolve) =>
      watchForCodeTarget(document, controller.signal, (t) => resolve(t.inputs)),
    );
    setTimeout(() => (document.body.innerHTML = pages.CODE_STEP), 10);
    const inputs = await found;
    expect(inputs.map((i) => i.id)).toEqual(['code']);
    await fillCode({ inputs }, '482913');
    expect(byId<HTMLInputElement>('code').value).toBe('482913');
  });

  it('stops watching on abort', async () => {
    mount(pages.PLAIN_PHONE);
    const controller = new AbortController();
    let calls = 0;
    watchForCodeTarget(document, controller.signal, () => calls++);
    controller.abort();
    document.body.innerHTML = pages.CODE_STEP;
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(0);
  });
});

describe('demo page 2: country code select + national number', () => {
  it('selects the country option and types the national number', async () => {
    mount(pages.COUNTRY_SELECT);
    const target = findPhoneTarget(document);
    expect(target?.input.id).toBe('national');
    expect(target?.dialCode?.id).toBe('cc');
    if (!target) return;
    let changed = '';
    target.dialCode?.addEventListener(
      'change',
      (e) => (changed = (e.target as HTMLSelectElement).value),
    );
    await fillPhone(target, '+6281234567890');
    expect(changed).toBe('+62');
    expect(target.input.value).toBe('81234567890');
  });
});

describe('demo page 3: six split boxes', () => {
  function advanceFocus(): HTMLInputElement[] {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('[role=group] input'));
    boxes.forEach((box, i) =>
      box.addEventListener('input', () => {
        if (box.value.length === 1) boxes[i + 1]?.focus();
      }),
    );
    return boxes;
  }

  it('fills one digit per box with focus moving', async () => {
    mount(pages.SPLIT_BOXES);
    const boxes = advanceFocus();
    const target = findCodeTarget(document);
    expect(target?.inputs).toEqual(boxes);
    if (!target) return;
    const report = await fillCodeWithReport(target, '123456');
    expect(report).toMatchObject({ ok: true, method: 'typed' });
    expect(boxes.map((b) => b.value).join('')).toBe('123456');
  });

  it('falls back to a paste when the widget rejects per-box typing', async () => {
    mount(pages.SPLIT_BOXES);
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('[role=group] input'));
    boxes.forEach((b) => b.addEventListener('beforeinput', (e) => e.preventDefault()));
    boxes[0]?.addEventListener('paste', (e) => {
      e.preventDefault();
      const text = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      boxes.forEach((b, i) => (b.value = text[i] ?? ''));
    });
    const target = findCodeTarget(document);
    if (!target) throw new Error('no target');
    const report = await fillCodeWithReport(target, '654321');
    expect(report).toMatchObject({ ok: true, method: 'pasted' });
    expect(boxes.map((b) => b.value).join('')).toBe('654321');
  });
});

describe('demo page 4: SPA that keeps state only from input events', () => {
  it('fills the phone, survives the DOM swap and fills the code', async () => {
    const state = { phone: '', code: '' };
    const render = (step: 1 | 2): void => {
      document.body.innerHTML = step === 1 ? pages.PLAIN_PHONE : pages.CODE_STEP;
      const input = byId<HTMLInputElement>(step === 1 ? 'phone' : 'code');
      const r = reactLike(input);
      input.addEventListener('input', () => {
        if (step === 1) state.phone = r.state();
        else state.code = r.state();
      });
    };
    render(1);
    const phone = findPhoneTarget(document);
    if (!phone) throw new Error('no phone target');
    await fillPhone(phone, '+447400123456');
    expect(state.phone).toBe('+447400123456');

    const controller = new AbortController();
    const code = new Promise<HTMLInputElement[]>((resolve) =>
      watchForCodeTarget(document, controller.signal, (t) => resolve(t.inputs)),
    );
    setTimeout(() => render(2), 5);
    await fillCode({ inputs: await code }, '9031');
    expect(state.code).toBe('9031');
  });
});

describe('common widgets', () => {
  it('intl-tel-input: picks the country in the flag list, then types the national number', async () => {
    mount(pages.INTL_TEL_INPUT);
    const shown = document.querySelector('.iti__selected-dial-code');
    document.querySelectorAll('.iti__country').forEach((li) =>
      li.addEventListener('click', () => {
        if (shown) shown.textContent = `+${li.getAttribute('data-dial-code') ?? ''}`;
      }),
    );
    const target = findPhoneTarget(document);
    expect(target?.input.id).toBe('iti-phone');
    if (!target) return;
    await fillPhone(target, '+6281234567890');
    expect(shown?.textContent).toBe('+62');
    expect(target.input.value).toBe('81234567890');
  });

  it('intl-tel-input already on the right country: national number only', async () => {
    mount(pages.INTL_TEL_INPUT);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    await fillPhone(target, '+14155550134');
    expect(target.input.value).toBe('4155550134');
  });

  it('react-phone-number-input: ISO select + tel input', async () => {
    mount(pages.REACT_PHONE_NUMBER_INPUT);
    const target = findPhoneTarget(document);
    expect(target?.dialCode?.getAttribute('name')).toBe('phoneNumberCountry');
    if (!target) return;
    await fillPhone(target, '+6281234567890');
    expect(target.dialCode?.value).toBe('ID');
    expect(target.input.value.replace(/\D/g, '')).toBe('81234567890');
  });

  it('input-otp: fills the one transparent input over the slots', async () => {
    mount(pages.INPUT_OTP);
    const target = findCodeTarget(document);
    expect(target?.inputs).toHaveLength(1);
    if (!target) return;
    await fillCode(target, '246810');
    expect(target.inputs[0]?.value).toBe('246810');
  });

  it('type=number boxes', async () => {
    mount(pages.NUMBER_BOXES);
    const target = findCodeTarget(document);
    expect(target?.inputs).toHaveLength(6);
    if (!target) return;
    await fillCode(target, '135790');
    expect(target.inputs.map((i) => i.value).join('')).toBe('135790');
  });

  it('finds a phone field inside an open shadow root', () => {
    mount('<div id="host"></div>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="p">Telefon</label><input id="p" type="tel" name="telefon">';
    expect(findPhoneTarget(document)?.input.id).toBe('p');
  });

  it('finds a code field inside a custom element, in document order with the light DOM', () => {
    mount('<input id="before" name="search"><signup-code id="host"></signup-code>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="c">SMS code</label><input id="c" inputmode="numeric">';
    expect(findCodeTarget(document)?.inputs.map((i) => i.id)).toEqual(['c']);
  });
});

describe('negatives', () => {
  it('skips honeypots and hidden copies', () => {
    mount(pages.HONEYPOTS);
    expect(findPhoneTarget(document)?.input.id).toBe('real');
  });

  it('ignores promo, captcha, referral and zip codes', () => {
    mount(pages.DECOY_CODES);
    expect(findCodeTarget(document)).toBeNull();
    mount(pages.DECOY_CODES + pages.CODE_STEP);
    expect(findCodeTarget(document)?.inputs[0]?.id).toBe('code');
  });

  it('prefers the primary phone over an emergency contact phone', () => {
    mount(pages.EMERGENCY_CONTACT);
    expect(findPhoneTarget(document)?.input.id).toBe('main');
  });

  it('refuses to fill a disabled code field', async () => {
    mount(pages.CODE_STEP);
    const input = byId<HTMLInputElement>('code');
    input.disabled = true;
    const report = await fillCodeWithReport({ inputs: [input] }, '1234');
    expect(report.ok).toBe(false);
    expect(input.value).toBe('');
  });
});
