import { describe, expect, it } from 'vitest';
import { rejectionIn } from './rejection.ts';

// Error texts sites show beside a phone field they refuse, in the words of real signup forms
// (paraphrased where a site's exact wording is not public), and texts that must not count.
const REJECTIONS: readonly [lang: string, text: string][] = [
  ['en', 'This phone number cannot be used for verification. Please use a different number.'],
  ['en', 'VoIP numbers are not supported.'],
  ['en', 'Invalid phone number'],
  ['en', "We couldn't send a code to this number. Try a different number."],
  ['en', 'This number is already in use with another account.'],
  ['en', 'Virtual phone numbers are not accepted.'],
  ['es', 'El número de teléfono no es válido.'],
  ['es', 'Este número no se puede usar. Usa otro número.'],
  ['pt', 'Este número de telefone não pode ser usado para verificação.'],
  ['pt', 'Número virtual não é permitido.'],
  ['fr', 'Ce numéro de téléphone n’est pas valide.'],
  ['fr', 'Les numéros virtuels ne sont pas pris en charge. Utilisez un autre numéro.'],
  ['de', 'Diese Telefonnummer ist ungültig.'],
  ['de', 'Diese Nummer kann nicht verwendet werden. Bitte gib eine andere Nummer ein.'],
  ['it', 'Il numero di telefono non è valido.'],
  ['nl', 'Dit telefoonnummer wordt niet ondersteund.'],
  ['pl', 'Ten numer telefonu jest nieprawidłowy.'],
  ['ru', 'Этот номер не может быть использован. Укажите другой номер.'],
  ['ru', 'Виртуальные номера не поддерживаются'],
  ['uk', 'Номер телефону недійсний'],
  ['tr', 'Bu telefon numarası geçersiz.'],
  ['id', 'Nomor telepon tidak valid.'],
  ['vi', 'Số điện thoại không hợp lệ.'],
  ['zh', '该手机号无法使用，请更换其他号码'],
  ['zh', '不支持虚拟号码'],
  ['ja', 'この電話番号はご利用いただけません。別の電話番号を入力してください。'],
  ['ko', '유효하지 않은 전화번호입니다.'],
  ['ar', 'رقم الهاتف غير صالح'],
  ['hi', 'यह मोबाइल नंबर अमान्य है'],
];

const NOT_REJECTIONS: readonly string[] = [
  'Code sent',
  'Enter your phone number',
  'Enter a valid phone number',
  'We sent a code to +1 415 555 0123.',
  "Didn't get a code? Resend in 30 s",
  'Message and data rates may apply.',
  'This number will be used for two-step verification.',
  'Código enviado. Revisa tus mensajes.',
  'Код отправлен на ваш номер',
  '認証コードを送信しました',
  'Nummer bestätigt ✓',
  '验证码已发送',
  '',
];

describe('rejectionIn', () => {
  it.each(REJECTIONS)('%s: "%s" is a refused number', (_lang, text) => {
    expect(rejectionIn(text)).not.toBeNull();
  });

  it('covers at least 10 languages with 20 messages', () => {
    expect(REJECTIONS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(REJECTIONS.map(([lang]) => lang)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(NOT_REJECTIONS)('"%s" is not a refusal', (text) => {
    expect(rejectionIn(text)).toBeNull();
  });

  it('ignores case, spacing and text past a sentence or two', () => {
    expect(rejectionIn('  THIS   NUMBER  IS\nNOT SUPPORTED ')).toMatchObject({ lang: 'en' });
    expect(rejectionIn(`${'x'.repeat(600)} invalid`)).toBeNull();
  });
});
