/**
 * Bundled for the page by the eval runner: the detector exactly as the content script runs it
 * (lib/fill), plus the means to name what it picked. Results are indices into the document's
 * `input, select, textarea` list so the runner can compare them with labels it read (and
 * removed) before the detector ran; the detector itself never sees a label.
 */
import { scoreCodeField, scorePhoneField } from '../../lib/fill/classify.ts';
import { collectFields, plainDescriptor } from '../../lib/fill/collect.ts';
import { codeFor, type FormView } from './score.ts';
import { fillCode, fillPhone, findCodeTarget, findPhoneTarget } from '../../lib/fill/index.ts';

function indexOf(el: Element): number {
  return Array.from(document.querySelectorAll('input, select, textarea')).indexOf(el);
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(): Control[] {
  return Array.from(document.querySelectorAll<Control>('input, select, textarea'));
}

/** Every control's value in document order: what a fill changed is the difference. */
function values(): string[] {
  return controls().map((el) =>
    el instanceof HTMLSelectElement
      ? `${el.value}|${el.selectedOptions[0]?.textContent?.trim() ?? ''}`
      : el.value,
  );
}

function formEntries(el: Element | undefined): FormView | null {
  const form = el && 'form' in el ? (el as HTMLInputElement).form : null;
  if (!form) return null;
  return {
    entries: Array.from(new FormData(form), ([k, v]) => [k, typeof v === 'string' ? v : '']),
    hidden: Array.from(
      form.querySelectorAll<HTMLInputElement>('input[type=hidden][name]'),
      (i) => i.name,
    ),
  };
}

interface Filled {
  index: number;
  role: string;
  value: string;
  name: string | null;
}

const filled = (el: HTMLInputElement, role: string): Filled => ({
  index: indexOf(el),
  role,
  value: el.value,
  name: el.getAttribute('name'),
});

export interface PhoneProbe {
  picked: {
    input: number;
    dialCode: number | null;
    parts: { index: number; role: string }[] | null;
  } | null;
  before: string[];
  after: string[];
  inputs: Filled[];
  dial: string | null;
  formData: FormView | null;
  error: string | null;
}

export interface CodeProbe {
  picked: number[] | null;
  code: string | null;
  before: string[];
  after: string[];
  inputs: Filled[];
  formData: FormView | null;
  error: string | null;
}

export interface EvalApi {
  /** Indices of each selector's matches (truth selectors are resolved before labels go). */
  resolve(selectors: string[]): number[][];
  /** findPhoneTarget, then fillPhone with the ordered number, then what the page holds. */
  probePhone(e164: string): Promise<PhoneProbe>;
  /** findCodeTarget, then fillCode with a code as long as the target wants. */
  probeCode(): Promise<CodeProbe>;
  detectPhone(): { input: number; dialCode: number | null } | null;
  detectCode(): number[] | null;
  /** For --verbose: what the detector saw of each control and how it scored it. */
  describe(indices: number[]): string[];
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Split targets arrive with `parts` once the engine returns them (design.md); read loosely so
 * this builds against an engine that does not yet. */
type MaybeSplit = { parts?: { input: HTMLInputElement; role: string }[] };

const api: EvalApi = {
  resolve(selectors) {
    return selectors.map((s) => Array.from(document.querySelectorAll(s)).map(indexOf));
  },
  async probePhone(e164) {
    const before = values();
    const target = findPhoneTarget(document);
    if (!target) {
      return {
        picked: null,
        before,
        after: before,
        inputs: [],
        dial: null,
        formData: null,
        error: null,
      };
    }
    const parts = (target as MaybeSplit).parts ?? null;
    const picked = {
      input: indexOf(target.input),
      dialCode: target.dialCode ? indexOf(target.dialCode) : null,
      parts: parts ? parts.map((p) => ({ index: indexOf(p.input), role: p.role })) : null,
    };
    let error: string | null = null;
    try {
      await fillPhone(target, e164);
    } catch (e) {
      error = message(e);
    }
    const dialEl = target.dialCode;
    const dial =
      dialEl instanceof HTMLSelectElement
        ? `${dialEl.selectedOptions[0]?.textContent ?? ''} ${dialEl.value}`
        : (dialEl?.value ?? null);
    return {
      picked,
      before,
      after: values(),
      inputs: parts ? parts.map((p) => filled(p.input, p.role)) : [filled(target.input, 'single')],
      dial,
      formData: formEntries(target.input),
      error,
    };
  },
  async probeCode() {
    const before = values();
    const target = findCodeTarget(document);
    if (!target) {
      return {
        picked: null,
        code: null,
        before,
        after: before,
        inputs: [],
        formData: null,
        error: null,
      };
    }
    const code = codeFor(target.inputs.length, target.inputs[0]?.maxLength ?? -1);
    let error: string | null = null;
    try {
      await fillCode(target, code);
    } catch (e) {
      error = message(e);
    }
    return {
      picked: target.inputs.map(indexOf),
      code,
      before,
      after: values(),
      inputs: target.inputs.map((el) => filled(el, 'box')),
      formData: formEntries(target.inputs[0]),
      error,
    };
  },
  detectPhone() {
    const target = findPhoneTarget(document);
    if (!target) return null;
    return {
      input: indexOf(target.input),
      dialCode: target.dialCode ? indexOf(target.dialCode) : null,
    };
  },
  detectCode() {
    const target = findCodeTarget(document);
    return target ? target.inputs.map(indexOf) : null;
  },
  describe(indices) {
    return collectFields(document)
      .filter((f) => indices.includes(indexOf(f.element)))
      .map((f) => {
        const { options, rect, ...rest } = plainDescriptor(f);
        const phone = scorePhoneField(f);
        const code = scoreCodeField(f);
        const size = `${Math.round(rect.width)}x${Math.round(rect.height)}@${Math.round(rect.x)},${Math.round(rect.y)}`;
        return JSON.stringify({ phone, code, size, options: options.length, ...rest });
      });
  },
};

(globalThis as typeof globalThis & { __smsVerifyEval?: EvalApi }).__smsVerifyEval = api;
