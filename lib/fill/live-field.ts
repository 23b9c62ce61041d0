/**
 * One control as a descriptor whose costly parts are read on first use (see FieldReads).
 */
import { TEXT_LIKE } from './classify-text.ts';
import type {
  CollectedField,
  FieldDescriptor,
  FieldTag,
  FormControl,
  OptionDescriptor,
  Rect,
} from './collect.ts';
import {
  cleanText,
  groupLabelOf,
  isFormControl,
  LabelIndex,
  labelTextOf,
  nearbyTextOf,
  nearImageOf,
  textOf,
} from './collect-text.ts';
import { Attributes, NO_TOKENS, readAttributes, type AttributeSlots } from './field-attributes.ts';
import { isHidden, type Visibility } from './field-visibility.ts';

const MAX_OPTIONS = 400;

/** A typed-in input: the only kind of control that can be a phone or code field. */
const typedIn = (tag: FieldTag, type: string): boolean => tag === 'input' && TEXT_LIKE.has(type);

export class Keys {
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

/** What one collect run shares between its fields: identities, walk-up cache, label index. */
export interface CollectRun {
  keys: Keys;
  cache: Map<Element, Visibility>;
  labels: LabelIndex;
  hasLayout: boolean;
  /** The document every control of this run is in, when none is in a shadow root or frame. */
  root: Document | null;
}

/**
 * One control as a descriptor. What costs a layout read or a walk around the element (box,
 * visibility, label, nearby text, group, image, dial code, options, identities) is read the
 * first time a classifier asks, then kept: on a long page most fields are ruled out by their
 * attributes and labels, and never pay for the rest. The attributes are read by the subclass.
 */
abstract class FieldReads {
  readonly tag: FieldTag;
  readonly type: string;
  readonly hasLayout: boolean;
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
    protected readonly run: CollectRun,
    tag: FieldTag,
    type: string,
  ) {
    this.tag = tag;
    this.type = type;
    this.hasLayout = run.hasLayout;
  }

  /** The control's attributes: the descriptor itself, or the record it reads them into. */
  protected abstract attributes(): AttributeSlots;

  /** Only a typed-in input can be a phone or code field: the walks around it are for those. */
  private get typed(): boolean {
    return typedIn(this.tag, this.type);
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
    if (this.label === undefined) {
      const { id, labelledBy } = this.attributes();
      this.label = labelTextOf(this.element, this.run.labels, {
        id,
        labelledBy,
        root: this.run.root,
      });
    }
    return this.label;
  }
  get nearbyText(): string {
    this.nearby ??= nearbyTextOf(this.element, this.run.labels);
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
  toJSON(): FieldDescriptor {
    return plainDescriptor(this as unknown as FieldDescriptor);
  }
}

/**
 * A typed-in input (the only kind that can be a phone or code field): its attributes are read
 * when it is made, into plain fields, since the classifiers read every one of them.
 */
export class LiveField extends FieldReads implements CollectedField, AttributeSlots {
  name = '';
  id = '';
  className = '';
  autocomplete: string[] = NO_TOKENS;
  inputMode = '';
  maxLength: number | null = null;
  pattern = '';
  placeholder = '';
  ariaLabel = '';
  title = '';
  disabled = false;
  readOnly = false;
  tabIndex = 0;
  labelledBy = '';

  constructor(element: FormControl, index: number, run: CollectRun, type: string) {
    super(element, index, run, 'input', type);
    readAttributes(element, this);
  }

  protected attributes(): AttributeSlots {
    return this;
  }
}

/**
 * Any other control (a select, a checkbox, a hidden or e-mail input): the classifiers rule it
 * out by its tag and type, so its attributes are read only if something asks for one.
 */
class QuietField extends FieldReads implements CollectedField {
  private attrs: Attributes | undefined = undefined;

  protected attributes(): Attributes {
    if (!this.attrs) {
      this.attrs = new Attributes();
      readAttributes(this.element, this.attrs);
    }
    return this.attrs;
  }
  get name(): string {
    return this.attributes().name;
  }
  get id(): string {
    return this.attributes().id;
  }
  get className(): string {
    return this.attributes().className;
  }
  get autocomplete(): string[] {
    return this.attributes().autocomplete;
  }
  get inputMode(): string {
    return this.attributes().inputMode;
  }
  get maxLength(): number | null {
    return this.attributes().maxLength;
  }
  get pattern(): string {
    return this.attributes().pattern;
  }
  get placeholder(): string {
    return this.attributes().placeholder;
  }
  get ariaLabel(): string {
    return this.attributes().ariaLabel;
  }
  get title(): string {
    return this.attributes().title;
  }
  get disabled(): boolean {
    return this.attributes().disabled;
  }
  get readOnly(): boolean {
    return this.attributes().readOnly;
  }
  get tabIndex(): number {
    return this.attributes().tabIndex;
  }
}

/**
 * The descriptor of one control: eager attributes for a typed-in input, lazy for the rest.
 * The type is an input's canonical type (the property), the tag for the other controls.
 */
export function describe(element: FormControl, index: number, run: CollectRun): CollectedField {
  const tag = element.localName as FieldTag;
  const type = tag === 'input' ? (element as HTMLInputElement).type.toLowerCase() : tag;
  return typedIn(tag, type)
    ? new LiveField(element, index, run, type)
    : new QuietField(element, index, run, tag, type);
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
