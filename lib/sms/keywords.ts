/**
 * Words that anchor a verification code in an SMS, in many languages. Kept apart from the
 * extractor's logic so a language can be added without touching it.
 */
export const CODE_KEYWORDS: readonly string[] = [
  // en (substring match, so "VerifyCode" and "Verifizierungscode" also hit "code")
  'code',
  'otp',
  'pin',
  'passcode',
  'password',
  'passwd',
  'verification',
  'verify',
  'confirmation',
  'authentication',
  'authorization',
  'auth',
  'one-time',
  '2fa',
  'token',
  // ru, uk
  'код',
  'пароль',
  'парол',
  // es, pt, it, fr, de
  'código',
  'codigo',
  'clave',
  'contraseña',
  'senha',
  'codice',
  'mot de passe',
  'bestätigung',
  'kennwort',
  'passwort',
  // tr, id, ms, vi
  'kod',
  'doğrulama',
  'şifre',
  'kode',
  'sandi',
  'verifikasi',
  'mã',
  'ma kich hoat',
  'ma xac thuc',
  'ma xac nhan',
  // zh, ja, ko
  '验证码',
  '驗證碼',
  '校验码',
  '动态码',
  '确认码',
  '认证码',
  'コード',
  '認証番号',
  '確認番号',
  'パスワード',
  '暗証番号',
  '인증',
  '코드',
  '인증번호',
  // ar, fa, he, hi
  'رمز',
  'كود',
  'التحقق',
  'کد',
  'קוד',
  'कोड',
  'ओटीपी',
];

/**
 * Qualifiers that turn a following keyword into something that is not a verification code
 * ("promo code", "zip code", "промокод").
 */
export const NOT_CODE_QUALIFIERS =
  /(?:promo|coupon|discount|voucher|gift|referral|invite|invitation|purchase|tracking|zip|postal|post|area|country|dial|promocode|промо|купон|скидк|подароч|cupón|cupom|descuento|desconto|优惠|折扣|邀请)\s*-?$/i;

/** Immediately before a number: it is an amount, a card, an account or an order, not a code. */
export const NOT_CODE_BEFORE =
  /(?:[$€£¥₹₽]|\b(?:usd|eur|gbp|inr|rub|jpy|cny|idr|rs\.?|rp\.?|руб\.?|card|карт[аыу]?|ending(?: in)?|ends? (?:in|with)|account|acct|a\/c|order|заказ[а-я]*|pedido|commande|bestellung|invoice|ref(?:erence)?|tracking|no\.|номер|счет|счёт)\s*[:#№]?\s*|[*x•]{2,}|#)$/i;

/** Immediately after a number: a unit or currency, so an amount or a duration. */
export const NOT_CODE_AFTER =
  /^\s*(?:%|usd|eur|gbp|inr|rub|jpy|idr|руб|₽|円|元|원|mb|gb|kg|km|min|mins|minutes|sec|seconds|hours?|days?|мин|час|дн)/i;

/** The label of a "label: value" message that names the value as something else than a code. */
export const NOT_CODE_LABELS =
  /amount|balance|total|price|сумм|баланс|итого|saldo|monto|montant|betrag|余额|金额/i;
