// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findPhoneTarget } from '../fill/index.ts';
import { watchRejection } from './rejection-watch.ts';

const PHONE = '+6281234567890';
const REFUSAL = 'This phone number cannot be used for verification. Please use a different number.';
const settle = () => new Promise((r) => setTimeout(r, 350));
let abort = new AbortController();
afterEach(() => {
  abort.abort();
  abort = new AbortController();
  document.body.innerHTML = '';
});

/** A signup form holding `value`, watched for the ordered number; the reports it makes. */
function page(value = PHONE) {
  document.body.innerHTML = `<form id="f">
  <label for="phone">Phone number</label>
  <input id="phone" type="tel" autocomplete="tel" value="${value}">
  <p id="phone-error" class="field-error"></p>
  <button type="submit">Send code</button>
</form><p id="status" role="status"></p>`;
  document.getElementById('f')?.addEventListener('submit', (e) => e.preventDefault());
  const reports: string[] = [];
  watchRejection({
    doc: document,
    signal: abort.signal,
    phone: PHONE,
    target: () => findPhoneTarget(document),
    onRejected: (text) => reports.push(text),
  });
  const input = document.getElementById('phone') as HTMLInputElement;
  const error = document.getElementById('phone-error') as HTMLElement;
  /** What the site does when it refuses: the inline error, tied to the field. */
  const refuse = (text: string) => {
    error.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'phone-error');
  };
  const submit = () => document.querySelector('button')?.click();
  return { reports, input, refuse, submit };
}

describe('the rejection watch', () => {
  it('reports the inline error the site shows after "Send code", once', async () => {
    const p = page();
    p.submit();
    p.refuse(REFUSAL);
    await settle();
    p.refuse(`${REFUSAL} Again.`);
    await settle();
    expect(p.reports).toEqual([REFUSAL]);
  });

  it('reads a role=alert that appears beside the field, in another language', async () => {
    const p = page();
    p.submit();
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.textContent = 'Этот номер не поддерживается. Укажите другой номер.';
    document.getElementById('phone')?.after(alert);
    await settle();
    expect(p.reports).toHaveLength(1);
  });

  it('stays quiet before the user submits, for messages that are not a refusal, and once the field holds another number', async () => {
    const before = page();
    before.refuse(REFUSAL);
    await settle();
    expect(before.reports).toEqual([]);
    abort.abort();
    abort = new AbortController();

    const sent = page();
    sent.submit();
    sent.refuse('Code sent. Check your phone.');
    document.getElementById('status')!.textContent = 'This phone number cannot be used.';
    await settle();
    expect(sent.reports).toEqual([]);
    abort.abort();
    abort = new AbortController();

    const typed = page('+6289999999999');
    typed.submit();
    typed.refuse(REFUSAL);
    await settle();
    expect(typed.reports).toEqual([]);
  });

  it('ignores a hidden error template', async () => {
    const p = page();
    p.submit();
    p.refuse(REFUSAL);
    document.getElementById('phone-error')!.hidden = true;
    await settle();
    expect(p.reports).toEqual([]);
  });
});
