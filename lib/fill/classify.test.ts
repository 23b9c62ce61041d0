import { describe, expect, it } from 'vitest';
import {
  findSplitGroups,
  pickCodeTarget,
  pickDialCode,
  pickPhoneField,
  scoreCodeField,
  scorePhoneField,
} from './classify.ts';
import type { FieldDescriptor } from './collect.ts';

let nextIndex = 0;
function field(over: Partial<FieldDescriptor> = {}): FieldDescriptor {
  return {
    index: nextIndex++,
    tag: 'input',
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
    nearImage: false,
    labelText: '',
    nearbyText: '',
    groupLabel: '',
    adjacentDialCode: null,
    value: '',
    options: [],
    hidden: false,
    transparent: false,
    disabled: false,
    readOnly: false,
    tabIndex: 0,
    ariaHidden: false,
    rect: { x: 0, y: 0, width: 0, height: 0 },
    hasLayout: false,
    parentKey: 1,
    grandparentKey: 2,
    ancestorKeys: [1, 2, 4],
    formKey: 3,
    ...over,
  };
}

const row = (n: number, over: (i: number) => Partial<FieldDescriptor>): FieldDescriptor[] => {
  const start = nextIndex;
  return Array.from({ length: n }, (_, i) => field({ index: start + i, ...over(i) }));
};

describe('phone field', () => {
  it.each([
    ['autocomplete tel', { autocomplete: ['tel'] }],
    ['type tel + label', { type: 'tel', labelText: 'Phone number' }],
    ['ru label', { labelText: 'Номер телефона' }],
    ['es label', { labelText: 'Teléfono celular' }],
    ['fr placeholder', { placeholder: 'Numéro de téléphone' }],
    ['de label', { labelText: 'Handynummer' }],
    ['it label', { labelText: 'Numero di cellulare' }],
    ['tr label', { labelText: 'Telefon numarası' }],
    ['id label', { labelText: 'Nomor HP' }],
    ['zh placeholder', { placeholder: '请输入手机号' }],
    ['ja label', { labelText: '電話番号' }],
    ['ar label', { labelText: 'رقم الهاتف' }],
    ['name only', { name: 'userPhone' }],
    // Autofill names say what a field is; made-up values ("chrome-off") say nothing.
    ['a made-up autocomplete value', { labelText: 'Phone number', autocomplete: ['chrome-off'] }],
    [
      'section and kind tokens',
      { labelText: 'Phone', autocomplete: ['section-a', 'mobile', 'tel'] },
    ],
  ])('accepts %s', (_, over) => {
    expect(scorePhoneField(field(over))).not.toBeNull();
  });

  it.each([
    ['hidden', { type: 'tel', autocomplete: ['tel'], hidden: true }],
    ['disabled', { type: 'tel', autocomplete: ['tel'], disabled: true }],
    ['readonly', { type: 'tel', autocomplete: ['tel'], readOnly: true }],
    ['transparent', { type: 'tel', autocomplete: ['tel'], transparent: true }],
    ['honeypot', { type: 'tel', name: 'phone_honeypot' }],
    ['card on a tel input', { type: 'tel', autocomplete: ['cc-number'], labelText: 'Card number' }],
    ['birthday on a tel input', { type: 'tel', name: 'dateOfBirth', nearbyText: 'Birth date' }],
    ['country code input', { labelText: 'Country code', maxLength: 4 }],
    ['email', { type: 'email', labelText: 'Phone or email' }],
    ['verification code', { type: 'tel', labelText: 'Phone verification code' }],
    ['an e-mail by autofill name', { labelText: 'Phone number', autocomplete: ['email'] }],
    ['an area-code box by autofill name', { labelText: 'Phone', autocomplete: ['tel-area-code'] }],
  ])('rejects %s', (_, over) => {
    expect(scorePhoneField(field(over))).toBeNull();
  });

  it('prefers the primary phone over an emergency contact phone, in either order', () => {
    const emergency = field({ type: 'tel', labelText: 'Emergency contact phone' });
    const primary = field({ type: 'tel', labelText: 'Mobile phone', autocomplete: ['tel'] });
    expect(pickPhoneField([emergency, primary])).toBe(primary);
    expect(pickPhoneField([primary, emergency])).toBe(primary);
  });
});

describe('dial code control', () => {
  const dialOptions = [
    { value: '+1', text: 'United States (+1)' },
    { value: '+62', text: 'Indonesia (+62)' },
  ];

  it('finds a dial-code select right before the phone field', () => {
    const select = field({
      tag: 'select',
      type: 'select',
      labelText: 'Country code',
      options: dialOptions,
    });
    const phone = field({ type: 'tel', autocomplete: ['tel-national'] });
    expect(pickDialCode([select, phone], phone)).toBe(select);
  });

  it('finds an ISO country select inside the phone widget', () => {
    const select = field({
      tag: 'select',
      type: 'select',
      ariaLabel: 'Phone number country',
      options: [
        { value: 'ID', text: 'Indonesia' },
        { value: 'US', text: 'United States' },
      ],
    });
    const phone = field({ type: 'tel', autocomplete: ['tel'] });
    expect(pickDialCode([select, phone], phone)).toBe(select);
  });

  it('leaves an address country select far from the widget alone', () => {
    const country = field({
      tag: 'select',
      type: 'select',
      labelText: 'Country',
      parentKey: 10,
      grandparentKey: 11,
      options: [
        { value: 'ID', text: 'Indonesia' },
        { value: 'US', text: 'United States' },
      ],
    });
    const phone = field({ type: 'tel', autocomplete: ['tel'], parentKey: 20, grandparentKey: 21 });
    expect(pickDialCode([country, phone], phone)).toBeNull();
  });

  it('finds a separate dial-code text input', () => {
    const dial = field({
      name: 'country_code',
      labelText: 'Country code',
      maxLength: 4,
      value: '+1',
    });
    const phone = field({ type: 'tel', labelText: 'Phone' });
    expect(pickDialCode([dial, phone], phone)).toBe(dial);
  });

  it('looks only just before the phone field, whatever order the list comes in', () => {
    const select = () =>
      field({ tag: 'select', type: 'select', labelText: 'Country code', options: dialOptions });
    const far = select();
    const filler = [field({ name: 'a' }), field({ name: 'b' }), field({ name: 'c' })];
    const near = select();
    const phone = field({ type: 'tel', autocomplete: ['tel-national'] });
    const page = [far, ...filler, near, phone];
    expect(pickDialCode(page, phone)).toBe(near);
    expect(pickDialCode([...page].reverse(), phone)).toBe(near);
    expect(pickDialCode([far, ...filler, phone], phone)).toBeNull();
  });
});

describe('code field', () => {
  it.each([
    ['one-time-code', { autocomplete: ['one-time-code'] }],
    ['en label', { labelText: 'Verification code', inputMode: 'numeric' }],
    ['ru label', { labelText: 'Код из СМС' }],
    ['es label', { labelText: 'Código de verificación' }],
    ['fr label', { labelText: 'Code de vérification' }],
    ['de label', { labelText: 'Bestätigungscode' }],
    ['it label', { labelText: 'Codice di verifica' }],
    ['tr label', { labelText: 'Doğrulama kodu' }],
    ['id label', { labelText: 'Kode verifikasi' }],
    ['zh placeholder', { placeholder: '请输入验证码' }],
    ['ja label', { labelText: '認証コード' }],
    ['ar label', { labelText: 'رمز التحقق' }],
    ['otp name', { name: 'otp', maxLength: 6 }],
    ['a made-up autocomplete value', { labelText: 'Verification code', autocomplete: ['nope-1'] }],
  ])('accepts %s', (_, over) => {
    expect(scoreCodeField(field(over))).not.toBeNull();
  });

  it.each([
    ['captcha', { name: 'captcha_code', labelText: 'Security check' }],
    ['zh image captcha', { placeholder: '请输入图形验证码' }],
    ['promo', { labelText: 'Promo code' }],
    ['coupon', { name: 'couponCode' }],
    ['referral', { labelText: 'Referral code' }],
    ['gift card', { labelText: 'Gift card code' }],
    ['search', { type: 'search', name: 'q' }],
    ['zip', { labelText: 'ZIP code', autocomplete: ['postal-code'] }],
    ['cvc', { labelText: 'CVC code', maxLength: 4 }],
    ['backup codes', { labelText: 'Backup code' }],
    ['recovery', { name: 'recoveryCode' }],
    ['PIN', { labelText: 'Enter your PIN', type: 'password', maxLength: 4 }],
    ['hidden', { autocomplete: ['one-time-code'], hidden: true }],
    ['disabled', { autocomplete: ['one-time-code'], disabled: true }],
    ['readonly', { autocomplete: ['one-time-code'], readOnly: true }],
    // The page's autofill name for another field wins over the words around it.
    [
      'a name field by autofill name',
      { labelText: 'Verification code', autocomplete: ['given-name'] },
    ],
    ['an organisation by autofill name', { labelText: 'SMS code', autocomplete: ['organization'] }],
  ])('rejects %s', (_, over) => {
    expect(scoreCodeField(field(over))).toBeNull();
  });

  it('keeps a negative word when the field is clearly the SMS code', () => {
    expect(scoreCodeField(field({ labelText: 'SMS PIN code' }))).not.toBeNull();
  });
});

describe('split boxes', () => {
  it('groups six adjacent one-character boxes', () => {
    const boxes = row(6, (i) => ({
      maxLength: 1,
      inputMode: 'numeric',
      ariaLabel: `Digit ${i + 1}`,
    }));
    expect(findSplitGroups(boxes)).toEqual([boxes]);
    expect(pickCodeTarget(boxes)).toEqual(boxes);
  });

  it('needs a row: misaligned unnumbered boxes with layout do not group', () => {
    const boxes = row(6, (i) => ({
      maxLength: 1,
      hasLayout: true,
      rect: { x: 10 + (i % 2) * 300, y: i * 50, width: 40, height: 40 },
    }));
    expect(findSplitGroups(boxes)).toEqual([]);
  });

  it('groups consecutively numbered boxes even when the layout stacks them', () => {
    // PayPal's otpCode-0..5 before its stylesheet arrives: one box per line.
    const boxes = row(6, (i) => ({
      type: 'tel',
      name: `otpCode-${i}`,
      ariaLabel: `${i + 1}-6`,
      hasLayout: true,
      rect: { x: 8, y: 26 + i * 21, width: 177, height: 21 },
    }));
    expect(findSplitGroups(boxes)).toEqual([boxes]);
    expect(pickCodeTarget(boxes)).toEqual(boxes);
  });

  it('groups aligned boxes by geometry and rejects mixed sizes', () => {
    const aligned = row(4, (i) => ({
      hasLayout: true,
      rect: { x: i * 48, y: 100, width: 40, height: 40 },
    }));
    expect(findSplitGroups(aligned)).toHaveLength(1);
    const mixed = row(4, (i) => ({
      hasLayout: true,
      maxLength: 1,
      rect: { x: i * 48, y: 100, width: 40 + i * 10, height: 40 },
    }));
    expect(findSplitGroups(mixed)).toEqual([]);
  });

  it('groups numbered boxes without maxlength, each in its own wrapper (PayPal-like)', () => {
    const boxes = row(6, (i) => ({
      type: 'tel',
      name: `otpCode-${i}`,
      ariaLabel: `${i + 1}-6`,
      parentKey: 100 + i,
      grandparentKey: 200 + i,
      ancestorKeys: [100 + i, 200 + i, 300],
    }));
    expect(pickCodeTarget(boxes)).toEqual(boxes);
  });

  it('does not take one box of a numbered 3-box activation code as a whole code field', () => {
    const boxes = row(3, (i) => ({ name: `ActivationCode${i + 1}`, maxLength: 5 }));
    expect(pickCodeTarget(boxes)).toBeNull();
  });

  it('does not take a 4-box PIN or a 3-box activation code as the SMS code', () => {
    const pin = row(4, () => ({ maxLength: 1, type: 'password', groupLabel: 'Enter your PIN' }));
    expect(pickCodeTarget(pin)).toBeNull();
    const three = row(3, () => ({ maxLength: 1, name: 'code' }));
    expect(findSplitGroups(three)).toEqual([]);
  });

  it('prefers the one-time-code field over a captcha on the same page', () => {
    const captcha = field({
      name: 'captcha',
      maxLength: 6,
      labelText: 'Enter the characters in the image',
    });
    const otc = field({ autocomplete: ['one-time-code'], inputMode: 'numeric' });
    expect(pickCodeTarget([captcha, otc])).toEqual([otc]);
  });
});
