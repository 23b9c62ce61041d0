/**
 * Pure scoring over field descriptors: no DOM. Picks the phone field and its dial-code control;
 * the verification-code target lives in classify-code.ts (re-exported here).
 */
import { namesOtherField } from './autofill-names.ts';
import { best, isDecoy, TEXT_LIKE, textsOf, usable } from './classify-text.ts';
import type { FieldDescriptor } from './collect.ts';
import { KEYWORDS } from './keywords.ts';

export {
  boxNumber,
  findSplitGroups,
  pickCodeTarget,
  scoreCodeField,
  scoreSplitGroup,
} from './classify-code.ts';

// The autofill names a phone field may carry; any other (a part of a number, an e-mail, a card,
// a birthday) rules it out. "username": the one identifier that takes a phone number or e-mail.
const AC_PHONE_OK: ReadonlySet<string> = new Set(['tel', 'tel-national', 'tel-local', 'username']);

/** A placeholder written like a phone number: "+1 555 123 4567", "(201) 555-0123". */
function looksLikePhoneNumber(text: string): boolean {
  return /^[+(]?[\d\s().-]{7,}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 7;
}

/** Names a phone, not only an SMS. */
function phoneNamed(text: string): boolean {
  return KEYWORDS.phone.test(text.replace(/(?<![a-z])sms(?![a-z])/g, ''));
}

/** "Mobile number or email": the phone word comes before the e-mail word. */
function phoneFirst(label: string): boolean {
  const phone = KEYWORDS.phone.indexIn(label);
  const email = KEYWORDS.email.indexIn(label);
  return phone >= 0 && (email < 0 || phone < email);
}

/** Score of a field as THE phone number field; null when it cannot be one. */
export function scorePhoneField(d: FieldDescriptor): number | null {
  const s = phoneScore(d);
  return s !== null && shownField(d) ? s : null;
}

/** Visible, enabled and drawn: read last, for the few fields that score (a layout read). */
function shownField(d: FieldDescriptor): boolean {
  return usable(d) && !d.transparent;
}

/** The phone score from the field's words and attributes, before its box is looked at. */
function phoneScore(d: FieldDescriptor): number | null {
  if (d.tag !== 'input' || !TEXT_LIKE.has(d.type) || d.type === 'password') return null;
  if (d.disabled || d.readOnly) return null;
  const ac = d.autocomplete;
  if (namesOtherField(ac, AC_PHONE_OK)) return null;
  if (d.maxLength !== null && d.maxLength > 0 && d.maxLength < 6) return null;
  const t = textsOf(d);

  // What speaks for a phone field first. Every rule after it only rules out or takes away,
  // so a field short of the bar here (most fields of a long page) is done.
  let s = 0;
  if (ac.includes('tel') || ac.includes('tel-national')) s += 60;
  else if (ac.includes('tel-local')) s += 40;
  if (d.type === 'tel') s += 35;
  if (d.inputMode === 'tel') s += 15;
  if (KEYWORDS.phone.test(t.ids)) s += 30;
  const phoneLabel = KEYWORDS.phone.test(t.labels);
  const numberShown = looksLikePhoneNumber(d.placeholder);
  if (phoneLabel) s += 40;
  else {
    // The text before the field lifts it by 30 or 15, the group's name by 10 more: a field
    // those cannot bring to the bar is done without reading them.
    const lift = t.labels === '' ? 30 : 15;
    if (s + lift + (numberShown ? 20 : 0) + 10 < 30) return null;
    if (KEYWORDS.phone.test(t.nearby)) s += lift;
  }
  if (numberShown) s += 20;
  // The group's name can only lift a field that is within 10 of the bar.
  if (s >= 20 && KEYWORDS.phone.test(t.group)) s += 10;
  if (s < 30) return null;

  if (isDecoy(d, t)) return null;
  const idOrLabel = `${t.ids} ${t.labels}`;
  // An unlabelled field is named by the text before it ("Enter SMS code" in a table cell).
  const named = `${t.ids} ${t.labels || t.nearby}`;
  // A card field; "CreditCardInformation.BillingPhoneNumber" is still the billing phone.
  if (KEYWORDS.payment.test(named) && !phoneNamed(named.replace(/(?<![a-z])tel(?![a-z])/g, '')))
    return null;
  // type=tel alone, under a label that speaks of no phone ("Contract number"): a number field.
  if (s === 35 && d.type === 'tel' && (t.labels || t.nearby) !== '') s -= 10;
  if (KEYWORDS.dialCode.test(idOrLabel) && !phoneLabel) return null;
  // "Mobile number or email": one identifier that takes either. It takes the number when it
  // names the phone first; a dedicated phone field elsewhere still wins.
  const described = `${t.ids} ${t.labels || t.nearby}`;
  if (d.type !== 'tel' && KEYWORDS.email.test(described) && KEYWORDS.phone.test(described)) {
    if (!phoneFirst(t.labels || t.nearby)) return null;
    s -= 5;
  } else if (KEYWORDS.email.test(idOrLabel) || ac.includes('email') || ac.includes('username')) {
    s -= 25;
  }
  if (KEYWORDS.notPrimaryPhone.test(idOrLabel) || KEYWORDS.notPrimaryPhone.test(t.nearby)) s -= 45;
  // Landline and mobile both asked for: the SMS goes to the mobile.
  else if (KEYWORDS.mobile.test(idOrLabel)) s += 10;
  if (KEYWORDS.code.test(idOrLabel)) s -= 60;
  // "Enter SMS code" above an unlabelled field; not "your phone, we will send a code".
  else if (t.labels === '' && KEYWORDS.code.test(t.nearby) && !phoneNamed(t.nearby)) s -= 60;
  if (KEYWORDS.notPhone.test(idOrLabel) && !KEYWORDS.phone.test(idOrLabel)) s -= 50;
  return s >= 30 ? s : null;
}

/** A home, work, backup or emergency number: the SMS goes to the primary mobile instead. */
export function secondaryPhone(d: FieldDescriptor): boolean {
  const t = textsOf(d);
  return (
    KEYWORDS.notPrimaryPhone.test(`${t.ids} ${t.labels}`) ||
    KEYWORDS.notPrimaryPhone.test(t.nearby) ||
    d.autocomplete.some((a) => a === 'home' || a === 'work' || a === 'fax' || a === 'pager')
  );
}

/** Highest score, the earlier field on a tie; only a field that could win is looked at. */
export function pickPhoneField<F extends FieldDescriptor>(fields: readonly F[]): F | null {
  let top: { f: F; s: number } | null = null;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as F;
    const s = phoneScore(f);
    if (s !== null && (!top || s > top.s) && shownField(f)) top = { f, s };
  }
  return top?.f ?? null;
}

const DIAL_OPTION = /(?:^|[^\d])\+\s?\d{1,4}(?!\d)|^\s*\(?(?:\+|00)?\d{1,4}\)?\s*$/;
const ISO_VALUE = /^[A-Za-z]{2}$/;
// A country name ("Indonesia", "Côte d'Ivoire"): letters and a few separators, no digits.
const NAME_TEXT = /^[\p{L}][\p{L}\p{M} .,'’()&-]{2,60}$/u;
// A list of countries is long; a short list of words is something else (titles, months).
const MIN_COUNTRY_OPTIONS = 10;

function ratio(
  options: FieldDescriptor['options'],
  test: (o: { value: string; text: string }) => boolean,
): number {
  const real = options.filter((o) => o.value !== '' || o.text !== '');
  return real.length ? real.filter(test).length / real.length : 0;
}

/** Score of a control as the dial-code part of the given phone field; null when it is not. */
export function scoreDialCode(d: FieldDescriptor, phone: FieldDescriptor): number | null {
  const distance = phone.index - d.index;
  if (distance < 1 || distance > 3 || d.hidden || d.disabled) return null;
  const t = textsOf(d);
  const idOrLabel = `${t.ids} ${t.labels}`;
  const dialWords =
    KEYWORDS.dialCode.test(idOrLabel) || d.autocomplete.includes('tel-country-code');
  const phoneWords = KEYWORDS.phone.test(idOrLabel);
  const countryWords = KEYWORDS.country.test(idOrLabel);
  const sameParent = d.parentKey === phone.parentKey;
  const sameWidget =
    sameParent || d.grandparentKey === phone.grandparentKey || d.grandparentKey === phone.parentKey;
  let s = distance === 1 ? 10 : 0;
  if (sameWidget) s += 15;
  if (d.tag === 'select') {
    const dialShare = ratio(
      d.options,
      (o) => DIAL_OPTION.test(o.value) || DIAL_OPTION.test(o.text),
    );
    const isoShare = ratio(d.options, (o) => ISO_VALUE.test(o.value));
    const nameShare =
      d.options.length >= MIN_COUNTRY_OPTIONS ? ratio(d.options, (o) => NAME_TEXT.test(o.text)) : 0;
    if (dialShare >= 0.5) s += 50;
    else if (isoShare >= 0.5 || nameShare >= 0.8) {
      // Options without dial codes: only a country select inside the phone widget, never an
      // address form's country (changing it would change the user's address).
      if (!(dialWords || phoneWords || (countryWords && sameParent))) return null;
      s += 30;
    } else return null;
    if (dialWords) s += 30;
    if (phoneWords) s += 20;
    return s >= 50 ? s : null;
  }
  if (d.tag !== 'input' || !TEXT_LIKE.has(d.type) || d.type === 'password' || d.readOnly)
    return null;
  const short = d.maxLength !== null && d.maxLength > 0 && d.maxLength <= 6;
  const dialValue = /^\+?\d{1,4}$/.test(d.value.trim()) || /^\+?\d{1,4}$/.test(d.placeholder);
  if (!dialWords || !(short || dialValue || d.autocomplete.includes('tel-country-code')))
    return null;
  return s + 50;
}

/**
 * The fields a dial-code control can be: up to three before the phone field. Collected fields
 * are in document order, so these are the three array places before it; a list that is not
 * (or a phone field among the first three) is looked through whole.
 */
function dialCandidates<F extends FieldDescriptor>(fields: readonly F[], phone: FieldDescriptor) {
  const at = fields.indexOf(phone as F);
  const before = at >= 0 ? fields.slice(Math.max(0, at - 3), at) : [];
  const inOrder = before.length === 3 && before.every((f, i) => f.index === phone.index - 3 + i);
  return inOrder ? before : fields.filter((f) => f.index !== phone.index);
}

export function pickDialCode<F extends FieldDescriptor>(
  fields: readonly F[],
  phone: FieldDescriptor,
): F | null {
  const scored: { f: F; s: number }[] = [];
  for (const f of dialCandidates(fields, phone)) {
    const s = scoreDialCode(f, phone);
    if (s !== null) scored.push({ f, s });
  }
  return best(scored);
}
