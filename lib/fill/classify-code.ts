/**
 * Pure scoring of verification-code targets over field descriptors: one field, or a row of
 * split boxes. No DOM. Negatives: CAPTCHAs, promo/coupon/postal/card codes, PINs, codes sent
 * by e-mail, and fields that are not usable.
 */
import { namesOtherField } from './autofill-names.ts';
import { isDecoy, TEXT_LIKE, textsOf, usable, type Texts } from './classify-text.ts';
import type { FieldDescriptor } from './collect.ts';
import { KEYWORDS, normalizeText } from './keywords.ts';

/** Negative words in the field's own texts win unless it is clearly the SMS code. */
function codeContext(d: FieldDescriptor, t: Texts): { strong: boolean; negative: boolean } {
  const otc = d.autocomplete.includes('one-time-code');
  // An unlabelled field is named by the text before it.
  const label = t.labels || t.nearby;
  const strong = otc || KEYWORDS.smsCode.test(`${t.ids} ${label} ${t.group}`);
  // A long instruction ("... It expires in 10 minutes") is no label to rule a field out by.
  const named = t.labels || (t.nearby.length <= 40 ? t.nearby : '');
  const own = `${t.ids} ${named} ${t.group} ${normalizeText(d.className)}`;
  const negative =
    KEYWORDS.notCode.test(own) ||
    /captcha/i.test(t.nearby) ||
    // "验证码" beside a picture: the picture's characters, not an SMS.
    (d.nearImage && !KEYWORDS.oneTime.test(t.all));
  return { strong, negative };
}

// The autofill names a code field may carry; any other (a name, a card, an address) rules it out.
const AC_CODE_OK: ReadonlySet<string> = new Set(['one-time-code', 'current-password']);

/** A placeholder that shows a code's shape: "000000", "123456", "••••••", "_ _ _ _". */
function codeShaped(placeholder: string): boolean {
  const p = placeholder.replace(/\s/g, '');
  return /^(?:0{4,8}|1234(?:5|56|567|5678)?|([•·*_x#-])\1{3,7})$/i.test(p);
}

/** "email_confirmation_code", "email verification code": a code we never receive by SMS. */
function emailedCode(t: Texts): boolean {
  const own = `${t.ids} ${t.labels}`;
  // The phone list holds "sms" too; "otp" says nothing about the channel.
  return KEYWORDS.email.test(own) && !KEYWORDS.phone.test(own);
}

function codeWordsScore(t: Texts): number {
  return ownCodeWordsScore(t) + smsWordsScore(t);
}

/** The SMS words anywhere in a field's texts, the text before it included. */
function smsWordsScore(t: Texts): number {
  return KEYWORDS.smsCode.test(t.all) ? 15 : 0;
}

/** The code words of a field's name, label, group and (for an unlabelled one) the text before. */
function ownCodeWordsScore(t: Texts): number {
  let s = 0;
  if (KEYWORDS.code.test(t.ids)) s += 30;
  if (KEYWORDS.code.test(t.labels)) s += 40;
  else if (KEYWORDS.code.test(t.nearby)) {
    // An instruction as the only cue: "Enter the 6-digit code we sent to +1 ...".
    s += t.labels === '' ? 30 : 15;
    if (KEYWORDS.oneTime.test(t.nearby)) s += 10;
  }
  if (KEYWORDS.code.test(t.group)) s += 20;
  // "phone verification code": the code our SMS brings, ahead of other codes on the page.
  const own = `${t.ids} ${t.labels}`;
  if (KEYWORDS.code.test(own) && KEYWORDS.phone.test(own)) s += 15;
  return s;
}

/** Score of a field as a whole verification-code input; null when it cannot be one. */
export function scoreCodeField(d: FieldDescriptor): number | null {
  const s = codeScore(d);
  return s !== null && shownCodeField(d) ? s : null;
}

/** Visible and enabled; drawn unless it is the one-time-code input laid over drawn boxes. */
function shownCodeField(d: FieldDescriptor): boolean {
  return usable(d) && (!d.transparent || d.autocomplete.includes('one-time-code'));
}

/** The code score from the field's words and attributes, before its box is looked at. */
function codeScore(d: FieldDescriptor): number | null {
  if (d.tag !== 'input' || !TEXT_LIKE.has(d.type) || d.disabled || d.readOnly) return null;
  if (d.maxLength !== null && d.maxLength > 0 && d.maxLength < 3) return null;
  const otc = d.autocomplete.includes('one-time-code');
  if (!otc && namesOtherField(d.autocomplete, AC_CODE_OK)) return null;
  const t = textsOf(d);

  // What speaks for a code field first. Every rule after it only rules out or takes away,
  // so a field short of the bar here (most fields of a long page) is done.
  let s = otc ? 80 : 0;
  s += ownCodeWordsScore(t);
  if (codeShaped(d.placeholder)) s += 20;
  if (d.inputMode === 'numeric' || d.type === 'number' || d.type === 'tel') s += 10;
  if (/\\d|\[0-9\]/.test(d.pattern)) s += 10;
  if (d.maxLength !== null && d.maxLength >= 4 && d.maxLength <= 10) s += 15;
  // The SMS words need the text before the field: read for the bar only when the rest falls
  // short of it, else after the rules below, which rule most such fields out without it.
  const sms = s < 40 ? smsWordsScore(t) : null;
  if (s + (sms ?? 0) < 40) return null;

  if (isDecoy(d, t)) return null;
  const { strong, negative } = codeContext(d, t);
  if (negative && !strong) return null;
  if (!otc && emailedCode(t)) return null;
  s += sms ?? smsWordsScore(t);
  const own = `${t.ids} ${t.labels}`;
  if (KEYWORDS.phone.test(own) && !KEYWORDS.code.test(own)) s -= 40;
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

function numberedNext(prev: FieldDescriptor, f: FieldDescriptor): boolean {
  const a = boxNumber(prev);
  const b = boxNumber(f);
  return !!a && !!b && a.base === b.base && b.n === a.n + 1;
}

function continues(prev: FieldDescriptor, f: FieldDescriptor): boolean {
  return (boxLike(prev) && boxLike(f)) || numberedNext(prev, f);
}

/**
 * Runs of 4-8 adjacent one-character boxes of one type, aligned in a row. Consecutively
 * numbered names ("otpCode-0".."otpCode-5") make a row even where the layout does not show
 * one (a page whose stylesheet has not arrived stacks the boxes).
 */
export function findSplitGroups<F extends FieldDescriptor>(fields: readonly F[]): F[][] {
  const groups: F[][] = [];
  for (const window of boxWindows(fields)) groups.push(...splitGroupsIn(window));
  return groups;
}

/** Short typed-in input of the page: what a split box is at the least (attributes only). */
function boxCandidate(f: FieldDescriptor): boolean {
  return (
    f.tag === 'input' &&
    TEXT_LIKE.has(f.type) &&
    (f.maxLength === null || f.maxLength <= 2) &&
    !f.disabled &&
    !f.readOnly
  );
}

/**
 * Runs of at least four adjacent candidates of one type: the only places a row of boxes can
 * be, found from attributes alone, so boxes and containers are read for these fields only.
 */
function boxWindows<F extends FieldDescriptor>(fields: readonly F[]): F[][] {
  const windows: F[][] = [];
  let window: F[] = [];
  for (const f of fields) {
    const prev = window[window.length - 1];
    const ok = boxCandidate(f);
    if (ok && prev && f.index === prev.index + 1 && f.type === prev.type) {
      window.push(f);
      continue;
    }
    if (window.length >= 4) windows.push(window);
    window = ok ? [f] : [];
  }
  if (window.length >= 4) windows.push(window);
  return windows;
}

function splitGroupsIn<F extends FieldDescriptor>(fields: readonly F[]): F[][] {
  const groups: F[][] = [];
  let run: F[] = [];
  const flush = (): void => {
    if (run.length >= 4 && run.length <= 8) groups.push(run);
    run = [];
  };
  for (const f of fields) {
    const short = f.maxLength === null || f.maxLength <= 2;
    // Cheap facts first: the box and style are read for short typed-in inputs only.
    const ok = short && f.tag === 'input' && TEXT_LIKE.has(f.type) && !f.disabled && !f.readOnly;
    const prev = run[run.length - 1];
    if (
      ok &&
      prev &&
      f.index === prev.index + 1 &&
      f.type === prev.type &&
      sameContainer(prev, f) &&
      (sameRow(prev, f) || numberedNext(prev, f)) &&
      continues(prev, f) &&
      usable(f)
    ) {
      run.push(f);
      continue;
    }
    flush();
    if (ok && (boxNumber(f) || boxLike(f)) && usable(f)) run.push(f);
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
  if (!otc && emailedCode(merged)) return null;
  let s = otc ? 80 : 0;
  s += codeWordsScore(merged);
  if (first.inputMode === 'numeric' || first.type === 'number' || first.type === 'tel') s += 10;
  s += group.length === 6 ? 10 : 5;
  // One character per box is what a code row looks like; address or name parts never do.
  if (group.every((d) => d.maxLength === 1)) s += 10;
  if (first.type === 'password') s -= 20;
  return s >= 40 ? s : null;
}

/** A numbered box with a numbered neighbour ("ActivationCode1", "ActivationCode2"). */
function partOfRow(fields: readonly FieldDescriptor[], at: number): boolean {
  const f = fields[at];
  if (!f || (f.maxLength !== null && f.maxLength > 6)) return false;
  const prev = fields[at - 1];
  const next = fields[at + 1];
  return (
    (!!next && sameContainer(f, next) && continues(f, next)) ||
    (!!prev && sameContainer(prev, f) && continues(prev, f))
  );
}

function looksLikePhoneInput(d: FieldDescriptor): boolean {
  if (d.tag !== 'input') return false;
  const t = textsOf(d);
  const own = `${t.ids} ${t.labels}`;
  return (
    d.tag === 'input' &&
    (d.type === 'tel' ||
      d.autocomplete.some((a) => a.startsWith('tel')) ||
      KEYWORDS.phone.test(own || t.nearby)) &&
    !KEYWORDS.code.test(own) &&
    usable(d)
  );
}

/**
 * A login form (a password, no phone field) with a code field that says nothing about one-time
 * codes, SMS or 2FA: that is the form's image CAPTCHA ("Verification code", "验证码").
 */
function captchaForms(fields: readonly FieldDescriptor[]): Set<number> {
  const password = new Set<number>();
  const phone = new Set<number>();
  for (const f of fields) {
    if (f.tag === 'input' && f.type === 'password' && usable(f)) password.add(f.formKey);
    if (looksLikePhoneInput(f)) phone.add(f.formKey);
  }
  return new Set([...password].filter((k) => !phone.has(k)));
}

/**
 * A payment form: a field for a card number, security code or expiry. Its codes (CVC, a
 * voucher) are never the SMS code unless the field itself says it is a one-time code.
 */
function paymentForms(fields: readonly FieldDescriptor[]): Set<number> {
  const out = new Set<number>();
  for (const f of fields) {
    if (out.has(f.formKey)) continue;
    const t = textsOf(f);
    if (
      f.autocomplete.some((a) => a.startsWith('cc-')) ||
      KEYWORDS.payment.test(`${t.ids} ${t.labels}`)
    )
      out.add(f.formKey);
  }
  return out;
}

function saysOneTime(inputs: readonly FieldDescriptor[]): boolean {
  return inputs.some(
    (d) => d.autocomplete.includes('one-time-code') || KEYWORDS.oneTime.test(textsOf(d).all),
  );
}

/** The best code target: a row of split boxes or one field. */
export function pickCodeTarget<F extends FieldDescriptor>(fields: readonly F[]): F[] | null {
  // The form context costs a pass over every field: only build it when a candidate needs it.
  let captcha: Set<number> | null = null;
  let payment: Set<number> | null = null;
  const plausible = (inputs: readonly F[]): boolean => {
    if (saysOneTime(inputs)) return true;
    captcha ??= captchaForms(fields);
    payment ??= paymentForms(fields);
    return !inputs.some((d) => captcha?.has(d.formKey) || payment?.has(d.formKey));
  };
  let top: { inputs: F[]; s: number } | null = null;
  const inGroup = new Set<number>();
  for (const g of findSplitGroups(fields)) {
    const s = scoreSplitGroup(g);
    if (s === null || !plausible(g)) continue;
    g.forEach((f) => inGroup.add(f.index));
    if (!top || s > top.s) top = { inputs: g, s };
  }
  for (let at = 0; at < fields.length; at++) {
    const f = fields[at] as F;
    if (inGroup.has(f.index)) continue;
    const s = codeScore(f);
    if (s === null || (top && s <= top.s) || !shownCodeField(f)) continue;
    if (partOfRow(fields, at) || !plausible([f])) continue;
    top = { inputs: [f], s };
  }
  return top?.inputs ?? null;
}
