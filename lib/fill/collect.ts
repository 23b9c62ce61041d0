/**
 * Page -> plain field descriptors. Walks the document, open shadow roots and same-origin
 * frames in document order; everything classify needs is copied into plain data, with a
 * reference back to the element for fill.
 */

import { TEXT_LIKE } from './classify-text';
import {
  cleanText,
  groupLabelOf,
  isFormControl,
  LabelIndex,
  labelTextOf,
  nearbyTextOf,
  nearImageOf,
  textOf,
} from './collect-text';

export { LabelIndex } from './collect-text';

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

const MAX_OPTIONS = 400;
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

class Keys {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;
  of(node: object | null): number {
    if (!node) return 0;
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(node, id);
    }
    return id;
  }
}

const DIAL_TEXT = /^\(?\+\d{1,4}\)?$/;
const PICKER_BUTTON = 'button, [role=combobox], [aria-haspopup]';

/** A short "+62" shown just before the field, in the same widget (a few levels up). */
function adjacentDialCodeOf(el: Element): string | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (isFormControl(sib) || sib.querySelector('input,textarea')) break;
      // A picker shows the current code in its button; its closed list holds every other code.
      const shown =
        sib.querySelector('[class*=dial-code],[class*=dialCode],[class*=dial_code]') ??
        (sib.matches(PICKER_BUTTON) ? sib : sib.querySelector(PICKER_BUTTON));
      const text = cleanText(textOf(shown ?? sib), 40);
      const m = /\+\d{1,4}\b/.exec(text);
      if (m && (DIAL_TEXT.test(text) || shown || text.length <= 24)) return m[0];
    }
  }
  return null;
}

function parseMaxLength(el: Element): number | null {
  const raw = el.getAttribute('maxlength');
  if (raw === null || raw.trim() === '') return null;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function styleOf(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  try {
    return view ? view.getComputedStyle(el) : null;
  } catch {
    return null;
  }
}

const OFF_SCREEN_PX = -500;

interface Visibility {
  hidden: boolean;
  transparent: boolean;
  /** Inside an aria-hidden=true subtree; found on the same cached walk up, not one closest(). */
  ariaHidden: boolean;
}

/** Walks up from the element; computed styles are cached per collect run. */
function visibilityOf(el: Element, cache: Map<Element, Visibility>): Visibility {
  const own = cache.get(el);
  if (own) return own;
  const style = styleOf(el);
  let hidden = el.hasAttribute('hidden') && el.localName !== 'input';
  let transparent = false;
  if (style) {
    hidden ||= style.display === 'none';
    if (style.position === 'absolute' || style.position === 'fixed') {
      const left = Number.parseFloat(style.left);
      const top = Number.parseFloat(style.top);
      hidden ||= left <= OFF_SCREEN_PX || top <= OFF_SCREEN_PX;
    }
    transparent = style.opacity.trim() !== '' && Number.parseFloat(style.opacity) === 0;
  }
  const parent = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
  const up = parent
    ? visibilityOf(parent, cache)
    : { hidden: false, transparent: false, ariaHidden: false };
  const result = {
    hidden: hidden || up.hidden,
    transparent: transparent || up.transparent,
    // closest() stops at a shadow root; so does this.
    ariaHidden: el.getAttribute('aria-hidden') === 'true' || (up.ariaHidden && !!el.parentElement),
  };
  cache.set(el, result);
  return result;
}

/** Each document's scroll width, read once per collect run (not one layout read per field). */
const scrollWidths = new WeakMap<Map<Element, Visibility>, Map<Document, number>>();

function scrollWidthOf(el: Element, cache: Map<Element, Visibility>): number {
  let perDoc = scrollWidths.get(cache);
  if (!perDoc) scrollWidths.set(cache, (perDoc = new Map()));
  const doc = el.ownerDocument;
  let w = perDoc.get(doc);
  if (w === undefined) {
    w = Math.max(doc.documentElement.scrollWidth, doc.defaultView?.innerWidth ?? 0);
    perDoc.set(doc, w);
  }
  return w;
}

/**
 * With layout, the browser answers in one native call per field what the walk up computes
 * (display, visibility, opacity on any ancestor); off-screen is a box outside the document.
 */
function laidOutVisibility(el: FormControl, rect: Rect, scrollW: () => number): Visibility {
  const view = el.ownerDocument.defaultView;
  let hidden =
    !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }) ||
    el.hasAttribute('hidden') ||
    (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden');
  hidden ||= rect.width < 1 || rect.height < 1;
  const x = view?.scrollX ?? 0;
  const y = view?.scrollY ?? 0;
  hidden ||= rect.x + rect.width + x <= 0 || rect.y + rect.height + y <= 0;
  // Right of the viewport: the document's scroll width (a layout read) is asked only then.
  hidden ||= rect.x + x >= (view?.innerWidth ?? 0) && rect.x + x >= scrollW();
  const transparent = !hidden && !el.checkVisibility({ opacityProperty: true, checkOpacity: true });
  // closest() stops at a shadow root, as the walk up does.
  const ariaHidden = el.closest('[aria-hidden="true"]') !== null;
  return { hidden, transparent, ariaHidden };
}

function isHidden(
  el: FormControl,
  cache: Map<Element, Visibility>,
  hasLayout: boolean,
  rect: Rect,
): Visibility {
  if (hasLayout && typeof el.checkVisibility === 'function') {
    return laidOutVisibility(el, rect, () => scrollWidthOf(el, cache));
  }
  const base = visibilityOf(el, cache);
  // visibilityOf has just read this element's computed style; the second call is cheap.
  const style = styleOf(el);
  let hidden =
    base.hidden || (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden');
  hidden ||= el.hasAttribute('hidden');
  if (style) hidden ||= style.visibility === 'hidden' || style.visibility === 'collapse';
  if (hasLayout) {
    const scrollW = scrollWidthOf(el, cache);
    hidden ||= rect.width < 1 || rect.height < 1;
    hidden ||= rect.x + rect.width <= 0 || rect.y + rect.height <= -2000 || rect.x >= scrollW;
  }
  return { hidden, transparent: base.transparent, ariaHidden: base.ariaHidden };
}

/** What one collect run shares between its fields: identities, walk-up cache, label index. */
interface CollectRun {
  keys: Keys;
  cache: Map<Element, Visibility>;
  labels: LabelIndex;
  hasLayout: boolean;
}

type Attributes = Pick<
  FieldDescriptor,
  | 'className'
  | 'autocomplete'
  | 'inputMode'
  | 'maxLength'
  | 'pattern'
  | 'placeholder'
  | 'ariaLabel'
  | 'title'
  | 'disabled'
  | 'readOnly'
  | 'tabIndex'
>;

function attributesOf(el: FormControl): Attributes {
  const ac = el.getAttribute('autocomplete');
  return {
    className: typeof el.className === 'string' ? el.className : '',
    autocomplete: ac ? ac.toLowerCase().split(/\s+/).filter(Boolean) : [],
    inputMode: (el.getAttribute('inputmode') ?? '').toLowerCase(),
    maxLength: parseMaxLength(el),
    pattern: el.getAttribute('pattern') ?? '',
    placeholder: cleanText(el.getAttribute('placeholder')),
    ariaLabel: cleanText(el.getAttribute('aria-label')),
    title: cleanText(el.getAttribute('title')),
    disabled: el.disabled,
    readOnly: 'readOnly' in el && el.readOnly,
    tabIndex: el.tabIndex,
  };
}

/**
 * One control as a descriptor. Attributes are read when it is made; what costs a layout read
 * or a walk around the element (box, visibility, label, nearby text, group, image, dial code,
 * options, identities) is read the first time a classifier asks, then kept: on a long page
 * most fields are ruled out by their attributes and labels, and never pay for the rest.
 */
class LiveField implements CollectedField {
  readonly tag: FieldTag;
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly hasLayout: boolean;
  private attrs: Attributes | undefined = undefined;
  private box: Rect | undefined = undefined;
  private seen: Visibility | undefined = undefined;
  private label: string | undefined = undefined;
  private nearby: string | undefined = undefined;
  private group: string | undefined = undefined;
  private image: boolean | undefined = undefined;
  private dial: string | null | undefined = undefined;
  private choices: OptionDescriptor[] | undefined = undefined;
  private ancestors: number[] | undefined = undefined;
  private form: number | undefined = undefined;

  constructor(
    readonly element: FormControl,
    readonly index: number,
    private readonly run: CollectRun,
  ) {
    const tag = element.localName as FieldTag;
    this.tag = tag;
    this.type = tag === 'input' ? (element as HTMLInputElement).type.toLowerCase() : tag;
    this.name = element.getAttribute('name') ?? '';
    this.id = element.id;
    this.hasLayout = run.hasLayout;
  }

  /** The rest of the attributes, read together the first time one is asked for. */
  private get a(): Attributes {
    this.attrs ??= attributesOf(this.element);
    return this.attrs;
  }
  get className(): string {
    return this.a.className;
  }
  get autocomplete(): string[] {
    return this.a.autocomplete;
  }
  get inputMode(): string {
    return this.a.inputMode;
  }
  get maxLength(): number | null {
    return this.a.maxLength;
  }
  get pattern(): string {
    return this.a.pattern;
  }
  get placeholder(): string {
    return this.a.placeholder;
  }
  get ariaLabel(): string {
    return this.a.ariaLabel;
  }
  get title(): string {
    return this.a.title;
  }
  get disabled(): boolean {
    return this.a.disabled;
  }
  get readOnly(): boolean {
    return this.a.readOnly;
  }
  get tabIndex(): number {
    return this.a.tabIndex;
  }

  /** Only a typed-in input can be a phone or code field: the walks around it are for those. */
  private get typed(): boolean {
    return this.tag === 'input' && TEXT_LIKE.has(this.type);
  }
  get value(): string {
    return this.element.value;
  }
  get rect(): Rect {
    if (!this.box) {
      const r = this.element.getBoundingClientRect();
      this.box = { x: r.left, y: r.top, width: r.width, height: r.height };
    }
    return this.box;
  }
  private get visibility(): Visibility {
    this.seen ??= isHidden(this.element, this.run.cache, this.hasLayout, this.rect);
    return this.seen;
  }
  get hidden(): boolean {
    return this.visibility.hidden;
  }
  get transparent(): boolean {
    return this.visibility.transparent;
  }
  get ariaHidden(): boolean {
    return this.visibility.ariaHidden;
  }
  get labelText(): string {
    this.label ??= labelTextOf(this.element, this.run.labels);
    return this.label;
  }
  get nearbyText(): string {
    this.nearby ??= nearbyTextOf(this.element);
    return this.nearby;
  }
  get groupLabel(): string {
    this.group ??= groupLabelOf(this.element);
    return this.group;
  }
  get nearImage(): boolean {
    this.image ??= this.typed && nearImageOf(this.element);
    return this.image;
  }
  get adjacentDialCode(): string | null {
    if (this.dial === undefined) this.dial = this.typed ? adjacentDialCodeOf(this.element) : null;
    return this.dial;
  }
  get options(): OptionDescriptor[] {
    this.choices ??=
      this.tag === 'select'
        ? Array.from((this.element as HTMLSelectElement).options)
            .slice(0, MAX_OPTIONS)
            .map((o) => ({ value: o.value, text: cleanText(o.textContent, 80) }))
        : [];
    return this.choices;
  }
  /** Parent, grandparent and great-grandparent identities. */
  get ancestorKeys(): number[] {
    if (!this.ancestors) {
      const parent = this.element.parentElement;
      const grand = parent?.parentElement ?? null;
      const keys = this.run.keys;
      this.ancestors = [keys.of(parent), keys.of(grand), keys.of(grand?.parentElement ?? null)];
    }
    return this.ancestors;
  }
  get parentKey(): number {
    return this.ancestorKeys[0] ?? 0;
  }
  get grandparentKey(): number {
    return this.ancestorKeys[1] ?? 0;
  }
  get formKey(): number {
    const el = this.element;
    this.form ??= this.run.keys.of(('form' in el ? el.form : null) ?? el.getRootNode());
    return this.form;
  }

  /** Every property as plain data (logs, the eval's field dump). */
  toJSON(): Omit<FieldDescriptor, never> {
    return plainDescriptor(this);
  }
}

/** A descriptor's properties copied into a plain object (a spread would miss the getters). */
export function plainDescriptor(d: FieldDescriptor): FieldDescriptor {
  return {
    index: d.index,
    tag: d.tag,
    type: d.type,
    name: d.name,
    id: d.id,
    className: d.className,
    autocomplete: d.autocomplete,
    inputMode: d.inputMode,
    maxLength: d.maxLength,
    pattern: d.pattern,
    placeholder: d.placeholder,
    ariaLabel: d.ariaLabel,
    title: d.title,
    labelText: d.labelText,
    nearbyText: d.nearbyText,
    groupLabel: d.groupLabel,
    nearImage: d.nearImage,
    adjacentDialCode: d.adjacentDialCode,
    value: d.value,
    options: d.options,
    hidden: d.hidden,
    transparent: d.transparent,
    disabled: d.disabled,
    readOnly: d.readOnly,
    tabIndex: d.tabIndex,
    ariaHidden: d.ariaHidden,
    rect: d.rect,
    hasLayout: d.hasLayout,
    parentKey: d.parentKey,
    grandparentKey: d.grandparentKey,
    ancestorKeys: d.ancestorKeys,
    formKey: d.formKey,
  };
}

function newRun(doc: Document): CollectRun {
  return {
    keys: new Keys(),
    cache: new Map(),
    labels: new LabelIndex(),
    hasLayout: documentHasLayout(doc),
  };
}

/** One control's descriptor (its texts and box are read when first asked for). */
export function describeField(el: FormControl, index = 0): CollectedField {
  return new LiveField(el, index, newRun(el.ownerDocument));
}

function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument; // null or a throw when cross-origin
  } catch {
    return null;
  }
}

/**
 * Elements that can never hold a shadow root: by the DOM standard only custom elements and
 * article, aside, blockquote, body, div, footer, h1-h6, header, main, nav, p, section and span
 * can. Leaving these out of the search is what keeps it cheap on a long form.
 */
const NEVER_HOSTS = [
  'a,abbr,address,area,audio,b,base,bdi,bdo,br,button,canvas,caption,cite,code,col,colgroup',
  'data,datalist,dd,del,details,dfn,dialog,dl,dt,em,embed,fieldset,figcaption,figure,form',
  'frame,frameset,head,hr,html,i,iframe,img,input,ins,kbd,label,legend,li,link,map,mark,menu',
  'meta,meter,noscript,object,ol,optgroup,option,output,picture,pre,progress,q,rp,rt,ruby,s',
  'samp,script,select,slot,small,source,strong,style,sub,summary,sup,table,tbody,td,template',
  'textarea,tfoot,th,thead,time,title,tr,track,u,ul,var,video,wbr,svg,svg *,math,math *',
].join(',');
const MAYBE_HOSTS = `:not(${NEVER_HOSTS})`;

/** Whether anything under the root holds an open shadow root or a frame. */
function hasNestedRoots(root: Element): boolean {
  if (root.querySelector('iframe,frame')) return true;
  const candidates = root.querySelectorAll(MAYBE_HOSTS);
  for (let i = 0; i < candidates.length; i++) if (candidates[i]?.shadowRoot) return true;
  return false;
}

/** Every form control in document order, through open shadow roots and same-origin frames. */
export function collectFields(doc: Document): CollectedField[] {
  const out: CollectedField[] = [];
  const run = newRun(doc);
  const top = doc.documentElement;
  if (!top) return out;
  // Most pages have neither: one selector query finds their controls in document order.
  if (!hasNestedRoots(top)) {
    const controls = top.querySelectorAll<FormControl>('input,select,textarea');
    for (let i = 0; i < controls.length; i++)
      out.push(new LiveField(controls[i] as FormControl, i, run));
    return out;
  }
  // One native tree walk per root; shadow roots and frames are walked where they sit.
  const visit = (root: Node): void => {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      if (isFormControl(el)) out.push(new LiveField(el, out.length, run));
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
