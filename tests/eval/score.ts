/**
 * Pure scoring for the eval: what the detector picked against the truth, and whether what a
 * fill left in the page is what the form would submit. No browser here, so each rule has a
 * unit test of its own (score.test.ts).
 */
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import type { NeverKind, Role } from './truth.ts';

export type Outcome = 'hit' | 'wrong' | 'miss' | 'false alarm' | 'right none' | 'skipped';

export type PhoneTargetIx =
  | { kind: 'single'; index: number }
  | { kind: 'split'; parts: { index: number; role: Role }[] };

/** A page's truth with selectors resolved to indices among its input/select/textarea. */
export interface ResolvedTruth {
  phone: { accept: PhoneTargetIx[]; optional: boolean } | null;
  code: { accept: number[][] } | null;
  never: Map<number, NeverKind>;
}

/** What findPhoneTarget returned, as indices. `parts` only when it returned a split group. */
export interface PickedPhone {
  input: number;
  dialCode: number | null;
  parts: { index: number; role: string }[] | null;
}

const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function phoneMatches(t: PhoneTargetIx, p: PickedPhone): boolean {
  const split = p.parts && p.parts.length > 1 ? p.parts : null;
  if (t.kind === 'single') return !split && p.input === t.index;
  return (
    split !== null &&
    sameList(
      split.map((x) => x.index),
      t.parts.map((x) => x.index),
    )
  );
}

/** Right group and every part given its labelled role. */
export function splitRolesRight(t: PhoneTargetIx, p: PickedPhone | null): boolean {
  if (!p || t.kind !== 'split' || !phoneMatches(t, p)) return false;
  return t.parts.every((x, i) => p.parts?.[i]?.role === x.role);
}

export function phoneOutcome(truth: ResolvedTruth['phone'], picked: PickedPhone | null): Outcome {
  if (!truth) return picked ? 'false alarm' : 'right none';
  if (!picked) return truth.optional ? 'skipped' : 'miss';
  return truth.accept.some((t) => phoneMatches(t, picked)) ? 'hit' : 'wrong';
}

export function codeOutcome(truth: ResolvedTruth['code'], picked: number[] | null): Outcome {
  if (!truth) return picked ? 'false alarm' : 'right none';
  if (!picked) return 'miss';
  return truth.accept.some((t) => sameList(t, picked)) ? 'hit' : 'wrong';
}

export interface Scored {
  outcome: Outcome;
  /** An optional target (a sign-in "email or phone"): never counted as a miss. */
  optional?: boolean;
}

/** Precision over every pick that was judged; recall over every required target. */
export function precisionRecall(pages: readonly Scored[]): {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
} {
  const tp = pages.filter((p) => p.outcome === 'hit').length;
  const fp = pages.filter((p) => p.outcome === 'wrong' || p.outcome === 'false alarm').length;
  const fn = pages.filter(
    (p) => !p.optional && (p.outcome === 'miss' || p.outcome === 'wrong'),
  ).length;
  const requiredHits = pages.filter((p) => !p.optional && p.outcome === 'hit').length;
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: requiredHits + fn === 0 ? 1 : requiredHits / (requiredHits + fn),
    tp,
    fp,
    fn,
  };
}

/** A realistic mobile number for the page's country: libphonenumber's own example. */
export function orderedNumber(country: string): string {
  const n = getExampleNumber(country as CountryCode, examples);
  if (!n) throw new Error(`no example mobile number for ${country}`);
  return n.number;
}

/** The code to fill: as many digits as there are boxes, else the single field's maxlength
 * when it is a plausible code length, else six. */
export function codeFor(boxes: number, maxLength: number): string {
  const n = boxes > 1 ? boxes : maxLength >= 4 && maxLength <= 8 ? maxLength : 6;
  return '48291375'.repeat(2).slice(0, n);
}

const digits = (s: string): string => s.replace(/\D/g, '');

export interface FillCheck {
  ok: boolean;
  reason?: string;
}

export interface PhoneFillState {
  e164: string;
  country: string;
  /** The picked target's inputs in page order with their role ('single' for one field). */
  parts: { role: string; value: string; name: string | null }[];
  /** The dial-code control's selected text and value, when the target has one. */
  dial: string | null;
  /** Entries of the form holding the first input, or null when it has no form. */
  formData: [string, string][] | null;
}

function inForm(
  formData: [string, string][] | null,
  inputs: { value: string; name: string | null }[],
): boolean {
  if (!formData) return true;
  return inputs.every(
    (i) => i.name !== null && formData.some(([k, v]) => k === i.name && v === i.value),
  );
}

/** Re-reads what the page holds after fillPhone: re-parsed, it must be the ordered number. */
export function checkPhoneFill(s: PhoneFillState): FillCheck {
  const parsed = parsePhoneNumberFromString(s.e164);
  if (!parsed) throw new Error(`not E.164: ${s.e164}`);
  const cc = parsed.countryCallingCode;
  const country = s.parts.filter((p) => p.role === 'country');
  if (country.some((p) => digits(p.value) !== cc))
    return { ok: false, reason: `country box holds "${country[0]?.value}", not ${cc}` };
  const rest = s.parts.filter((p) => p.role !== 'country');
  const text = rest.length > 1 ? rest.map((p) => digits(p.value)).join('') : (rest[0]?.value ?? '');
  const back = parsePhoneNumberFromString(
    country.length ? `+${cc}${digits(text)}` : text,
    s.country as CountryCode,
  );
  if (s.dial !== null && !digits(s.dial).includes(cc) && !s.dial.includes(s.country))
    return { ok: false, reason: `dial code shows "${s.dial}"` };
  if (back?.number !== s.e164) {
    const shown = s.parts.map((p) => p.value).join(' | ');
    return { ok: false, reason: `the page holds "${shown}", which reads as ${back?.number ?? 'no number'}` };
  }
  if (!inForm(s.formData, s.parts)) return { ok: false, reason: 'the form would not submit it' };
  return { ok: true };
}

const normalizeCode = (s: string): string => s.replace(/[\s-]/g, '');

/** After fillCode: the boxes read back as the code, and the form would submit it. */
export function checkCodeFill(
  code: string,
  inputs: { value: string; name: string | null }[],
  formData: [string, string][] | null,
): FillCheck {
  const shown = normalizeCode(inputs.map((i) => i.value).join(''));
  if (shown !== code) return { ok: false, reason: `the field(s) hold "${shown}"` };
  if (!formData) return { ok: true };
  if (formData.some(([, v]) => normalizeCode(v) === code)) return { ok: true };
  const named = inputs.map((i) => (i.name === null ? null : formData.find(([k]) => k === i.name)));
  if (named.every((e) => e) && normalizeCode(named.map((e) => e?.[1] ?? '').join('')) === code)
    return { ok: true };
  return { ok: false, reason: 'the form would not submit the code' };
}

/** Never-fill fields whose value a fill changed. */
export function falseFills(
  never: ReadonlyMap<number, NeverKind>,
  before: readonly string[],
  after: readonly string[],
): { index: number; kind: NeverKind }[] {
  const out: { index: number; kind: NeverKind }[] = [];
  for (const [index, kind] of never) if (before[index] !== after[index]) out.push({ index, kind });
  return out;
}
