/**
 * Fill targets for a field the user chose (context menu, shortcut, or a field remembered from
 * an earlier choice), with the same engine as detection: a country-code control next to the
 * phone field, a whole row of split code boxes when one box was chosen.
 */
import { splitE164 } from '../phone/index.ts';
import type { PhoneEntryFormat } from '../phone/entry.ts';
import { pickDialCode } from './classify.ts';
import { findSplitGroups } from './classify-code.ts';
import { collectFields, describeField, type CollectedField, type FormControl } from './collect.ts';
import type { CodeTarget, PhoneTarget } from './index.ts';
import { isReachable } from './reachable.ts';
import { resolveSelector } from './selector.ts';

const TEXT_TYPES = new Set(['', 'text', 'tel', 'number', 'search', 'email', 'url']);

/** A visible, reachable, enabled, writable text input; nothing else is ever filled. */
export function usableInput(el: Element | null): HTMLInputElement | null {
  if (!el || el.localName !== 'input') return null;
  const input = el as HTMLInputElement;
  if (!TEXT_TYPES.has(input.type.toLowerCase())) return null;
  const d = describeField(input as FormControl);
  // The same rule as detection: the user must be able to reach the field (reachable.ts).
  return d.hidden || d.disabled || d.readOnly || !isReachable(input) ? null : input;
}

function located(el: HTMLInputElement): { fields: CollectedField[]; field: CollectedField } {
  // The field's own document: the content script may run in a frame.
  const fields = collectFields(el.ownerDocument);
  const field = fields.find((f) => f.element === el) ?? describeField(el, fields.length);
  return { fields, field };
}

/** The phone target at a chosen field: the field, and a dial-code control beside it. */
export function phoneTargetAt(el: Element | null): PhoneTarget | null {
  const input = usableInput(el);
  if (!input) return null;
  const { fields, field } = located(input);
  const dial = pickDialCode(fields, field)?.element;
  if (dial && (dial.localName === 'select' || dial.localName === 'input')) {
    return { input, dialCode: dial as HTMLSelectElement | HTMLInputElement };
  }
  return { input };
}

/** The code target at a chosen field: the field, or the row of split boxes it belongs to. */
export function codeTargetAt(el: Element | null): CodeTarget | null {
  const input = usableInput(el);
  if (!input) return null;
  const { fields } = located(input);
  const group = findSplitGroups(fields).find((g) => g.some((f) => f.element === input));
  const inputs = group
    ?.map((f) => usableInput(f.element))
    .filter((i): i is HTMLInputElement => i !== null);
  return { inputs: inputs && inputs.length > 1 ? inputs : [input] };
}

/** The remembered phone field of this site, when it is on the page and usable now. */
export function rememberedPhoneTarget(doc: Document, selector?: string | null) {
  return selector ? phoneTargetAt(resolveSelector(doc, selector)) : null;
}

export function rememberedCodeTarget(doc: Document, selector?: string | null) {
  return selector ? codeTargetAt(resolveSelector(doc, selector)) : null;
}

/** The focused element, through open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  for (let i = 0; el && i < 20; i++) {
    if (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    else if (el.localName === 'iframe' || el.localName === 'frame') {
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (!inner?.activeElement || inner.activeElement === inner.body) break;
      el = inner.activeElement;
    } else break;
  }
  return el;
}

/**
 * How a page's phone field took the number, read from what it holds after the fill: the
 * international form, national digits, or national digits with the trunk prefix. Null when
 * the value says nothing certain (a widget reformatted it beyond recognition).
 */
export function enteredFormat(value: string, e164: string): PhoneEntryFormat | null {
  const parts = splitE164(e164);
  if (!parts) return null;
  const digits = value.replace(/\D/g, '');
  const dial = parts.dialCode.slice(1);
  if (digits === `${dial}${parts.national}` && /^\s*(?:\+|00)/.test(value)) return 'international';
  if (digits === parts.national) return 'national';
  if (
    digits.endsWith(parts.national) &&
    digits.startsWith('0') &&
    digits.length <= parts.national.length + 2
  )
    return 'national-trunk';
  return null;
}
