/**
 * The error texts a page shows for one field, read the way assistive technology and the eye
 * find them: what `aria-errormessage` and `aria-describedby` point at, and alerts, live regions
 * and error-looking elements in the field's nearest container. Visible text only: a page keeps
 * hidden message templates around, and those say nothing about this number.
 */
import { documentHasLayout } from './collect.ts';

/** How far up from the field its "nearest container" may be (label wrapper, row, group). */
const CONTAINER_DEPTH = 3;
/** Longest text read from one element: an error is a sentence or two. */
const MAX_PART = 300;

const ERRORISH = [
  '[role="alert"]',
  '[aria-live="assertive"]',
  '[aria-live="polite"]',
  '[class*="error" i]',
  '[class*="invalid" i]',
  '[id*="error" i]',
].join(',');

function shown(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden], [aria-hidden="true"]')) return false;
  const view = el.ownerDocument.defaultView;
  for (let at: Element | null = el; at; at = at.parentElement) {
    const style = view?.getComputedStyle(at);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return !documentHasLayout(el.ownerDocument) || el.getClientRects().length > 0;
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function referenced(input: Element, attribute: string): Element[] {
  const ids = (input.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
  const root = input.getRootNode() as Document | ShadowRoot;
  return ids.map((id) => root.getElementById(id)).filter((el): el is HTMLElement => el !== null);
}

/** The field's nearest container: a few levels up, never beyond its form. */
function container(input: Element): Element | null {
  let at: Element | null = input.parentElement;
  for (let depth = 1; at && depth < CONTAINER_DEPTH; depth++) {
    if (at.tagName === 'FORM' || !at.parentElement) break;
    at = at.parentElement;
  }
  return at;
}

/** Whether the page marks any of the field's inputs invalid. */
export function markedInvalid(inputs: readonly Element[]): boolean {
  return inputs.some((i) => i.getAttribute('aria-invalid') === 'true');
}

/** The visible error texts next to the field's inputs, each once, most specific first. */
export function fieldErrorTexts(inputs: readonly Element[]): string[] {
  const found = new Set<Element>();
  for (const input of inputs) {
    for (const el of referenced(input, 'aria-errormessage')) found.add(el);
    for (const el of referenced(input, 'aria-describedby')) found.add(el);
  }
  for (const input of inputs) {
    const box = container(input);
    if (!box) continue;
    for (const el of box.querySelectorAll(ERRORISH)) if (!el.contains(input)) found.add(el);
  }
  const texts = [...found]
    .filter(shown)
    .map((el) => textOf(el).slice(0, MAX_PART))
    .filter((t) => t.length > 0);
  return [...new Set(texts)];
}
