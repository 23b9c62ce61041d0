/**
 * Public API of the page-side fill engine (its caller: lib/content/agent.ts): find the phone and
 * code targets, fill them, and wait for a code step that appears later.
 */
import { pickCodeTarget, pickDialCode, pickPhoneField, secondaryPhone } from './classify.ts';
import { pickPhoneParts } from './classify-phone-split.ts';
import { collectFields, type CollectedField } from './collect.ts';
import { fillCodeInto, fillPhoneNumber, type FillReport } from './fill.ts';
import { changeEvent, clear } from './events.ts';
import { isReachable } from './reachable.ts';
import { countriesOfOptions, type SelectorOption } from './site-countries.ts';
import { widgetCountryRows } from './widgets.ts';
import type { PhonePart } from './fill-parts.ts';

export type { FillReport } from './fill.ts';
export type { PhonePart } from './fill-parts.ts';
export type { PhonePartRole } from './classify-phone-split.ts';

export interface PhoneTarget {
  /** The phone field; for a split number, the first of its parts. */
  input: HTMLInputElement;
  dialCode?: HTMLSelectElement | HTMLInputElement;
  /** A number split over several boxes, in page order; fillPhone fills every part. */
  parts?: PhonePart[];
}

export interface CodeTarget {
  inputs: HTMLInputElement[];
}

function asInput(f: CollectedField): HTMLInputElement | null {
  return f.element.localName === 'input' ? (f.element as HTMLInputElement) : null;
}

/** Tries the classifier's picks in turn until one the user can reach (lib/fill/reachable.ts). */
const MAX_PICKS = 6;

function firstReachable<T>(
  fields: CollectedField[],
  pick: (fields: CollectedField[]) => T | null,
  picked: (choice: T) => CollectedField[],
): { choice: T; fields: CollectedField[] } | null {
  let left = fields;
  for (let i = 0; i < MAX_PICKS; i++) {
    const choice = pick(left);
    if (choice === null) return null;
    const chosen = picked(choice);
    if (chosen.every((f) => isReachable(f.element))) return { choice, fields: left };
    left = left.filter((f) => !chosen.includes(f));
  }
  return null;
}

/**
 * A split group wins over a lone field that belongs to it, comes after it in the page, or is a
 * home or backup number.
 */
function splitTarget(fields: CollectedField[], phone: CollectedField | null): PhoneTarget | null {
  const picked = pickPhoneParts(fields);
  const first = picked?.[0];
  if (!picked || !first) return null;
  const member = picked.some((p) => p.field === phone);
  if (phone && !member && phone.index < first.field.index && !secondaryPhone(phone)) return null;
  const parts: PhonePart[] = [];
  for (const { field, role } of picked) {
    const input = asInput(field);
    if (!input) return null;
    parts.push({ input, role });
  }
  return { input: parts[0]?.input ?? (first.field.element as HTMLInputElement), parts };
}

export function findPhoneTarget(doc: Document): PhoneTarget | null {
  const all = collectFields(doc);
  const found = firstReachable(all, pickPhoneField, (f) => [f]);
  const fields = found?.fields ?? all;
  const phone = found?.choice ?? null;
  const split = splitTarget(fields, phone);
  if (split?.parts?.every((p) => isReachable(p.input))) return split;
  const input = phone ? asInput(phone) : null;
  if (!phone || !input) return null;
  const dial = pickDialCode(fields, phone);
  const el = dial?.element;
  if (el && (el.localName === 'select' || el.localName === 'input')) {
    return { input, dialCode: el as HTMLSelectElement | HTMLInputElement };
  }
  return { input };
}

/**
 * The countries the phone field's country selector offers, the ones the site accepts numbers
 * from (site-countries.ts): the dial-code <select> the fill would use, or a picker's rows.
 * Null when the page has no phone field, no selector, or one that cannot be read reliably.
 */
export function findSiteCountries(doc: Document): string[] | null {
  const target = findPhoneTarget(doc);
  if (!target || target.parts) return null;
  const select =
    target.dialCode?.localName === 'select' ? (target.dialCode as HTMLSelectElement) : null;
  const rows: SelectorOption[] = select
    ? Array.from(select.options).map((o) => ({
        value: o.value,
        text: o.textContent ?? '',
        disabled: o.disabled,
      }))
    : widgetCountryRows(target.input);
  const lang = doc.documentElement.lang;
  return rows.length ? countriesOfOptions(rows, lang ? [lang] : []) : null;
}

export function findCodeTarget(doc: Document): CodeTarget | null {
  const picked = firstReachable(collectFields(doc), pickCodeTarget, (f) => f)?.choice ?? null;
  const inputs = picked?.map(asInput).filter((i): i is HTMLInputElement => i !== null) ?? [];
  return inputs.length ? { inputs } : null;
}

/** Fills the phone number and reports what the field kept. */
export function fillPhoneWithReport(target: PhoneTarget, e164: string): Promise<FillReport> {
  return fillPhoneNumber(target, e164);
}

export async function fillPhone(target: PhoneTarget, e164: string): Promise<void> {
  await fillPhoneNumber(target, e164);
}

const phoneInputs = (target: PhoneTarget) => target.parts?.map((p) => p.input) ?? [target.input];

/** Whether the phone field (all its parts) still holds this number. */
export function holdsNumber(target: PhoneTarget, e164: string): boolean {
  // The page may keep the country code in a selector, or show a trunk prefix: compare what it
  // holds without them with the end of ours, at least a national number's worth of digits.
  const held = phoneInputs(target)
    .map((i) => i.value)
    .join('')
    .replace(/\D/g, '')
    .replace(/^0+/, '');
  const ours = e164.replace(/\D/g, '');
  return held.length >= 6 && ours.endsWith(held);
}

/**
 * Takes a number that is no longer ours (refunded, cancelled) out of the page's phone field,
 * when the field still holds it: the user must not send a code to a number we gave back.
 * Returns whether anything was cleared. A field the user changed since is left alone.
 */
export function withdrawPhone(target: PhoneTarget, e164: string): boolean {
  if (!holdsNumber(target, e164)) return false;
  for (const input of phoneInputs(target)) {
    clear(input);
    changeEvent(input);
  }
  return true;
}

/** Fills the code and reports what the field(s) kept. */
export function fillCodeWithReport(target: CodeTarget, code: string): Promise<FillReport> {
  const doc = target.inputs[0]?.ownerDocument;
  return fillCodeInto(target.inputs, code, () =>
    doc ? (findCodeTarget(doc)?.inputs ?? null) : null,
  );
}

export async function fillCode(target: CodeTarget, code: string): Promise<void> {
  await fillCodeWithReport(target, code);
}

const WATCHED_ATTRIBUTES = [
  'style',
  'class',
  'hidden',
  'disabled',
  'readonly',
  'type',
  'aria-hidden',
];

/** Open shadow roots and same-origin frame documents under a root: mutations there do not
 * reach an observer on the document, so each gets its own. */
function innerRoots(root: Document | ShadowRoot, out: (Document | ShadowRoot)[] = []) {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      innerRoots(el.shadowRoot, out);
    }
    if (el.localName === 'iframe' || el.localName === 'frame') {
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument; // null or a throw when cross-origin
      } catch {
        inner = null;
      }
      if (inner) {
        out.push(inner);
        innerRoots(inner, out);
      }
    }
  }
  return out;
}

/**
 * Calls onFound once, when a visible code target exists: now, or after the page changes
 * (SPA step changes, a revealed step, a finished transition), in the document, its open
 * shadow roots and its same-origin frames. Stops on abort.
 */
export function watchForCodeTarget(
  doc: Document,
  signal: AbortSignal,
  onFound: (t: CodeTarget) => void,
  /** How to look for it: detection, or a field the user chose for the site first. */
  find: (doc: Document) => CodeTarget | null = findCodeTarget,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const events = ['transitionend', 'animationend', 'focusin', 'load'] as const;
  const view = doc.defaultView;
  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  const observed = new WeakSet<Node>();
  const listened: (Document | ShadowRoot)[] = [];
  const stop = (): void => {
    observer.disconnect();
    clearTimeout(timer);
    for (const root of listened)
      for (const type of events) root.removeEventListener(type, schedule, true);
    signal.removeEventListener('abort', stop);
  };
  // New shadow roots and frames appear as the page renders: attach to each once.
  const observeAll = (): void => {
    for (const root of [doc, ...innerRoots(doc)]) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      });
      for (const type of events) root.addEventListener(type, schedule, true);
      listened.push(root);
    }
  };
  const check = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    observeAll();
    const target = find(doc);
    if (target) {
      stop();
      onFound(target);
    }
  };
  // Coalesces bursts of mutations into one look at the page.
  function schedule(): void {
    if (timer === undefined && !signal.aborted) timer = setTimeout(check, 50);
  }
  const observer = new Observer(schedule);
  signal.addEventListener('abort', stop);
  check();
}
