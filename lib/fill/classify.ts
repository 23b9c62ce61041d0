/**
 * Pure scoring over field descriptors: no DOM. Picks the phone field, its dial-code control,
 * and the verification-code target (one field or a row of split boxes).
 */
import type { FieldDescriptor } from './collect';
import { KEYWORDS, normalizeText } from './keywords';

const TEXT_LIKE = new Set(['text', 'tel', 'number', '', 'password']);
const PHONE_PART_TOKENS = [
  'tel-country-code',
  'tel-area-code',
  'tel-extension',
  'tel-local-prefix',
  'tel-local-suffix',
];

// Autocomplete tokens that may sit on a phone field; any other (cc-number, bday, email) rules it out.
const AC_PHONE_OK =
  /^(?:on|off|nope|false|none|tel(?:-national|-local)?|section-.*|shipping|billing|home|work|mobile|fax|pager|username|webauthn)$/;

interface Texts {
  ids: string;
  labels: string;
  nearby: string;
  group: string;
  all: string;
}

function textsOf(d: FieldDescriptor): Texts {
  const ids = normalizeText(`${d.name} ${d.id}`);
  const labels = normalizeText(`${d.labelText} ${d.ariaLabel} ${d.placeholder}`);
  const nearby = normalizeText(d.nearbyText);
  const group = normalizeText(d.groupLabel);
  return { ids, labels, nearby, group, all: `${ids} ${labels} ${nearby} ${group}` };
}

function usable(d: FieldDescriptor): boolean {
  return !d.hidden && !d.disabled && !d.readOnly && !(d.ariaHidden && d.tabIndex < 0);
}

function isDecoy(d: FieldDescriptor, t: Texts): boolean {
  return KEYWORDS.decoy.test(`${t.ids} ${t.labels} ${normalizeText(d.className)}`);
}

/** A placeholder written like a phone number: "+1 555 123 4567", "(201) 555-0123". */
function looksLikePhoneNumber(text: string): boolean {
  return /^[+(]?[\d\s().-]{7,}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 7;
}

/** Score of a field as THE phone number field; null when it cannot be one. */
export function scorePhoneField(d: FieldDescriptor): number | null {
  if (d.tag !== 'input' || !TEXT_LIKE.has(d.type) || d.type === 'password') return null;
  if (!usable(d) || d.transparent) return null;
  const t = textsOf(d);
  if (isDecoy(d, t)) return null;
  const ac = d.autocomplete;
  if (ac.some((tok) => PHONE_PART_TOKENS.includes(tok) || !AC_PHONE_OK.test(tok))) return null;
  if (d.maxLength !== null && d.maxLength > 0 && d.maxLength < 6) return null;
  const idOrLabel = `${t.ids} ${t.labels}`;
  if (KEYWORDS.dialCode.test(idOrLabel) && !KEYWORDS.phone.test(t.labels)) return null;

  let s = 0;
  if (ac.includes('tel') || ac.includes('tel-national')) s += 60;
  else if (ac.includes('tel-local')) s += 40;
  if (d.type === 'tel') s += 35;
  if (d.inputMode === 'tel') s += 15;
  if (KEYWORDS.phone.test(t.ids)) s += 30;
  if (KEYWORDS.phone.test(t.labels)) s += 40;
  else if (KEYWORDS.phone.test(t.nearby)) s += t.labels === '' ? 30 : 15;
  if (KEYWORDS.phone.test(t.group)) s += 10;
  if (looksLikePhoneNumber(d.placeholder)) s += 20;
  if (KEYWORDS.notPrimaryPhone.test(idOrLabel) || KEYWORDS.notPrimaryPhone.test(t.nearby)) s -= 45;
  if (KEYWORDS.code.test(idOrLabel)) s -= 60;
  if (KEYWORDS.notPhone.test(idOrLabel) && !KEYWORDS.phone.test(idOrLabel)) s -= 50;
  if (KEYWORDS.email.test(idOrLabel) || ac.includes('email') || ac.includes('username')) s -= 25;
  return s >= 30 ? s : null;
}

function best<F extends FieldDescriptor>(scored: { f: F; s: number }[]): F | null {
  let top: { f: F; s: number } | null = null;
  for (const x of scored) if (!top || x.s > top.s) top = x;
  return top?.f ?? null;
}

export function pickPhoneField<F extends FieldDescriptor>(fields: readonly F[]): F | null {
  const scored: { f: F; s: number }[] = [];
  for (const f of fields) {
    const s = scorePhoneField(f);
    if (s !== null) scored.push({ f, s });
  }
  return best(scored);
}

const DIAL_OPTION = /(?:^|[^\d])\+\s?\d{1,4}(?!\d)|^\s*\(?(?:\+|00)?\d{1,4}\)?\s*$/;
const ISO_VALUE = /^[A-Za-z]{2}$/;

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
    if (dialShare >= 0.5) s += 50;
    else if (!(isoShare >= 0.5 && (dialWords || phoneWords || (countryWords && sameParent))))
      return null;
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

export function pickDialCode<F extends FieldDescriptor>(
  fields: readonly F[],
  phone: FieldDescriptor,
): F | null {
  const scored: { f: F; s: number }[] = [];
  for (const f of fields) {
    if (f.index === phone.index) continue;
    const s = scoreDialCode(f, phone);
    if (s !== null) scored.push({ f, s });
  }
  return best(scored);
}

/** Negative words in the field's own texts win unless it is clearly the SMS code. */
function codeContext(d: FieldDescriptor, t: Texts): { strong: boolean; negative: boolean } {
  const otc = d.autocomplete.includes('one-time-code');
  const strong = otc || KEYWORDS.smsCode.test(`${t.ids} ${t.labels} ${t.group}`);
  const own = `${t.ids} ${t.labels} ${t.group} ${normalizeText(d.className)}`;
  const negative = KEYWORDS.notCode.test(own) || /captcha/i.test(t.nearby);
  return { strong, negative };
}

function codeWordsScore(t: Texts): number {
  let s = 0;
  if (KEYWORDS.code.test(t.ids)) s += 30;
  if (KEYWORDS.code.test(t.labels)) s += 40;
  else if (KEYWORDS.code.test(t.nearby)) s += 15;
  if (KEYWORDS.code.test(t.group)) s += 20;
  if (KEYWORDS.smsCode.test(t.all)) s += 15;
  return s;
}

/** Score of a field as a whole verification-code input; null when it cannot be one. */
export function scoreCodeField(d: FieldDescriptor): number | null {
  if (d.tag !== 'input' || !TEXT_LIKE.has(d.type) || !usable(d)) return null;
  if (d.maxLength !== null && d.maxLength > 0 && d.maxLength < 3) return null;
  const otc = d.autocomplete.includes('one-time-code');
  if (d.transparent && !otc) return null;
  const t = textsOf(d);
  if (isDecoy(d, t)) return null;
  const { strong, negative } = codeContext(d, t);
  if (negative && !strong) return null;
  let s = otc ? 80 : 0;
  s += codeWordsScore(t);
  if (KEYWORDS.phone.test(`${t.ids} ${t.labels}`) && !KEYWORDS.code.test(`${t.ids} ${t.labels}`))
    s -= 40;
  if (KEYWORDS.email.test(`${t.ids} ${t.labels}`) && !KEYWORDS.code.test(t.labels)) s -= 30;
  if (d.autocomplete.some((a) => a.startsWith('tel') || a === 'email' || a === 'username')) s -= 40;
  if (d.inputMode === 'numeric' || d.type === 'number' || d.type === 'tel') s += 10;
  if (/\\d|\[0-9\]/.test(d.pattern)) s += 10;
  if (d.maxLength !== null && d.maxLength >= 4 && d.maxLength <= 10) s += 15;
  if (d.type === 'password') s -= 15;
  return s >= 40 ? s : null;
}

function boxLike(d: FieldDescriptor): boolean {
  if (d.maxLength === 1) return true;
  if (d.maxLength === null && d.type === 'number') return true;
  return d.hasLayout && d.rect.width > 0 && d.rect.width <= 64 && (d.maxLength ?? 2) <= 2;
}

function sameRow(a: FieldDescriptor, b: FieldDescriptor): boolean {
  if (!a.hasLayout || !b.hasLayout) return true;
  const near = (x: number, y: number, tol: number): boolean => Math.abs(x - y) <= tol;
  return (
    near(a.rect.width, b.rect.width, 3) &&
    near(a.rect.height, b.rect.height, 3) &&
    near(a.rect.y, b.rect.y, 6) &&
    b.rect.x > a.rect.x
  );
}

function sameContainer(a: FieldDescriptor, b: FieldDescriptor): boolean {
  return a.ancestorKeys.some((k, i) => k !== 0 && k === b.ancestorKeys[i]);
}

/** "otpCode-0", "code[3]", "otp2", aria "2-6" / "Digit 2": a box's place in a row. */
export function boxNumber(d: FieldDescriptor): { base: string; n: number } | null {
  for (const text of [d.name, d.id, d.ariaLabel]) {
    const m = /^(.*?)[-_[\s]?(\d)\]?(?:\s*(?:-|of|\/)\s*\d)?$/i.exec(text.trim());
    if (m && text.length <= 60) return { base: (m[1] ?? '').toLowerCase(), n: Number(m[2]) };
  }
  return null;
}

function continues(prev: FieldDescriptor, f: FieldDescriptor): boolean {
  if (boxLike(prev) && boxLike(f)) return true;
  const a = boxNumber(prev);
  const b = boxNumber(f);
  return !!a && !!b && a.base === b.base && b.n === a.n + 1;
}

/** Runs of 4-8 adjacent one-character boxes of one type, aligned in a row. */
export function findSplitGroups<F extends FieldDescriptor>(fields: readonly F[]): F[][] {
  const groups: F[][] = [];
  let run: F[] = [];
  const flush = (): void => {
    if (run.length >= 4 && run.length <= 8) groups.push(run);
    run = [];
  };
  for (const f of fields) {
    const short = f.maxLength === null || f.maxLength <= 2;
    const ok = f.tag === 'input' && TEXT_LIKE.has(f.type) && usable(f) && short;
    const prev = run[run.length - 1];
    if (
      ok &&
      prev &&
      f.index === prev.index + 1 &&
      f.type === prev.type &&
      sameContainer(prev, f) &&
      sameRow(prev, f) &&
      continues(prev, f)
    ) {
      run.push(f);
      continue;
    }
    flush();
    if (ok && (boxLike(f) || boxNumber(f))) run.push(f);
  }
  flush();
  return groups;
}

export function scoreSplitGroup(group: readonly FieldDescriptor[]): number | null {
  const first = group[0];
  if (!first) return null;
  const texts = group.map(textsOf);
  const merged: Texts = {
    ids: texts.map((t) => t.ids).join(' '),
    labels: texts.map((t) => t.labels).join(' '),
    nearby: texts[0]?.nearby ?? '',
    group: texts[0]?.group ?? '',
    all: texts.map((t) => t.all).join(' '),
  };
  if (group.some((d, i) => isDecoy(d, texts[i] ?? merged))) return null;
  const otc = group.some((d) => d.autocomplete.includes('one-time-code'));
  const strong = otc || KEYWORDS.smsCode.test(`${merged.ids} ${merged.labels} ${merged.group}`);
  const negative = KEYWORDS.notCode.test(`${merged.ids} ${merged.labels} ${merged.group}`);
  if (negative && !strong) return null;
  let s = otc ? 80 : 0;
  s += codeWordsScore(merged);
  if (first.inputMode === 'numeric' || first.type === 'number' || first.type === 'tel') s += 10;
  s += group.length === 6 ? 10 : 5;
  if (first.type === 'password') s -= 20;
  return s >= 40 ? s : null;
}

/** A numbered box with a numbered neighbour ("ActivationCode1", "ActivationCode2"). */
function partOfRow(fields: readonly FieldDescriptor[], f: FieldDescriptor): boolean {
  if (f.maxLength !== null && f.maxLength > 6) return false;
  const at = fields.indexOf(f);
  const prev = fields[at - 1];
  const next = fields[at + 1];
  return (
    (!!next && sameContainer(f, next) && continues(f, next)) ||
    (!!prev && sameContainer(prev, f) && continues(prev, f))
  );
}

/** The best code target: a row of split boxes or one field. */
export function pickCodeTarget<F extends FieldDescriptor>(fields: readonly F[]): F[] | null {
  let top: { inputs: F[]; s: number } | null = null;
  const inGroup = new Set<number>();
  for (const g of findSplitGroups(fields)) {
    const s = scoreSplitGroup(g);
    if (s === null) continue;
    g.forEach((f) => inGroup.add(f.index));
    if (!top || s > top.s) top = { inputs: g, s };
  }
  for (const f of fields) {
    if (inGroup.has(f.index) || partOfRow(fields, f)) continue;
    const s = scoreCodeField(f);
    if (s !== null && (!top || s > top.s)) top = { inputs: [f], s };
  }
  return top?.inputs ?? null;
}
