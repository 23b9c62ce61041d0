import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_SMS_TEXT,
  capSmsText,
  chooseCode,
  extractCode,
  extractCodeUncapped,
  normalizeDigits,
  parseOriginBoundCode,
} from './extract-code.ts';
import { hostileSmsTexts } from './hostile.fixture.ts';

describe('extractCode rules', () => {
  it.each([
    ['Your verification code is 596465', '596465'],
    ['469538 is your verification code for your account.', '469538'],
    ['Ваш код подтверждения: 4821', '4821'],
    ['Tu código de verificación es 551204', '551204'],
    ['O seu código: 12345678', '12345678'],
    ['Votre code de vérification : 882211', '882211'],
    ['Ihr Bestätigungscode lautet 774411', '774411'],
    ['Il tuo codice è 123987', '123987'],
    ['Doğrulama kodunuz: 654321', '654321'],
    ['Kode verifikasi Anda 998877', '998877'],
    ['【抖音】验证码9316，用于手机验证', '9316'],
    ['您的验证码是 199035，10分钟内有效', '199035'],
    ['認証コードは 764972 です。', '764972'],
    ['كود التحقق الخاص بك هو 456789', '456789'],
  ])('keyword anchoring: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it('returns the code of an origin-bound WebOTP line', () => {
    expect(extractCode('Your code is 111111.\n\n@shop.example.com #222222')).toBe('222222');
    expect(parseOriginBoundCode('Code 1\n@a.example #ABC123 @top.example')).toEqual({
      host: 'a.example',
      code: 'ABC123',
      embeddedHost: 'top.example',
    });
    expect(parseOriginBoundCode('@example.com#12345')).toBeNull();
    expect(parseOriginBoundCode('@a.com:8443 #123')).toBeNull();
  });

  it.each([
    ['G-412157 is your Google verification code.', '412157'],
    ['FB-12345 is your Facebook confirmation code', '12345'],
    ['G-718356() Google .', '718356'],
  ])('drops letter prefixes: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it('binds an origin-bound code to the top-level host, lower-cased', () => {
    expect(parseOriginBoundCode('Your code is 1234.\n\n@Shop.Example.com #1234')).toEqual({
      host: 'shop.example.com',
      code: '1234',
    });
    expect(parseOriginBoundCode('Your code is 1234.')).toBeNull();
  });

  it.each([
    ['Your WhatsApp code is 105-876', '105876'],
    ['Your code is 12 34 56', '123456'],
    ['Your BuzzSumo verification code is 823 815', '823815'],
    ['123-456', '123456'],
  ])('joins grouped digits: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it.each([
    ['رمز التحقق: ٤٥٦٧٨٩', '456789'],
    ['کد تایید شما: ۱۲۳۴۵۶', '123456'],
    ['認証コード：１２３４５６', '123456'],
  ])('normalizes non-ASCII digits: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it.each([
    ['Payment of USD 1500 received. Your OTP is 339911', '339911'],
    ['Your code 482913 expires at 10:45 on 2024-05-01', '482913'],
    ['Call +1 415 555 0134 for help. Your code is 7788', '7788'],
    ['Your card ending 4242 was charged. Your security code is 5521', '5521'],
    ['Order #99812345 confirmed. Verification code: 6612', '6612'],
    ['123456 is the OTP for INR 1234.00 on your Card 1234', '123456'],
  ])('ignores amounts, dates, times, phones, cards and orders: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it.each([
    ['Your ExampleApp code is: 123ABC78', '123ABC78'],
    ['Your code is: 5WGU8G', '5WGU8G'],
    ['TRUSTED LOCATION PASSCODE: mifsuc', 'mifsuc'],
    ['CWGUG8 is your code', 'CWGUG8'],
    ['someweird-pattern:a1b2c3', 'a1b2c3'],
  ])('accepts alphanumeric codes next to a keyword: %s', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it.each([
    'Helllo',
    'Your card ending 4242 was charged $25.00 on 12/03/2024 at 10:45',
    'Your order 12345678 has shipped',
    'Use promo code SAVE20 for 20% off',
    'Your Purchase Code is 39M4W',
    'FWD from (817) 697-4520: Mark me',
    '2-step verification is now deactivated on your account.',
    'Your verification code is valid for 10 minutes',
    'Order: 12345',
    'Balance: 1234',
    '',
  ])('null without a code: %j', (text) => {
    expect(extractCode(text)).toBeNull();
  });

  it.each([
    ['<#> Your ExampleApp code is: 123456\nFA+9qCX9VSu', '123456'],
    ['<#> 654321 is your code\nAbC9dEf1GhI', '654321'],
    ['Your code: 1234\n\nAPP hash: s3LhKBB0M33', '1234'],
  ])('ignores the app-hash suffix of an SMS Retriever message: %j', (text, code) => {
    expect(extractCode(text)).toBe(code);
  });

  it('normalizeDigits maps Arabic-Indic, Persian and full-width digits', () => {
    expect(normalizeDigits('٠١٢٣ ۴۵۶۷ ８９')).toBe('0123 4567 89');
  });
});

describe('chooseCode', () => {
  it("takes the provider's code when the text carries it", () => {
    expect(chooseCode('412157', 'G-412157 is your Google verification code.')).toBe('412157');
    expect(chooseCode('105876', 'Your WhatsApp code is 105-876')).toBe('105876');
    // The provider knows a format our rules would not pick from this text.
    expect(chooseCode('7788', 'Ref 7788 / Code 1234 for login')).toBe('7788');
  });

  it('takes the code from the text when the provider parsed something the text lacks', () => {
    expect(chooseCode('150000', 'Your verification code is 482913')).toBe('482913');
    expect(chooseCode('4829', 'Your verification code is 482913')).toBe('482913');
  });

  it('falls back to whichever side has a code', () => {
    expect(chooseCode(null, 'Your code is 5521')).toBe('5521');
    expect(chooseCode('5521', null)).toBe('5521');
    expect(chooseCode('  55-21 ', '')).toBe('5521');
    expect(chooseCode(null, 'Hello')).toBeNull();
  });

  it('lets an origin-bound line win over the provider', () => {
    expect(chooseCode('111111', 'Your code is 111111\n@shop.example #222222')).toBe('222222');
  });
});

const CORPUS = resolve(__dirname, '../../../shared/corpora/sms-otp.jsonl');

/** Sources differ on dashes and prefixes ("G-412157" vs "412157"): compare without them. */
function comparable(code: string | null): string | null {
  return code === null ? null : code.replace(/^[A-Za-z]{1,4}-/, '').replace(/[\s-]/g, '');
}

describe.skipIf(!existsSync(CORPUS))('extractCode on the sms-otp corpus', () => {
  it('meets the measured accuracy floor', () => {
    const rows = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; code: string | null });
    const misses = rows.filter((r) => comparable(extractCode(r.text)) !== comparable(r.code));
    const accuracy = (rows.length - misses.length) / rows.length;
    console.log(
      `sms-otp: ${rows.length - misses.length}/${rows.length} = ${(accuracy * 100).toFixed(1)}%`,
      misses.map((m) => `\n  miss: ${JSON.stringify(m.code)} <- ${m.text.slice(0, 80)}`).join(''),
    );
    // Measured 105/106 (99.1%); the miss is "grubhub order 771332", an order number by our
    // rules (see tests/eval/sms-notes.json).
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});

if (!existsSync(CORPUS))
  console.warn(`sms-otp corpus not found at ${CORPUS}: accuracy check skipped`);

describe('hostile SMS texts (issue 17: a provider or sender must not freeze the worker)', () => {
  // Generous bounds for a shared 2-core machine; before the fix these took seconds each.
  it.each(Object.entries(hostileSmsTexts(1024 * 1024)))(
    'a 1 MB text of %s is handled in well under a second',
    (_name, text) => {
      const started = performance.now();
      extractCode(text);
      chooseCode('123456', text);
      parseOriginBoundCode(text);
      expect(performance.now() - started).toBeLessThan(250);
    },
  );

  it('past the cap, scoring is linear: 128 KB of keywords and codes in under a second', () => {
    // Pairwise scoring took about 8 s here; linear scoring takes about 0.1 s.
    const text = hostileSmsTexts(128 * 1024)['keywords and codes'] ?? '';
    const started = performance.now();
    extractCodeUncapped(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads only the first 4 KB: a code up front is found, one after the cap is not', () => {
    const filler = ' '.repeat(MAX_SMS_TEXT);
    expect(extractCode(`Your code is 482913.${filler}`)).toBe('482913');
    expect(extractCode(`Hello.${filler}Your code is 482913`)).toBeNull();
    expect(capSmsText('x'.repeat(MAX_SMS_TEXT + 10))).toHaveLength(MAX_SMS_TEXT);
  });

  it('does not split a surrogate pair at the cap', () => {
    const text = `${'x'.repeat(MAX_SMS_TEXT - 1)}😀tail`;
    expect(capSmsText(text)).toBe('x'.repeat(MAX_SMS_TEXT - 1));
  });

  it('ignores a provider "code" that is far too long to be one', () => {
    expect(chooseCode('9'.repeat(5000), 'Your code is 482913')).toBe('482913');
  });
});
