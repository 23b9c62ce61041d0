/**
 * Filling a chosen target: the phone number (with its dial-code control or widget) and the
 * verification code (one field or split boxes). Every fill is read back and verified, with
 * fallbacks (paste, then a direct set) when a widget rejects typing.
 */
import { formatNational, splitE164, type PhoneParts } from '../phone/index.ts';
import { describeField } from './collect.ts';
import { entryFormatFor } from './dial.ts';
import { clear, commit, focus, pasteText, setValue, tick, typeText } from './events.ts';
import { fillPhoneParts, type PhonePart } from './fill-parts.ts';
import { chooseWidgetCountry, selectDialCode } from './widgets.ts';

export { chooseWidgetCountry, selectDialCode } from './widgets.ts';

export interface FillReport {
  ok: boolean;
  /** What ended up in the field(s). */
  value: string;
  /** How it got there: typed, pasted or set; or why it did not. */
  method: 'typed' | 'pasted' | 'set' | 'refused';
  detail?: string;
}

const digits = (s: string): string => s.replace(/\D/g, '');

/**
 * Writes the first text by typing, pasting, then a direct set, reading the value back after
 * each; then the next text (a masked field may take only national digits). Each write ends with
 * a blur, which is when lazy inputs (Vue v-model.lazy, some React wrappers) commit the value.
 */
async function verified(
  el: HTMLInputElement,
  texts: readonly string[],
  matches: (value: string) => boolean,
): Promise<FillReport> {
  const attempts: [FillReport['method'], (e: HTMLInputElement, t: string) => void][] = [
    ['typed', typeText],
    ['pasted', pasteText],
    ['set', setValue],
  ];
  for (const text of new Set(texts)) {
    for (const [method, write] of attempts) {
      clear(el);
      write(el, text);
      commit(el);
      await tick();
      if (matches(el.value)) return { ok: true, value: el.value, method };
    }
  }
  clear(el);
  return { ok: false, value: el.value, method: 'set', detail: 'the field did not keep the value' };
}

type FormatFacts = Parameters<typeof entryFormatFor>[0];

/** The field's format facts with the dial code shown beside it (copied: a spread misses getters). */
function shownAs(
  d: Omit<FormatFacts, 'adjacentDialCode'>,
  adjacentDialCode: string | null,
): FormatFacts {
  const { autocomplete, type, maxLength, pattern, placeholder } = d;
  return { autocomplete, type, maxLength, pattern, placeholder, adjacentDialCode };
}

function textFor(format: ReturnType<typeof entryFormatFor>, parts: PhoneParts): string {
  if (format === 'international') return parts.e164;
  if (format === 'national') return parts.national;
  const trunk = digits(formatNational(parts.e164));
  return trunk.endsWith(parts.national) ? trunk : parts.national;
}

export interface PhoneFillTarget {
  input: HTMLInputElement;
  dialCode?: HTMLSelectElement | HTMLInputElement;
  parts?: PhonePart[];
}

export async function fillPhoneNumber(target: PhoneFillTarget, e164: string): Promise<FillReport> {
  const parts = splitE164(e164);
  if (!parts) throw new Error(`Not an E.164 phone number: ${e164}`);
  if (target.parts && target.parts.length > 1) {
    const report = await fillPhoneParts(target.parts, parts);
    return { ...report, method: report.ok ? 'typed' : 'set' };
  }
  const { input, dialCode } = target;
  const d = describeField(input);
  if (d.hidden || d.disabled || d.readOnly) {
    return {
      ok: false,
      value: input.value,
      method: 'refused',
      detail: 'the phone field is not usable',
    };
  }
  let text: string;
  if (dialCode && dialCode.localName === 'select') {
    const chosen = selectDialCode(dialCode as HTMLSelectElement, parts);
    text = chosen
      ? textFor(entryFormatFor(shownAs(d, parts.dialCode), parts.e164, parts.national), parts)
      : parts.e164;
  } else if (dialCode) {
    const dialInput = dialCode as HTMLInputElement;
    const wantsPlus =
      /\+/.test(`${dialInput.value}${dialInput.placeholder}`) || dialInput.value === '';
    clear(dialInput);
    typeText(dialInput, wantsPlus ? parts.dialCode : digits(parts.dialCode));
    text = parts.national;
  } else {
    let shown = d.adjacentDialCode;
    if (shown && shown !== parts.dialCode && (await chooseWidgetCountry(input, parts)))
      shown = parts.dialCode;
    // A shown prefix for another country that could not be changed: the international form
    // lets the widget switch itself, and never repeats the code.
    text =
      shown && shown !== parts.dialCode
        ? parts.e164
        : textFor(entryFormatFor(shownAs(d, shown), parts.e164, parts.national), parts);
  }
  // A field prefilled with our own dial code ("+62 "): type only the rest after it.
  const prefix = input.value.trim();
  if (
    text === parts.e164 &&
    /^\+\d{1,4}\W*$/.test(prefix) &&
    digits(prefix) === digits(parts.dialCode)
  ) {
    typeText(input, parts.national);
    await tick();
    if (digits(input.value).endsWith(parts.national))
      return { ok: true, value: input.value, method: 'typed' };
  }
  // Should the field refuse the first form, the national digits, then the whole number.
  const trunk = textFor('national-trunk', parts);
  return verified(
    input,
    [text, parts.national, trunk, parts.e164],
    (v) =>
      digits(v).endsWith(parts.national) &&
      !digits(v).startsWith(`${digits(parts.dialCode)}${digits(parts.dialCode)}`),
  );
}

const normalizeCode = (s: string): string => s.replace(/[\s-]/g, '');

function boxesValue(inputs: readonly HTMLInputElement[]): string {
  return normalizeCode(inputs.map((i) => i.value).join(''));
}

export async function fillCodeInto(
  inputs: readonly HTMLInputElement[],
  code: string,
  refresh: () => HTMLInputElement[] | null = () => null,
): Promise<FillReport> {
  const unusable = inputs.find((el) => {
    const d = describeField(el);
    return d.hidden || d.disabled || d.readOnly;
  });
  if (inputs.length === 0 || unusable) {
    return {
      ok: false,
      value: '',
      method: 'refused',
      detail: 'the code field is not visible and enabled',
    };
  }
  const [single] = inputs;
  if (inputs.length === 1 && single)
    return verified(single, [code], (v) => normalizeCode(v) === code);
  let boxes = [...inputs];
  const chars = [...code];
  for (let i = 0; i < chars.length && i < boxes.length; i++) {
    if (!boxes[i]?.isConnected) boxes = refresh() ?? boxes; // an SPA re-rendered the row
    const box = boxes[i];
    if (!box) break;
    focus(box);
    clear(box);
    typeText(box, chars[i] ?? '');
    await tick();
  }
  if (boxes.some((b) => !b.isConnected)) boxes = refresh() ?? boxes;
  if (boxesValue(boxes) === code) return synced(boxes, code, 'typed');

  // The widget rejected per-box typing: paste the whole code into the first box.
  boxes.forEach(clear);
  const first = boxes[0];
  if (first) pasteText(first, code);
  await tick();
  if (boxes.some((b) => !b.isConnected)) boxes = refresh() ?? boxes;
  if (boxesValue(boxes) === code) return synced(boxes, code, 'pasted');

  boxes.forEach((box, i) => setValue(box, chars[i] ?? ''));
  await tick();
  const value = boxesValue(boxes);
  return value === code
    ? synced(boxes, code, 'set')
    : { ok: false, value, method: 'set', detail: 'the boxes did not keep the code' };
}

const CODE_NAME = /code|otp|pin|token|verif/i;

/**
 * Visible boxes often front a hidden input the form submits. The page's script normally copies
 * the boxes into it; where it did not (it listens for events we cannot make), set it, but only
 * a hidden code input of the boxes' own form that is empty or holds part of this code.
 */
function synced(
  boxes: readonly HTMLInputElement[],
  code: string,
  method: FillReport['method'],
): FillReport {
  const first = boxes[0];
  const scope = first?.form ?? first?.parentElement?.parentElement?.parentElement ?? null;
  for (const hidden of Array.from(scope?.querySelectorAll('input[type=hidden]') ?? [])) {
    const h = hidden as HTMLInputElement;
    if (!CODE_NAME.test(`${h.name} ${h.id}`)) continue;
    const held = normalizeCode(h.value);
    if (held === code || !code.startsWith(held)) continue;
    setValue(h, code);
  }
  return { ok: true, value: code, method };
}
