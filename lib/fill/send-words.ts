/**
 * What the button that sends a verification code says, by language (its text, aria-label,
 * value or title; lower case, matched as whole words, scripts without spaces as substrings).
 * `send`: it says it sends or gets the code; `goOn`: a generic step forward that, on a phone
 * step, sends the code too; `never`: a control beside the field that must not get the focus.
 * Data only: lib/fill/submit-control.ts reads it.
 */
export const SEND_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'send',
    'send code',
    'send sms',
    'get code',
    'get a code',
    'request code',
    'text me',
    'verify',
  ],
  es: ['enviar', 'enviar código', 'obtener código', 'recibir código', 'verificar'],
  pt: ['enviar', 'enviar código', 'receber código', 'obter código', 'verificar'],
  fr: [
    'envoyer',
    'envoyer le code',
    'recevoir le code',
    'recevoir un code',
    'obtenir le code',
    'vérifier',
  ],
  de: ['senden', 'code senden', 'code anfordern', 'sms senden', 'code erhalten', 'verifizieren'],
  it: ['invia', 'invia codice', 'invia il codice', 'ricevi codice', 'verifica'],
  nl: ['verstuur', 'versturen', 'verzenden', 'stuur code', 'code versturen', 'verifiëren'],
  pl: ['wyślij', 'wyślij kod', 'wyślij sms', 'otrzymaj kod', 'zweryfikuj'],
  ru: ['отправить', 'отправить код', 'получить код', 'выслать код', 'прислать код', 'получить смс'],
  uk: ['надіслати', 'надіслати код', 'отримати код'],
  tr: ['gönder', 'kod gönder', 'kodu gönder', 'sms gönder', 'doğrula'],
  id: ['kirim', 'kirim kode', 'kirim otp', 'dapatkan kode', 'verifikasi'],
  vi: ['gửi', 'gửi mã', 'nhận mã', 'xác minh'],
  zh: ['发送', '获取验证码', '發送', '取得驗證碼', '获取', '验证'],
  ja: ['送信', 'コードを送信', 'コードを取得', '認証'],
  ko: ['전송', '보내기', '인증번호 받기', '인증'],
  ar: ['إرسال', 'أرسل', 'إرسال الرمز', 'تحقق'],
  hi: ['भेजें', 'कोड भेजें', 'सत्यापित'],
  th: ['ส่ง', 'ส่งรหัส', 'ขอรหัส', 'ยืนยัน'],
};

export const GO_ON_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['continue', 'next', 'submit', 'sign up', 'confirm', 'register', 'create account'],
  es: ['continuar', 'siguiente', 'registrarse', 'confirmar'],
  pt: ['continuar', 'próximo', 'avançar', 'confirmar'],
  fr: ['continuer', 'suivant', 'valider', "s'inscrire"],
  de: ['weiter', 'fortfahren', 'bestätigen', 'registrieren'],
  it: ['continua', 'avanti', 'conferma'],
  nl: ['doorgaan', 'volgende', 'bevestigen'],
  pl: ['dalej', 'kontynuuj', 'potwierdź'],
  ru: ['продолжить', 'далее', 'подтвердить', 'зарегистрироваться'],
  uk: ['продовжити', 'далі', 'підтвердити'],
  tr: ['devam', 'ileri', 'onayla'],
  id: ['lanjut', 'lanjutkan', 'berikutnya'],
  vi: ['tiếp tục', 'tiếp theo'],
  zh: ['下一步', '继续', '繼續', '注册'],
  ja: ['次へ', '続行', '登録'],
  ko: ['다음', '계속'],
  ar: ['متابعة', 'التالي'],
  hi: ['आगे', 'जारी रखें'],
  th: ['ถัดไป', 'ดำเนินการต่อ'],
};

export const NEVER_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['cancel', 'back', 'resend', 'change', 'edit', 'clear', 'close', 'skip', 'use email'],
  es: ['cancelar', 'atrás', 'volver', 'reenviar'],
  pt: ['cancelar', 'voltar', 'reenviar'],
  fr: ['annuler', 'retour', 'renvoyer'],
  de: ['abbrechen', 'zurück', 'erneut senden'],
  it: ['annulla', 'indietro', 'invia di nuovo'],
  ru: ['отмена', 'отменить', 'назад', 'отправить повторно', 'отправить ещё раз'],
  zh: ['取消', '返回', '重新发送'],
  ja: ['キャンセル', '戻る', '再送信'],
};
