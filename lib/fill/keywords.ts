/**
 * Field vocabulary in many languages, kept apart from the scoring logic. Each list is one
 * regular expression source, matched case-insensitively against text that `normalizeText`
 * produced (camelCase and snake_case split into words, lower case). Short Latin words carry
 * their own boundaries so "tel" does not hit "hotel" or "telegram".
 */

import { DECOY, NOT_CODE } from './keywords-negative.ts';
import { VOCABULARY, type LanguageWords } from './vocabulary.ts';

const W = (word: string): string => `(?<![a-z])${word}(?![a-z])`;

/** A vocabulary entry as a pattern: `=word` whole, `<word` anchored at its start (vocabulary.ts). */
function entry(word: string): string {
  const bare = word.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (word.startsWith('=')) return `(?<!\\p{L})${bare}(?!\\p{L})`;
  if (word.startsWith('<')) return `(?<!\\p{L})${bare}`;
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every language's words of the given kinds, as patterns, without repeats. */
function vocabulary(...kinds: (keyof Omit<LanguageWords, 'lang'>)[]): string[] {
  const out = new Set<string>();
  for (const lang of VOCABULARY)
    for (const kind of kinds) for (const w of lang[kind]) out.add(entry(w));
  return [...out];
}

const PHONE = [
  'phone',
  'telephone',
  'telefon',
  'teléfono',
  'telefone',
  'téléphone',
  'telefono',
  'mobile',
  'móvil',
  'movil',
  'celular',
  'cellulare',
  'cellphone',
  'portable',
  'handy',
  'msisdn',
  'whatsapp',
  'телефон',
  'мобильн',
  'nomor hp',
  'nomor ponsel',
  'ponsel',
  'telepon',
  'handphone',
  'numara',
  '手机',
  '手機',
  '电话',
  '電話',
  '携帯',
  '휴대폰',
  '전화',
  'هاتف',
  'جوال',
  'الجوال',
  'موبایل',
  'điện thoại',
  W('tel'),
  W('mob'),
  W('cell'),
  W('hp'),
  W('gsm'),
  W('sms'),
];

const NOT_PRIMARY_PHONE = [
  'emergency',
  'contact person',
  'alternat',
  'secondary',
  W('second'),
  W('other'),
  'additional',
  W('backup'),
  'guardian',
  'parent',
  W('fax'),
  'work phone',
  'office',
  'business phone',
  'home phone',
  'landline',
  W('ext'),
  'extension',
  // "Phone (with area code)" asks for the whole number; a bare "Area code" is a part of it.
  '(?<!with |incl |including |plus )area code',
  'запасн',
  'дополнительн',
  'экстренн',
  'emergencia',
  'alternativo',
  'secundario',
  'urgence',
  'notfall',
  'emergenza',
  'acil',
  'darurat',
  '紧急',
  '緊急',
  '备用',
  // Landlines: where a mobile is asked for too, the SMS goes to the mobile.
  'festnetz',
  W('fijo'),
  W('fixe'),
  W('fixo'),
  'domicile',
  'стационарн',
  'городской',
  'telepon rumah',
  '固定電話',
  '座机',
  '固话',
  '집 전화',
  'zweit',
  'secundário',
  'другой',
  'второй',
  '予備',
];

const DIAL_CODE = [
  'country code',
  'dial code',
  'dialing code',
  'dialling code',
  'calling code',
  'phone code',
  'phone prefix',
  'phone country',
  'phone number country',
  'código de país',
  'codigo de pais',
  'código do país',
  'indicatif',
  'vorwahl',
  'prefisso',
  'код страны',
  'ülke kodu',
  'kode negara',
  '国家代码',
  '区号',
  '国番号',
  'رمز الدولة',
  W('cc'),
  W('dial'),
  W('isd'),
  W('prefix'),
  'calling',
];

/** A plain "country" selector: a dial-code selector only when it sits inside the phone widget. */
const COUNTRY = [
  'country',
  'país',
  'pais',
  W('pays'),
  W('land'),
  'страна',
  'negara',
  'ülke',
  'paese',
  '国家',
  '国',
  'الدولة',
];

/** Other things typed into type=tel fields: cards, dates, member numbers. */
const NOT_PHONE = [
  W('card'),
  'member',
  'birth',
  W('bday'),
  W('date'),
  'expir',
  W('cvv'),
  W('cvc'),
  W('zip'),
  'postal',
  'postcode',
  'account number',
  'passport',
  'amount',
  'quantity',
  'карт',
  'рожден',
  'tarjeta',
  'cartão',
  'carte',
  'karte',
  'nacimiento',
  'nascimento',
];

const EMAIL = ['e-?mail', 'correo', 'почт', W('mail'), '邮箱', 'メール', 'البريد'];

const CODE = [
  'one time',
  'one-time',
  'otp',
  'verification',
  'verify',
  'verif',
  'confirmation',
  'activation',
  'passcode',
  '2fa',
  'mfa',
  'totp',
  W('tfa'),
  // "Area code", "country code", "zip code" are parts of an address or a phone number.
  `(?<!area |country |zip |postal |post |dial |dialing |calling )${W('code')}`,
  W('digit'),
  'код',
  'подтвержд',
  'проверочн',
  'código',
  'codigo',
  'verificación',
  'verificação',
  'confirmação',
  'vérification',
  'bestätigung',
  'verifizierung',
  'codice',
  'verifica',
  'doğrulama',
  'onay kodu',
  W('kod'),
  W('kode'),
  'verifikasi',
  'ověřovací',
  'aktivační',
  '验证码',
  '驗證碼',
  '校验码',
  '动态码',
  '認証コード',
  '確認コード',
  '認証番号',
  '인증번호',
  '인증 코드',
  'رمز التحقق',
  'رمز',
  'كود',
  'mã xác nhận',
];

/** Words that make a code field clearly the SMS one, overriding the negatives below. */
const SMS_CODE = [
  W('sms'),
  W('texted'),
  'text(?:ed)? you',
  'sent you a text',
  'text message',
  'one time',
  'one-time',
  'otp',
  'sent to your (?:phone|number|mobile)',
  'смс',
  'одноразов',
  'mensaje de texto',
  'código sms',
  'code sms',
  '短信',
  '簡訊',
  'رسالة',
];

/**
 * Words no CAPTCHA, PIN or mailed activation code comes with: the field takes a one-time code
 * from a phone or an authenticator (2FA steps, "we sent a code to ...").
 */
const ONE_TIME = [
  ...SMS_CODE,
  '2fa',
  'mfa',
  'totp',
  W('tfa'),
  'two factor',
  '2 step',
  'two step',
  'authenticat',
  'token',
  'sent (?:a|an|the|your)? ?(?:code|otp)? ?to',
  'we sent',
  'we have sent',
  "we've sent",
  'отправ',
  'выслал',
  'enviado',
  'envoyé',
  'gesendet',
  'inviato',
  'gönderil',
  'dikirim',
  '发送',
  '送信',
  'أرسلنا',
];

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * One word list, matched against normalised (already lower-case) text. Patterns written in
 * ASCII and the rest are two expressions: most pages' texts are ASCII and never pay for the
 * other scripts' words, and without the `i` flag the engine matches far faster.
 */
export class KeywordSet {
  private readonly ascii: RegExp | null;
  private readonly other: RegExp | null;
  constructor(patterns: readonly string[]) {
    const unique = [...new Set(patterns)];
    const ascii = unique.filter((p) => !NON_ASCII.test(p));
    const other = unique.filter((p) => NON_ASCII.test(p));
    this.ascii = ascii.length ? new RegExp(ascii.join('|'), 'u') : null;
    this.other = other.length ? new RegExp(other.join('|'), 'u') : null;
  }
  test(text: string): boolean {
    if (this.ascii?.test(text)) return true;
    return !!this.other && NON_ASCII.test(text) && this.other.test(text);
  }
  /** Where the first word starts, or -1. */
  indexIn(text: string): number {
    const a = this.ascii?.exec(text)?.index ?? -1;
    const o = this.other && NON_ASCII.test(text) ? (this.other.exec(text)?.index ?? -1) : -1;
    return a < 0 ? o : o < 0 ? a : Math.min(a, o);
  }
}

function compile(words: readonly string[]): KeywordSet {
  return new KeywordSet(words);
}

// The guarded English "code" above stands for the vocabulary's bare one ("area code" is no code).
const GUARDED = new Set(['=code']);
const vocabularyCode = VOCABULARY.flatMap((l) => [...l.code, ...l.verify])
  .filter((w) => !GUARDED.has(w))
  .map(entry);

/** A payment card's fields: never a phone number, never the SMS code. */
const PAYMENT = [
  'card ?number',
  'credit card',
  'debit card',
  W('cvv2?'),
  W('cvc2?'),
  W('csc'),
  W('cid'),
  'expir',
  'kartennummer',
  'tarjeta',
  'cartão',
  'numéro de carte',
  '卡号',
  'カード番号',
  'номер карты',
];

export const KEYWORDS = {
  payment: compile(PAYMENT),
  phone: compile([...PHONE, ...vocabulary('phone', 'mobile')]),
  /** A mobile / cell number, the one an SMS reaches (ahead of a landline). */
  mobile: compile(vocabulary('mobile')),
  notPrimaryPhone: compile(NOT_PRIMARY_PHONE),
  dialCode: compile(DIAL_CODE),
  country: compile(COUNTRY),
  email: compile(EMAIL),
  notPhone: compile(NOT_PHONE),
  code: compile([...CODE, ...new Set(vocabularyCode)]),
  smsCode: compile([...SMS_CODE, ...vocabulary('sms')]),
  oneTime: compile([...ONE_TIME, ...vocabulary('sms')]),
  notCode: compile(NOT_CODE),
  decoy: compile(DECOY),
} as const;

// Separators, and word boundaries inside identifiers ("userPhone" -> "user Phone", "otp2" ->
// "otp 2"): one pass over the text instead of two.
const SPLIT = /[\s_\-[\].:*()]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)/g;

/** Splits identifiers into words ("userPhone_2" -> "user phone 2") and lowercases. */
export function normalizeText(text: string): string {
  if (text === '') return ''; // most labels are empty: skip the regex pass
  return text.replace(SPLIT, ' ').trim().toLowerCase();
}
