/**
 * Field words per language, as data: what a phone field, a mobile number, a code, a
 * verification and an SMS are called on signup forms. keywords.ts compiles these into the
 * classifier's patterns; nothing else reads them.
 *
 * Sources (words cross-checked, not copied as code):
 * - Chromium autofill regex constants, components/autofill/core/common/autofill_regex_constants
 *   (BSD-3-Clause): the phone words of kPhoneRe and its neighbours.
 * - Mozilla Firefox form-autofill heuristics, toolkit/components/formautofill (MPL-2.0), which
 *   carries the same phone words for its own languages.
 * - 2FHey OTP keyword lists, github:SoFriendly/2fhey TwoFHey/OTPKeywords (CC0-1.0): de, en, es, fr,
 *   pt, zh code and
 *   verification words.
 * - Unicode CLDR language names for the language column; the words of the other languages are
 *   the terms the big sites' localised signup pages use (Google, Facebook, WhatsApp help), as
 *   checked against Wiktionary (CC BY-SA) translations of "mobile phone", "verification code".
 *
 * Notation: words are matched in lower case against normalised text (see normalizeText).
 * A leading `=` makes a Latin or Cyrillic word whole ("=tel" never hits "hotel"); a leading `<`
 * anchors only its start, so inflected forms still match ("<kod" hits "kodu", "kodas"). Words
 * of scripts written without spaces (Chinese, Japanese, Thai...) are bare substrings.
 */

type Words = readonly string[];

/**
 * One row per language: [BCP 47 tag, phone, mobile / cell, code, verification, SMS].
 * phone: a telephone or phone number; mobile: the mobile or cell phone an SMS reaches; code: the
 * noun of "verification code"; verification: what the code is for; SMS: a text message.
 */
type Row = readonly [
  lang: string,
  phone: Words,
  mobile: Words,
  code: Words,
  verify: Words,
  sms: Words,
];

// "മൊബൈല്‍" (Malayalam) is written with a zero-width joiner in older text: the bare stem
// matches both forms.
const ROWS: readonly Row[] = [
  [
    'en',
    ['phone', 'telephone', '=tel', '=msisdn', 'whatsapp'],
    ['mobile', 'cellphone', '=cell', '=mob'],
    ['=code', 'passcode', '=otp'],
    ['verification', 'verify', 'confirmation code', 'one time', 'one-time', 'authenticat'],
    ['=sms', 'text message'],
  ],
  [
    'es',
    ['teléfono', 'telefono'],
    ['móvil', 'movil', 'celular'],
    ['código', 'codigo'],
    ['verificación', 'verificacion'],
    ['mensaje de texto'],
  ],
  [
    'pt',
    ['telefone'],
    ['celular', 'telemóvel', 'telemovel'],
    ['código', 'codigo'],
    ['verificação', 'verificacao', 'confirmação'],
    ['mensagem de texto'],
  ],
  [
    'fr',
    ['téléphone', 'telephone'],
    ['portable', 'mobile'],
    ['=code'],
    ['vérification', 'verification', 'confirmation'],
    ['=sms', '=texto'],
  ],
  [
    'de',
    ['telefon', 'rufnummer'],
    ['handy', 'mobilnummer', 'mobiltelefon', 'mobilfunk'],
    ['=code', '<pin-code'],
    ['bestätigung', 'verifizierung', 'authentifizierung', 'einmal'],
    ['=sms'],
  ],
  ['it', ['telefono'], ['cellulare'], ['codice'], ['verifica'], ['=sms']],
  [
    'nl',
    ['telefoon'],
    ['mobiel', '=gsm'],
    ['=code'],
    ['verificatie', 'bevestigingscode'],
    ['=sms', 'sms-bericht'],
  ],
  [
    'pl',
    ['telefon'],
    ['komórk', 'komork'],
    ['<kod'],
    ['weryfikac', 'kod potwierdzając'],
    ['=sms', '=esemes'],
  ],
  [
    'cs',
    ['telefon'],
    ['<mobil'],
    ['<kód'],
    ['ověřovací', 'ověření', 'potvrzovací', 'aktivační'],
    ['=sms'],
  ],
  [
    'sk',
    ['telefón', 'telefon'],
    ['<mobil'],
    ['<kód'],
    ['overovací', 'overenie', 'potvrdenie'],
    ['=sms'],
  ],
  ['hu', ['telefon'], ['<mobil'], ['<kód'], ['ellenőrző', 'megerősítő', 'hitelesítő'], ['=sms']],
  [
    'ro',
    ['telefon'],
    ['<mobil'],
    ['=cod', '<codul'],
    ['verificare', 'cod de confirmare'],
    ['=sms'],
  ],
  [
    'bg',
    ['телефон'],
    ['мобилен', '=gsm'],
    ['=код'],
    ['код за потвърждение', 'верификац'],
    ['=смс', '=sms'],
  ],
  [
    'sr',
    ['телефон', 'telefon'],
    ['мобилни', 'mobilni'],
    ['=код', '<kod'],
    ['верификац', 'verifikac'],
    ['=смс', '=sms'],
  ],
  ['hr', ['telefon'], ['mobitel', 'mobilni'], ['<kod'], ['verifikacij'], ['=sms']],
  ['sl', ['telefon'], ['mobilni', 'mobitel'], ['<kod'], ['preverjan'], ['=sms']],
  [
    'ru',
    ['телефон'],
    ['мобильн', 'сотов'],
    ['=код', '<кода'],
    ['подтвержд', 'проверочн', 'верификац'],
    ['=смс', '=sms'],
  ],
  ['uk', ['телефон'], ['мобільн'], ['=код', '<коду'], ['підтвердж', 'перевірк'], ['=смс', '=sms']],
  [
    'el',
    ['τηλέφωνο', 'τηλεφώνου', 'τηλ'],
    ['κινητό', 'κινητού'],
    ['κωδικός', 'κωδικό'],
    ['επαλήθευσ', 'επιβεβαίωσ'],
    ['=sms'],
  ],
  [
    'tr',
    ['telefon'],
    ['cep telefon', '=gsm'],
    ['<kod'],
    ['doğrulama', 'dogrulama', 'onay kodu'],
    ['=sms'],
  ],
  [
    'sv',
    ['telefon'],
    ['mobilnummer', 'mobiltelefon'],
    ['<kod'],
    ['verifiering', 'bekräftelsekod'],
    ['=sms'],
  ],
  [
    'da',
    ['telefon'],
    ['mobilnummer', 'mobiltelefon'],
    ['=kode', '<koden'],
    ['bekræftelseskode', 'verificering'],
    ['=sms'],
  ],
  [
    'nb',
    ['telefon'],
    ['mobilnummer', 'mobiltelefon'],
    ['=kode', '<koden'],
    ['bekreftelseskode', 'verifisering'],
    ['=sms'],
  ],
  [
    'fi',
    ['puhelin'],
    ['matkapuhelin', 'kännykkä'],
    ['<koodi'],
    ['vahvistuskoodi', 'varmennuskoodi', 'tunnistautu'],
    ['=sms', 'tekstiviesti'],
  ],
  ['et', ['telefon'], ['mobiil'], ['=kood', '<koodi'], ['kinnituskood', 'tuvastam'], ['=sms']],
  [
    'lv',
    ['tālrun', 'telefon'],
    ['<mobil'],
    ['=kods', '<kodu'],
    ['verifikācij'],
    ['=sms', '=īsziņ'],
  ],
  [
    'lt',
    ['telefon'],
    ['<mobil'],
    ['<kodas', '<kodą'],
    ['patvirtinimo kod', 'patikrinimo kod'],
    ['=sms', '=žinut'],
  ],
  [
    'id',
    ['telepon', 'nomor telepon'],
    ['ponsel', 'handphone', 'nomor hp', '=hp'],
    ['=kode'],
    ['verifikasi', 'kode konfirmasi'],
    ['=sms'],
  ],
  [
    'ms',
    ['telefon'],
    ['telefon bimbit', 'bimbit', 'nombor hp'],
    ['=kod'],
    ['pengesahan'],
    ['=sms'],
  ],
  [
    'tl',
    ['telepono'],
    ['cellphone', 'selpon'],
    ['=code', '=kodigo'],
    ['beripikasyon', 'beripika'],
    ['=sms'],
  ],
  [
    'vi',
    ['điện thoại', 'dien thoai', 'số điện thoại'],
    ['di động', 'di dong'],
    ['=mã'],
    ['xác minh', 'xac minh', 'mã xác nhận', 'ma xac nhan'],
    ['=sms', 'tin nhắn'],
  ],
  ['th', ['โทรศัพท์', 'เบอร์โทร'], ['มือถือ'], ['รหัส'], ['รหัสยืนยัน', 'การยืนยันตัวตน'], ['=sms', 'ข้อความ']],
  ['km', ['ទូរស័ព្ទ'], ['ទូរស័ព្ទដៃ'], ['លេខកូដ', 'កូដ'], ['ផ្ទៀងផ្ទាត់'], ['=sms', 'សារជាអក្សរ']],
  ['my', ['ဖုန်း'], ['မိုဘိုင်း'], ['ကုဒ်'], ['အတည်ပြု'], ['=sms']],
  [
    'zh-Hans',
    ['电话', '手机号'],
    ['手机', '移动电话'],
    ['验证码', '校验码', '动态码', '确认码'],
    ['验证'],
    ['短信'],
  ],
  [
    'zh-Hant',
    ['電話'],
    ['手機', '行動電話'],
    ['驗證碼', '認證碼', '確認碼'],
    ['驗證', '認證'],
    ['簡訊', '短訊'],
  ],
  [
    'ja',
    ['電話', '電話番号'],
    ['携帯', 'ケータイ', 'スマートフォン', 'スマホ'],
    ['コード', '認証番号', '確認番号', 'ワンタイム'],
    ['認証'],
    ['ショートメッセージ', '=sms'],
  ],
  [
    'ko',
    ['전화'],
    ['휴대폰', '휴대전화', '핸드폰'],
    ['코드', '인증번호', '확인번호'],
    ['인증'],
    ['문자 메시지', '=sms'],
  ],
  [
    'ar',
    ['هاتف', 'الهاتف', 'رقم الهاتف'],
    ['جوال', 'الجوال', 'محمول', 'موبايل'],
    ['رمز', 'كود', 'الرمز'],
    ['التحقق', 'تحقق'],
    ['رسالة', 'رسالة نصية'],
  ],
  ['fa', ['تلفن'], ['موبایل', 'تلفن همراه'], ['کد'], ['تأیید', 'تایید', 'احراز'], ['پیامک']],
  ['ur', ['فون'], ['موبائل'], ['کوڈ'], ['تصدیق'], ['ایس ایم ایس', '=sms']],
  ['he', ['טלפון'], ['נייד', 'סלולרי'], ['קוד'], ['אימות'], ['=sms', 'מסרון']],
  ['hi', ['फ़ोन', 'फोन', 'दूरभाष'], ['मोबाइल', 'मोबाईल'], ['कोड'], ['सत्यापन'], ['एसएमएस', '=sms']],
  ['mr', ['फोन', 'दूरध्वनी'], ['मोबाईल', 'भ्रमणध्वनी'], ['कोड'], ['पडताळणी'], ['एसएमएस']],
  ['ne', ['फोन'], ['मोबाइल'], ['कोड'], ['प्रमाणीकरण'], ['एसएमएस']],
  ['bn', ['ফোন'], ['মোবাইল'], ['কোড'], ['যাচাই', 'নিশ্চিতকরণ'], ['এসএমএস']],
  ['pa', ['ਫ਼ੋਨ', 'ਫੋਨ'], ['ਮੋਬਾਈਲ'], ['ਕੋਡ'], ['ਤਸਦੀਕ'], ['ਐਸਐਮਐਸ']],
  ['gu', ['ફોન'], ['મોબાઇલ', 'મોબાઈલ'], ['કોડ'], ['ચકાસણી'], ['એસએમએસ']],
  ['ta', ['தொலைபேசி', 'போன்'], ['மொபைல்', 'கைபேசி'], ['குறியீடு', 'கோட்'], ['சரிபார்ப்பு'], ['எஸ்எம்எஸ்']],
  ['te', ['ఫోన్'], ['మొబైల్'], ['కోడ్'], ['ధృవీకరణ'], ['ఎస్ఎంఎస్']],
  ['kn', ['ಫೋನ್', 'ದೂರವಾಣಿ'], ['ಮೊಬೈಲ್'], ['ಕೋಡ್'], ['ಪರಿಶೀಲನೆ', 'ದೃಢೀಕರಣ'], ['ಎಸ್ಎಂಎಸ್']],
  [
    'ml',
    ['ഫോൺ', 'ഫോണ്‍', 'ടെലിഫോൺ'],
    ['മൊബൈൽ', 'മൊബൈല്‍', 'മൊബൈല്'],
    ['കോഡ്'],
    ['സ്ഥിരീകരണ', 'പരിശോധന'],
    ['എസ്എംഎസ്'],
  ],
  ['si', ['දුරකථන'], ['ජංගම'], ['කේතය', 'කේත'], ['තහවුරු කිරීමේ කේත'], ['කෙටි පණිවිඩ']],
  [
    'sw',
    ['=simu', 'namba ya simu'],
    ['simu ya mkononi', 'rununu'],
    ['msimbo'],
    ['uthibitisho'],
    ['=sms', 'ujumbe mfupi'],
  ],
  ['am', ['ስልክ'], ['ሞባይል'], ['ኮድ'], ['ማረጋገጫ'], ['=sms', 'አጭር መልእክት']],
  ['ka', ['ტელეფონ'], ['მობილურ'], ['კოდ'], ['დადასტურების კოდ', 'ვერიფიკაც'], ['=sms']],
  ['hy', ['հեռախոս'], ['բջջային'], ['կոդ', 'ծածկագիր'], ['հաստատման կոդ'], ['=sms']],
  ['az', ['telefon'], ['<mobil'], ['<kod'], ['təsdiq kodu', 'tesdiq kodu'], ['=sms']],
  ['kk', ['телефон'], ['ұялы'], ['=код', '<коды'], ['растау коды'], ['=смс', '=sms']],
  ['uz', ['telefon'], ['<mobil'], ['<kod'], ['tasdiqlash kodi'], ['=sms']],
];

export interface LanguageWords {
  lang: string;
  phone: Words;
  mobile: Words;
  code: Words;
  verify: Words;
  sms: Words;
}

export const VOCABULARY: readonly LanguageWords[] = ROWS.map(
  ([lang, phone, mobile, code, verify, sms]) => ({ lang, phone, mobile, code, verify, sms }),
);
