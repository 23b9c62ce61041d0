// @vitest-environment happy-dom
/**
 * Split phone groups (US area + prefix + line, city code + number, country-code box + national
 * number) and the fill checks: a masked national-only input, an input that commits on blur,
 * and a hidden input behind code boxes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  fillCodeWithReport,
  fillPhoneWithReport,
  findCodeTarget,
  findPhoneTarget,
} from './index.ts';

function mount(html: string): void {
  document.body.innerHTML = html;
}
function byId(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the fixture`);
  return el as HTMLInputElement;
}
const roles = () => findPhoneTarget(document)?.parts?.map((p) => `${p.input.id}:${p.role}`) ?? null;

afterEach(() => {
  document.body.innerHTML = '';
});

const US_BOXES = `<form><label for="a">Phone number</label>
  <div class="phone"><input id="a" name="phone1" maxlength="3" size="3"> -
  <input id="p" name="phone2" maxlength="3" size="3"> -
  <input id="l" name="phone3" maxlength="4" size="4"></div></form>`;

describe('split phone groups', () => {
  it('US area + prefix + line boxes, filled part by part', async () => {
    mount(US_BOXES);
    expect(roles()).toEqual(['a:area', 'p:prefix', 'l:line']);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    expect(target.input.id).toBe('a');
    const report = await fillPhoneWithReport(target, '+14155550134');
    expect(report.ok).toBe(true);
    expect([byId('a').value, byId('p').value, byId('l').value]).toEqual(['415', '555', '0134']);
  });

  it('autocomplete tel-area-code / tel-local-prefix / tel-local-suffix', () => {
    mount(`<form><fieldset><legend>Mobile</legend>
      <input id="a" autocomplete="tel-area-code"><input id="p" autocomplete="tel-local-prefix">
      <input id="l" autocomplete="tel-local-suffix"></fieldset></form>`);
    expect(roles()).toEqual(['a:area', 'p:prefix', 'l:line']);
  });

  it('city code + number', async () => {
    mount(`<form><label>Телефон</label><div>
      <input id="c" name="city_code" aria-label="Код города" maxlength="5">
      <input id="n" name="phone" type="tel" maxlength="10"></div></form>`);
    expect(roles()).toEqual(['c:area', 'n:line']);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    expect((await fillPhoneWithReport(target, '+79123456789')).ok).toBe(true);
    expect(byId('c').value + byId('n').value).toBe('9123456789');
  });

  it('country code box + national number', async () => {
    mount(`<form><label for="n">Mobile number</label><div>
      <input id="cc" name="country_code" placeholder="+1" maxlength="4">
      <input id="n" name="mobile" type="tel"></div></form>`);
    expect(roles()).toEqual(['cc:country', 'n:national']);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    expect((await fillPhoneWithReport(target, '+6281234567890')).ok).toBe(true);
    expect([byId('cc').value, byId('n').value]).toEqual(['+62', '81234567890']);
  });

  it('three short boxes take the number as the country writes it (090-1234-5678)', async () => {
    mount(`<form><table><tr><th>携帯電話番号</th><td><input id="t1" type="tel" maxlength="4"> -
      <input id="t2" type="tel" maxlength="4"> - <input id="t3" type="tel" maxlength="4">
      </td></tr></table></form>`);
    expect(roles()).toEqual(['t1:area', 't2:prefix', 't3:line']);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    expect((await fillPhoneWithReport(target, '+819012345678')).ok).toBe(true);
    expect([byId('t1').value, byId('t2').value, byId('t3').value]).toEqual(['090', '1234', '5678']);
  });

  it('a split mobile wins over a home phone before it; the extension box stays empty', async () => {
    mount(`<form><label for="h">Home phone</label><input id="h" type="tel" autocomplete="home tel">
      <p>Mobile phone<br><input id="a" type="tel" maxlength="3" aria-label="Mobile area code">
      <input id="p" type="tel" maxlength="3" aria-label="Mobile exchange">
      <input id="l" type="tel" maxlength="4" aria-label="Last four digits">
      <input id="x" maxlength="5" aria-label="ext."></p></form>`);
    expect(roles()).toEqual(['a:area', 'p:prefix', 'l:line']);
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    await fillPhoneWithReport(target, '+14155550134');
    expect(byId('x').value).toBe('');
    expect(byId('h').value).toBe('');
  });

  it('leaves a date of birth in three boxes alone', () => {
    mount(`<form><label>Date of birth</label><div><input name="dd" maxlength="2">
      <input name="mm" maxlength="2"><input name="yyyy" maxlength="4"></div>
      <label for="p">Phone</label><input id="p" type="tel"></form>`);
    expect(findPhoneTarget(document)?.parts).toBeUndefined();
    expect(findPhoneTarget(document)?.input.id).toBe('p');
  });

  it('a lone phone field before a split "Work phone" group stays the target', () => {
    mount(`<form><label for="m">Mobile</label><input id="m" type="tel">
      <label>Work phone</label><div><input name="w1" maxlength="3"><input name="w2" maxlength="3">
      <input name="w3" maxlength="4"></div></form>`);
    expect(findPhoneTarget(document)?.input.id).toBe('m');
    expect(findPhoneTarget(document)?.parts).toBeUndefined();
  });
});

describe('fill verification', () => {
  it('a masked national-only US input ends with the right digits', async () => {
    mount('<form><label for="p">Phone</label><input id="p" type="tel"></form>');
    const input = byId('p');
    // A mask like "(___) ___-____": keeps the first ten digits it is given, formatted.
    input.addEventListener('input', () => {
      const d = input.value.replace(/\D/g, '').slice(0, 10);
      const parts = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
      input.value = d.length > 6 ? `(${parts[0]}) ${parts[1]}-${parts[2]}` : d;
    });
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    const report = await fillPhoneWithReport(target, '+14155550134');
    expect(report.ok).toBe(true);
    expect(input.value).toBe('(415) 555-0134');
  });

  it('an input that commits only on blur ends up with the value accepted', async () => {
    mount('<form><label for="c">Verification code</label><input id="c"></form>');
    const input = byId('c');
    let model = '';
    input.addEventListener('blur', () => (model = input.value));
    const target = findCodeTarget(document);
    if (!target) throw new Error('no target');
    input.focus();
    expect((await fillCodeWithReport(target, '482913')).ok).toBe(true);
    expect(model).toBe('482913');
  });

  it('reports failure and leaves the field empty when nothing sticks', async () => {
    mount('<form><label for="p">Phone</label><input id="p" type="tel"></form>');
    const input = byId('p');
    input.addEventListener('input', () => (input.value = '000'));
    const target = findPhoneTarget(document);
    if (!target) throw new Error('no target');
    const report = await fillPhoneWithReport(target, '+14155550134');
    expect(report.ok).toBe(false);
  });

  it('a hidden input behind visible boxes holds the code afterwards', async () => {
    mount(`<form><p>Enter the code we sent by SMS</p><div class="otp">
      ${[0, 1, 2, 3, 4, 5].map((i) => `<input id="b${i}" maxlength="1" inputmode="numeric" aria-label="Digit ${i + 1}">`).join('')}
      </div><input type="hidden" id="h" name="otp_code"></form>`);
    const target = findCodeTarget(document);
    expect(target?.inputs.length).toBe(6);
    if (!target) throw new Error('no target');
    expect((await fillCodeWithReport(target, '482913')).ok).toBe(true);
    expect(byId('h').value).toBe('482913');
  });

  it('leaves a hidden input alone that holds something else', async () => {
    mount(`<form><p>Enter the code we sent by SMS</p><div class="otp">
      ${[0, 1, 2, 3].map((i) => `<input id="b${i}" maxlength="1" aria-label="Digit ${i + 1}">`).join('')}
      </div><input type="hidden" id="h" name="csrf_token" value="abc"></form>`);
    const target = findCodeTarget(document);
    if (!target) throw new Error('no target');
    await fillCodeWithReport(target, '4829');
    expect(byId('h').value).toBe('abc');
  });
});
