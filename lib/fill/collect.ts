/**
 * Page -> field descriptors. Finds the controls of the document, its open shadow roots and
 * same-origin frames in document order; each descriptor (live-field.ts) reads what classify
 * asks of it, keeping a reference back to the element for fill.
 */

import { isFormControl, LabelIndex } from './collect-text.ts';
import { describe, Keys, type CollectRun } from './live-field.ts';

export { LabelIndex } from './collect-text.ts';
export { plainDescriptor } from './live-field.ts';

export type FieldTag = 'input' | 'select' | 'textarea';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OptionDescriptor {
  value: string;
  text: string;
}

/** Plain data about one form control; classify reads nothing else. */
export interface FieldDescriptor {
  /** Position in document order among collected fields. */
  index: number;
  tag: FieldTag;
  type: string;
  name: string;
  id: string;
  className: string;
  autocomplete: string[];
  inputMode: string;
  /** The maxlength attribute; null when absent or invalid. */
  maxLength: number | null;
  pattern: string;
  placeholder: string;
  ariaLabel: string;
  /** The title attribute: a tooltip that names the field. */
  title: string;
  /** Text of `<label for>`, a wrapping label, aria-labelledby, or a floating label after it. */
  labelText: string;
  /** The closest text before the field (a heading, a span acting as label). */
  nearbyText: string;
  /** aria-label/legend of an enclosing role=group, radiogroup or fieldset. */
  groupLabel: string;
  /** An image or canvas beside the field: what an image CAPTCHA looks like. */
  nearImage: boolean;
  /** A fixed dial code shown right before the field ("+62"), as intl-tel-input does. */
  adjacentDialCode: string | null;
  value: string;
  options: OptionDescriptor[];
  /** display:none, visibility, hidden attribute, zero size or off-screen. */
  hidden: boolean;
  /** opacity 0: invisible, though a widget may still lay a styled control over it. */
  transparent: boolean;
  disabled: boolean;
  readOnly: boolean;
  tabIndex: number;
  ariaHidden: boolean;
  rect: Rect;
  /** Whether the environment does layout; without it rects are all zero and say nothing. */
  hasLayout: boolean;
  /** Identities of the parent and grandparent elements, for grouping neighbours. */
  parentKey: number;
  grandparentKey: number;
  /** Parent, grandparent and great-grandparent identities (split boxes wrap each box deeply). */
  ancestorKeys: number[];
  /** Identity of the enclosing form (or the root when there is none). */
  formKey: number;
}

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface CollectedField extends FieldDescriptor {
  element: FormControl;
}

const layoutCache = new WeakMap<Document, boolean>();

/** True when the document lays elements out (a browser); false in happy-dom or jsdom. */
export function documentHasLayout(doc: Document): boolean {
  let cached = layoutCache.get(doc);
  if (cached === undefined) {
    const rect = doc.body?.getBoundingClientRect();
    cached = !!rect && (rect.width > 0 || rect.height > 0);
    layoutCache.set(doc, cached);
  }
  return cached;
}

function newRun(doc: Document, root: Document | null = null): CollectRun {
  return {
    keys: new Keys(),
    cache: new Map(),
    labels: new LabelIndex(),
    hasLayout: documentHasLayout(doc),
    root,
  };
}

/** One control's descriptor (its texts and box are read when first asked for). */
export function describeField(el: FormControl, index = 0): CollectedField {
  return describe(el, index, newRun(el.ownerDocument));
}

function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument; // null or a throw when cross-origin
  } catch {
    return null;
  }
}

/**
 * What may host a shadow root (DOM standard, attachShadow): a custom element (its name has a
 * hyphen) or one of these standard elements. Nothing else can, so nothing else is looked at.
 */
const SHADOW_HOSTS =
  'article,aside,blockquote,body,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span';
const CUSTOM_ELEMENTS = "descendant-or-self::*[contains(local-name(), '-')]";

/**
 * Whether anything under the root holds an open shadow root or a frame. Only the elements that
 * can host one are read, found natively: a selector for the standard ones and an XPath query for
 * custom elements. The page's other elements (labels, inputs, links, lists) are never touched.
 */
function hasNestedRoots(root: Element): boolean {
  if (root.getElementsByTagName('iframe').length || root.getElementsByTagName('frame').length)
    return true;
  const doc = root.ownerDocument;
  // A DOM without XPath (happy-dom in unit tests) reads every element instead.
  if (typeof doc.evaluate !== 'function') return anyShadowRoot(root.getElementsByTagName('*'));
  if (anyShadowRoot(root.querySelectorAll(SHADOW_HOSTS))) return true;
  const custom = doc.evaluate(
    CUSTOM_ELEMENTS,
    root,
    null,
    XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
    null,
  );
  for (let i = 0; i < custom.snapshotLength; i++)
    if ((custom.snapshotItem(i) as Element | null)?.shadowRoot) return true;
  return false;
}

function anyShadowRoot(elements: ArrayLike<Element>): boolean {
  for (let i = 0; i < elements.length; i++) if (elements[i]?.shadowRoot) return true;
  return false;
}

/** Every form control in document order, through open shadow roots and same-origin frames. */
export function collectFields(doc: Document): CollectedField[] {
  const out: CollectedField[] = [];
  const top = doc.documentElement;
  if (!top) return out;
  // Most pages have neither: one selector query finds their controls in document order.
  if (!hasNestedRoots(top)) {
    const run = newRun(doc, doc);
    const controls = top.querySelectorAll<FormControl>('input,select,textarea');
    for (let i = 0; i < controls.length; i++)
      out.push(describe(controls[i] as FormControl, i, run));
    return out;
  }
  // One native tree walk per root; shadow roots and frames are walked where they sit.
  const run = newRun(doc);
  const visit = (root: Node): void => {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      if (isFormControl(el)) out.push(describe(el, out.length, run));
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const inner = frameDocument(el as HTMLIFrameElement);
        if (inner?.body) visit(inner.body);
      }
    }
  };
  visit(top);
  return out;
}
