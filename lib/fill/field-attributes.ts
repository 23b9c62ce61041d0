/**
 * The attributes classify reads of a control, read in one pass over the names it carries.
 */
import { cleanText } from './collect-text.ts';
import type { FieldDescriptor, FormControl } from './collect.ts';

/** Shared by every field without an autocomplete attribute; frozen, so nobody can add to it. */
export const NO_TOKENS: string[] = Object.freeze([]) as unknown as string[];

/** Where a control's attributes are kept: the descriptor itself, or a record beside it. */
export type AttributeSlots = Pick<
  FieldDescriptor,
  | 'name'
  | 'id'
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
> & {
  /** aria-labelledby as written: read with the others, used by the label read. */
  labelledBy: string;
};

/** A control's attributes as a record of their own, with the defaults of absent ones. */
export class Attributes implements AttributeSlots {
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
}

function tokens(value: string | null): string[] {
  return value ? value.toLowerCase().split(/\s+/).filter(Boolean) : NO_TOKENS;
}

function parseMaxLength(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Reads the attributes from the names the element actually has: most controls carry three or
 * four, so one native call and a read per present one, not a dozen reads. `into` starts at the
 * defaults. disabled, readonly and tabindex are read as the properties that reflect them.
 */
export function readAttributes(el: FormControl, into: AttributeSlots): void {
  const names = el.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    // The commonest first. `type` is read as the property, which canonicalises it.
    if (name === 'type') continue;
    if (name === 'id') into.id = el.id;
    else if (name === 'name') into.name = el.getAttribute(name) ?? '';
    else if (name === 'class') into.className = el.className;
    else if (name === 'placeholder') into.placeholder = cleanText(el.getAttribute(name));
    else if (name === 'autocomplete') into.autocomplete = tokens(el.getAttribute(name));
    else if (name === 'maxlength') into.maxLength = parseMaxLength(el.getAttribute(name));
    else if (name === 'aria-label') into.ariaLabel = cleanText(el.getAttribute(name));
    else if (name === 'inputmode') into.inputMode = (el.getAttribute(name) ?? '').toLowerCase();
    else if (name === 'pattern') into.pattern = el.getAttribute(name) ?? '';
    else if (name === 'title') into.title = cleanText(el.getAttribute(name));
    else if (name === 'disabled') into.disabled = el.disabled;
    else if (name === 'readonly') into.readOnly = 'readOnly' in el && el.readOnly;
    else if (name === 'tabindex') into.tabIndex = el.tabIndex;
    else if (name === 'aria-labelledby') into.labelledBy = el.getAttribute(name) ?? '';
  }
}
