// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findSubmitControl, focusSubmitControl } from './submit-control.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Renders a phone step; returns its phone field (the input with id="phone"). */
function page(html: string): HTMLInputElement {
  document.body.innerHTML = html;
  const input = document.getElementById('phone');
  if (!(input instanceof HTMLInputElement)) throw new Error('fixture without #phone');
  return input;
}

/** What the found control says (its text, aria-label or value), or null for none. */
function found(html: string): string | null {
  const control = findSubmitControl(page(html));
  if (!control) return null;
  return (
    control.getAttribute('aria-label') ||
    control.textContent?.trim() ||
    (control as HTMLInputElement).value
  );
}

const TEL = '<input id="phone" type="tel" autocomplete="tel">';

describe('findSubmitControl: the control that sends the code for a phone field', () => {
  it("a plain form: its submit button, not the form's other buttons", () => {
    const html = `<form>${TEL}<button type="button">Cancel</button>
      <button type="submit">Send code</button></form>`;
    expect(found(html)).toBe('Send code');
  });

  it('a button without a type submits its form', () => {
    expect(found(`<form><label>Phone ${TEL}</label><button>Continue</button></form>`)).toBe(
      'Continue',
    );
  });

  it('of several submit buttons, the one that says it sends a code (not Back)', () => {
    const html = `<form><button type="submit" name="back">Back</button>${TEL}
      <button type="submit" name="go">Next</button><button type="submit">Text me a code</button>
      </form>`;
    expect(found(html)).toBe('Text me a code');
  });

  it("an icon button, named by its aria-label, and an <input type=submit>'s value", () => {
    const icon = `<form>${TEL}<button type="submit" aria-label="Send verification code">
      <svg></svg></button></form>`;
    expect(found(icon)).toBe('Send verification code');
    expect(found(`<form>${TEL}<input type="submit" value="Enviar código"></form>`)).toBe(
      'Enviar código',
    );
  });

  it("a form's only submit button, whatever it says, is the one Enter presses", () => {
    expect(found(`<form>${TEL}<button type="submit">→</button></form>`)).toBe('→');
  });

  it('a hidden or disabled submit button is passed over for one the user can press', () => {
    const html = `<form>${TEL}<button type="submit" style="display:none">Send code</button>
      <button type="submit" disabled>Send SMS</button><button type="submit">Continue</button>
      </form>`;
    expect(found(html)).toBe('Continue');
  });

  it('a submit button outside the form element, tied to it by form="…"', () => {
    const html = `<form id="signup">${TEL}</form>
      <footer><button type="submit" form="signup">Get code</button></footer>`;
    expect(found(html)).toBe('Get code');
  });

  it('no form: the nearest button that says it sends a code (a role=button div too)', () => {
    const html = `<div class="step"><div class="row">${TEL}</div>
      <div class="actions"><a href="/help">Help</a><div role="button" tabindex="0">Get code</div>
      </div></div>`;
    expect(found(html)).toBe('Get code');
  });

  it('a type=button "Send code" inside a form without a submit button (script-driven)', () => {
    const html = `<form onsubmit="return false">${TEL}
      <button type="button">Change country</button><button type="button">Send code</button></form>`;
    expect(found(html)).toBe('Send code');
  });

  it('a submit button that goes back or cancels is never the one, even first in the form', () => {
    const html = `<form>${TEL}<button type="submit" name="back">Back</button>
      <button type="submit" class="arrow">→</button></form>`;
    expect(found(html)).toBe('→');
  });

  it('"Send again" words that contain a send word are not the send button', () => {
    const html = `<div>${TEL}<button type="button">Отправить повторно</button>
      <button type="button">Далее</button></div>`;
    expect(found(html)).toBe('Далее');
  });

  it('"Resend code" is never taken for "Send code"', () => {
    const html = `<div>${TEL}<button type="button">Resend code</button>
      <button type="button">Send SMS</button></div>`;
    expect(found(html)).toBe('Send SMS');
  });

  it('in other languages: Russian and Chinese signup pages', () => {
    expect(found(`<div>${TEL}<button type="button">Получить код</button></div>`)).toBe(
      'Получить код',
    );
    expect(
      found(`<div><span>+86</span>${TEL}<span class="btn" role="button">获取验证码</span></div>`),
    ).toBe('获取验证码');
  });

  it('no control that sends anything: none (a Cancel or a help link is not it)', () => {
    expect(
      found(`<div>${TEL}<button type="button">Cancel</button><a href="/faq">FAQ</a></div>`),
    ).toBe(null);
  });

  it('the focus goes to it; nothing is clicked or submitted', () => {
    const input = page(`<form id="f">${TEL}<button type="submit">Send code</button></form>`);
    const events: string[] = [];
    document.addEventListener('click', () => events.push('click'), true);
    document.addEventListener('submit', (e) => {
      e.preventDefault();
      events.push('submit');
    });
    const control = focusSubmitControl(input);
    expect(control?.textContent).toBe('Send code');
    expect(document.activeElement).toBe(control);
    expect(events).toEqual([]);
  });
});
