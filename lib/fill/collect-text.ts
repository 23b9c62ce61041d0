/**
 * What collect reads around a control: its label (every way one attaches), the text before it,
 * its group's name, and whether an image sits beside it. DOM in, plain strings out.
 */
import type { FormControl } from './collect.ts';

export function isFormControl(el: Element): el is FormControl {
  const tag = el.localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}

export function cleanText(text: string | null | undefined, max = 120): string {
  if (!text) return ''; // most attributes are absent
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

const NO_TEXT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'select',
  'option',
  'datalist',
]);

export function textOf(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  // A closed dropdown's items are no label.
  if (NO_TEXT.has(el.localName)) return '';
  return elementText(el);
}

/** An element's text, its tag already known to hold some (a label, or past textOf's check). */
function elementText(el: Element): string {
  if (el.hasAttribute('hidden')) return '';
  // Most labels are plain text: one read instead of a walk.
  if (el.childElementCount === 0) return el.textContent ?? '';
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) out += ' ' + textOf(child);
  return out;
}

export function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/**
 * `<label for>` by id, per document or shadow root, built once per collect run. Indexed loops
 * and the htmlFor property: on a long page this runs cold, once, over every label.
 * A label's text is kept once read, for the text-before-the-field read that often meets it
 * again: only a label with no child elements, so the text is all it holds.
 */
export class LabelIndex {
  private readonly byRoot = new Map<Node, Map<string, Element | Element[]>>();
  private readonly leafTexts = new Map<Element, string>();

  /** The labels whose `for` names this id in this document or shadow root. */
  of(root: Document | ShadowRoot, id: string): readonly Element[] {
    if (!id) return [];
    let index = this.byRoot.get(root);
    if (!index) {
      index = new Map();
      const all = root.querySelectorAll<HTMLLabelElement>('label[for]');
      for (let i = 0; i < all.length; i++) {
        const label = all[i] as HTMLLabelElement;
        const forId = label.htmlFor;
        const known = index.get(forId);
        if (known === undefined) index.set(forId, label);
        else if (Array.isArray(known)) known.push(label);
        else index.set(forId, [known, label]);
      }
      this.byRoot.set(root, index);
    }
    const found = index.get(id);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  /** A label's text (a `<label>` element: no tag check needed), kept when it is a leaf. */
  textOf(label: Element): string {
    const known = this.leafTexts.get(label);
    if (known !== undefined) return known;
    if (label.childElementCount !== 0) return elementText(label);
    const text = label.hasAttribute('hidden') ? '' : (label.textContent ?? '');
    this.leafTexts.set(label, text);
    return text;
  }

  /** The kept text of an element read as a label with no child elements; undefined if none. */
  leafText(el: Element): string | undefined {
    return this.leafTexts.get(el);
  }
}

/** What a control's label read needs that its descriptor already knows. */
export interface LabelSource {
  id: string;
  /** The aria-labelledby attribute, as written. */
  labelledBy: string;
  /** The document or shadow root the control is in, when the collect run knows it. */
  root: Document | ShadowRoot | null;
}

export function labelTextOf(el: FormControl, labels: LabelIndex, src: LabelSource): string {
  const parts: string[] = [];
  if (src.id) {
    const root = src.root ?? (el.getRootNode() as Document | ShadowRoot);
    for (const label of labels.of(root, src.id)) parts.push(labels.textOf(label));
  }
  const wrapping = el.closest('label');
  if (wrapping) parts.push(labels.textOf(wrapping));
  if (src.labelledBy) {
    for (const id of src.labelledBy.split(/\s+/)) {
      const ref = id ? byId(el, id) : null;
      if (ref) parts.push(textOf(ref));
    }
  }
  if (parts.length === 0) parts.push(floatingLabelOf(el));
  return cleanText(parts.join(' '), 200);
}

const FLOATING = /label|placeholder|floating/i;

/**
 * A floating label: placed after the input in the DOM (so CSS can move it over the field when
 * empty), a <label> without `for` or an element styled as one, before any other control.
 */
function floatingLabelOf(el: Element): string {
  for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) {
    if (containsControl(sib)) break;
    const forId = sib.getAttribute('for');
    const labelLike =
      (sib.localName === 'label' && (!forId || forId === el.id)) ||
      (typeof sib.className === 'string' && FLOATING.test(sib.className));
    if (labelLike) return textOf(sib);
  }
  return '';
}

/**
 * An <img> or <canvas> in the field's own small box: its parent or grandparent, looked at only
 * a few levels deep and while it holds at most two controls (a page-wide wrapper says nothing).
 */
export function nearImageOf(el: Element): boolean {
  let box = el.parentElement;
  for (let depth = 0; box && depth < 2; depth++, box = box.parentElement) {
    if (box.localName === 'body' || box.localName === 'form') return false;
    let controls = 0;
    let image = false;
    let seen = 0;
    const look = (node: Element, level: number): void => {
      for (let c = node.firstElementChild; c && seen < 40; c = c.nextElementSibling) {
        seen++;
        if (isFormControl(c)) controls++;
        else if (c.localName === 'img' || c.localName === 'canvas') image = true;
        else if (level < 3) look(c, level + 1);
      }
    };
    look(box, 1);
    if (controls > 2 || seen >= 40) return false;
    if (image) return true;
  }
  return false;
}

export function containsControl(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (isFormControl(el)) return true;
  // Most labels and spans have no child elements: no query needed for them.
  return el.firstElementChild !== null && el.querySelector('input,select,textarea') !== null;
}

/**
 * The nearest text before the field, within a few ancestor levels, not crossing other fields.
 * A leaf label already read for the field's label is not read again.
 */
export function nearbyTextOf(el: Element, labels?: LabelIndex): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      // A leaf label holds no control; its text is known.
      const known = labels?.leafText(sib as Element);
      if (known === undefined && containsControl(sib)) return '';
      const text = cleanText(known ?? textOf(sib), 400);
      // "(" before an area-code box is decoration; the row's label is further back.
      if (/[\p{L}\p{N}]/u.test(text)) return text.slice(-80);
    }
  }
  return '';
}

export function groupLabelOf(el: Element): string {
  const group = el.closest('[role=group],[role=radiogroup],fieldset');
  if (!group) return '';
  const legend = group.localName === 'fieldset' ? group.querySelector('legend') : null;
  const labelledBy = (group.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(byId(group, id) ?? group.ownerDocument.createTextNode('')));
  return cleanText(
    [group.getAttribute('aria-label') ?? '', legend ? textOf(legend) : '', ...labelledBy].join(' '),
  );
}
