// @vitest-environment happy-dom
/**
 * Issue 14's categories of real-world misses, one small fixture each: label placements, scripts,
 * phone-or-email, primary vs backup, landline vs mobile, instruction-only code fields, and the
 * fields that are never a code field (card, CVC, expiry, captcha, gift card, PIN, backup codes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findCodeTarget, findPhoneTarget } from './index.ts';

function mount(html: string): void {
  document.body.innerHTML = html;
}
const phoneId = (): string | null => findPhoneTarget(document)?.input.id ?? null;
const codeIds = (): string[] | null => findCodeTarget(document)?.inputs.map((i) => i.id) ?? null;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('phone: every way a label attaches', () => {
  it.each([
    ['a floating label after the input', '<div><input id="p"><label>Mobile number</label></div>'],
    [
      'a floating span styled as a label',
      '<div class="fl"><input id="p"><span class="floating-label">Phone</span></div>',
    ],
    ['a preceding table cell', '<table><tr><th>携帯電話</th><td><input id="p"></td></tr></table>'],
    ['aria-labelledby', '<span id="l">Telefonnummer</span><input id="p" aria-labelledby="l">'],
    ['a title only', '<input id="p" title="Numéro de téléphone">'],
    ['preceding text', '<div><span>Số điện thoại</span><div><input id="p"></div></div>'],
  ])('%s', (_, html) => {
    mount(`<form><label>Name <input id="n"></label>${html}</form>`);
    expect(phoneId()).toBe('p');
  });

  it.each([
    ['Hindi', 'मोबाइल नंबर'],
    ['Malayalam (with a zero-width joiner)', 'മൊബൈല്‍ നമ്പർ'],
    ['Malayalam (chillu letter)', 'മൊബൈൽ നമ്പർ'],
    ['Japanese', '携帯電話番号'],
    ['Korean', '휴대폰 번호'],
    ['Thai', 'เบอร์โทรศัพท์มือถือ'],
    ['Polish', 'Numer telefonu komórkowego'],
    ['Dutch', 'Mobiel nummer'],
    ['Greek', 'Κινητό τηλέφωνο'],
    ['Hebrew', 'טלפון נייד'],
    ['Persian', 'شماره موبایل'],
    ['Bengali', 'মোবাইল নম্বর'],
    ['Tamil', 'மொபைல் எண்'],
    ['Swahili', 'Namba ya simu'],
    ['Finnish', 'Puhelinnumero'],
  ])('a label in %s', (_, label) => {
    mount(
      `<form><label for="n">Name</label><input id="n"><label for="p">${label}</label><input id="p"></form>`,
    );
    expect(phoneId()).toBe('p');
  });
});

describe('phone: which of several', () => {
  it('fills a single "Mobile number or email" input', () => {
    mount(
      '<form><label for="p">Mobile number or email</label><input id="p"><input type="password"></form>',
    );
    expect(phoneId()).toBe('p');
  });

  it('does not fill "Email or username"', () => {
    mount(
      '<form><label for="e">Email or username</label><input id="e"><input type="password"></form>',
    );
    expect(phoneId()).toBeNull();
  });

  it('prefers a dedicated phone field to "Mobile number or email"', () => {
    mount(`<form><label for="id">Mobile number or email</label><input id="id">
      <label for="p">Phone</label><input id="p" type="tel"></form>`);
    expect(phoneId()).toBe('p');
  });

  it('fills the primary phone, not the backup one after it or before it', () => {
    mount(`<form><label for="b">Backup phone number</label><input id="b" type="tel">
      <label for="p">Phone number</label><input id="p" type="tel">
      <label for="s">Secondary phone</label><input id="s" type="tel"></form>`);
    expect(phoneId()).toBe('p');
  });

  it('fills the mobile, not the landline', () => {
    mount(`<form><label for="h">Home phone</label><input id="h" type="tel">
      <label for="m">Mobile phone</label><input id="m" type="tel"></form>`);
    expect(phoneId()).toBe('m');
    mount(`<form><label for="f">Teléfono fijo</label><input id="f" type="tel">
      <label for="m">Teléfono celular</label><input id="m" type="tel"></form>`);
    expect(phoneId()).toBe('m');
  });
});

describe('code: cues', () => {
  it('an unlabelled input under an instruction paragraph', () => {
    mount(`<form><h2>Check your phone</h2>
      <p>Enter the 6-digit code we sent to +1 (415) 555-0134.</p>
      <div><input id="c" type="text"></div><button>Continue</button></form>`);
    expect(codeIds()).toEqual(['c']);
  });

  it('an instruction that also says when the code expires', () => {
    mount(`<p>Enter the 6-digit code we sent to +1 (415) 555-0134. It expires in 10 minutes.</p>
      <form><input id="c" name="token" inputmode="numeric" maxlength="6"></form>`);
    expect(codeIds()).toEqual(['c']);
    expect(phoneId()).toBeNull();
  });

  it('"Enter SMS code" in a table cell is a code field, not a phone field', () => {
    mount('<form><table><tr><th>Enter SMS code</th><td><input id="c"></td></tr></table></form>');
    expect(codeIds()).toEqual(['c']);
    expect(phoneId()).toBeNull();
  });

  it('number boxes labelled by "the security code we texted you"', () => {
    mount(`<form><h2 id="l">Enter the security code we texted you</h2><div role="group" aria-labelledby="l">
      ${[1, 2, 3, 4, 5, 6].map((i) => `<input type="number" id="n${i}" name="n${i}" aria-labelledby="l">`).join('')}
      </div></form>`);
    expect(codeIds()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  });

  it('a placeholder-only code input', () => {
    mount('<form><input id="c" placeholder="Enter code"><button>Verify</button></form>');
    expect(codeIds()).toEqual(['c']);
  });

  it('a code-shaped placeholder on a numeric input', () => {
    mount('<form><input id="c" inputmode="numeric" maxlength="6" placeholder="000000"></form>');
    expect(codeIds()).toEqual(['c']);
  });

  it.each([
    ['Japanese', '認証コード'],
    ['Turkish', 'Doğrulama kodu'],
    ['Vietnamese', 'Mã xác nhận'],
    ['Polish', 'Kod weryfikacyjny'],
    ['Hindi', 'सत्यापन कोड'],
    ['Thai', 'รหัส OTP'],
    ['Indonesian', 'Kode verifikasi'],
    ['Greek', 'Κωδικός επαλήθευσης'],
  ])('a label in %s', (_, label) => {
    mount(`<form><label for="c">${label}</label><input id="c"></form>`);
    expect(codeIds()).toEqual(['c']);
  });
});

describe('code: never these', () => {
  it.each([
    [
      'a card number and CVC on a payment form',
      `<label for="n">Card number</label><input id="n" inputmode="numeric" maxlength="19">
       <label for="v">Security code</label><input id="v" inputmode="numeric" maxlength="4">
       <label for="x">Expiry (MM/YY)</label><input id="x" maxlength="5">`,
    ],
    [
      'CVV / CID by name',
      '<input name="cvv" maxlength="4" inputmode="numeric"><input name="cid" maxlength="4">',
    ],
    [
      'a card field by autocomplete',
      '<input autocomplete="cc-csc" maxlength="4"><input autocomplete="cc-number">',
    ],
    [
      'an image captcha ("验证码" beside an <img>)',
      `<div><label for="u">用户名</label><input id="u"></div>
       <div><span>验证码</span><input id="c" maxlength="4"><img src="/captcha.png" alt=""></div>`,
    ],
    ['a text captcha', '<label for="c">Type the characters you see</label><input id="c">'],
    ['a gift card', '<label for="g">Gift card code</label><input id="g" maxlength="16">'],
    ['a coupon', '<label for="g">Coupon code</label><input id="g">'],
    ['a PIN', '<label for="p">PIN</label><input id="p" inputmode="numeric" maxlength="4">'],
    [
      'backup codes',
      '<label for="b">Enter one of your backup codes</label><input id="b" maxlength="10">',
    ],
    ['a recovery code', '<label for="b">Recovery code</label><input id="b">'],
    ['a postal code in Polish', '<label for="z">Kod pocztowy</label><input id="z">'],
  ])('%s', (_, html) => {
    mount(`<form>${html}<button>Pay</button></form>`);
    expect(codeIds()).toBeNull();
  });

  it('a card number on a tel input is no phone either', () => {
    mount(`<form><input id="n" type="tel" name="cardNumber" aria-label="tel Card number" maxlength="19">
      <label for="x">Contract number</label><input id="x" type="tel"></form>`);
    expect(phoneId()).toBeNull();
  });

  it('the billing phone of a card form is still a phone', () => {
    mount(
      `<form><input id="p" name="CreditCardInformation.BillingPhoneNumberEntry.Number" maxlength="15"></form>`,
    );
    expect(phoneId()).toBe('p');
  });

  it('a one-time code on a payment form still counts (3-D Secure)', () => {
    mount(`<form><label for="n">Card number</label><input id="n" autocomplete="cc-number">
      <label for="c">Enter the one-time code we sent to your phone</label><input id="c"></form>`);
    expect(codeIds()).toEqual(['c']);
  });
});
