/**
 * Bundled for the page by the eval runner: the detector exactly as the content script runs it
 * (lib/fill), plus the means to name what it picked. Results are indices into the document's
 * `input, select, textarea` list so the runner can compare them with labels it read (and
 * removed) before the detector ran; the detector itself never sees a label.
 */
import { scoreCodeField, scorePhoneField } from '../../lib/fill/classify.ts';
import { collectFields } from '../../lib/fill/collect.ts';
import { findCodeTarget, findPhoneTarget } from '../../lib/fill/index.ts';

function indexOf(el: Element): number {
  return Array.from(document.querySelectorAll('input, select, textarea')).indexOf(el);
}

export interface EvalApi {
  detectPhone(): { input: number; dialCode: number | null } | null;
  detectCode(): number[] | null;
  /** For --verbose: what the detector saw of each control and how it scored it. */
  describe(indices: number[]): string[];
}

const api: EvalApi = {
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
        const { element: _el, options, rect, ...rest } = f;
        const phone = scorePhoneField(f);
        const code = scoreCodeField(f);
        const size = `${Math.round(rect.width)}x${Math.round(rect.height)}@${Math.round(rect.x)},${Math.round(rect.y)}`;
        return JSON.stringify({ phone, code, size, options: options.length, ...rest });
      });
  },
};

(globalThis as typeof globalThis & { __smsVerifyEval?: EvalApi }).__smsVerifyEval = api;
