/**
 * Country calling-code controls next to a phone field: a native <select> (options with dial
 * codes, ISO codes or country names) and button pickers that open a list (intl-tel-input,
 * react-phone-number-input's flag button, ARIA listboxes). Each is driven the way a user
 * drives it, and the result is read back.
 */
import type { PhoneParts } from '../phone/index.ts';
import { describeField } from './collect.ts';
import { matchDialOption } from './dial.ts';
import {
  changeEvent,
  click,
  focus,
  inputEvent,
  key,
  setNativeSelectedIndex,
  tick,
} from './events.ts';

const digits = (s: string): string => s.replace(/\D/g, '');

function pageLocales(el: Element): string[] {
  const lang = el.ownerDocument.documentElement.lang;
  return lang ? [lang] : [];
}

/** Selects the option for the number's country in a dial-code <select>; false when none fits. */
export function selectDialCode(select: HTMLSelectElement, parts: PhoneParts): boolean {
  const options = Array.from(select.options).map((o) => ({
    value: o.value,
    text: o.textContent ?? '',
  }));
  const index = matchDialOption(options, parts, pageLocales(select));
  if (index < 0) return false;
  if (select.selectedIndex !== index) {
    focus(select);
    setNativeSelectedIndex(select, index);
    inputEvent(select, 'input', 'insertReplacementText', null);
    changeEvent(select);
  }
  return select.selectedIndex === index;
}

const WIDGET =
  '.iti, .intl-tel-input, .PhoneInput, .react-tel-input, [class*=phone-input], [class*=PhoneInput]';
const COUNTRY_ITEM =
  '[data-country-code], [data-iso2], [data-dial-code], [data-country], [role=option]';
const OPENER =
  '.iti__selected-flag, .iti__selected-country, .selected-flag, .flag-dropdown, ' +
  '[aria-haspopup=listbox], [aria-haspopup=true], [role=combobox], button:not([type=submit])';
const LEVELS_UP = 3;

function before(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The picker's button: in the widget, before the field (a submit button never counts). */
function openerFor(input: HTMLInputElement): { widget: Element; opener: Element } | null {
  const known = input.closest(WIDGET);
  const roots: Element[] = known ? [known] : [];
  for (let el = input.parentElement, i = 0; el && i < LEVELS_UP; el = el.parentElement, i++)
    roots.push(el);
  for (const widget of roots) {
    const opener = Array.from(widget.querySelectorAll(OPENER)).find(
      (o) => before(o, input) && !o.contains(input) && o.localName !== 'select',
    );
    if (opener) return { widget, opener };
  }
  return null;
}

function itemOption(el: Element): { value: string; text: string } {
  const value =
    el.getAttribute('data-country-code') ??
    el.getAttribute('data-iso2') ??
    el.getAttribute('data-country') ??
    el.getAttribute('data-value') ??
    '';
  const dial = el.getAttribute('data-dial-code');
  const text = `${el.textContent ?? ''} ${dial ? `+${digits(dial)}` : ''}`.replace(/\s+/g, ' ');
  return { value, text: text.trim() };
}

/** Items of the opened list: inside the widget, or a listbox the page rendered elsewhere. */
function countryItems(widget: Element, opener: Element): Element[] {
  const own = Array.from(widget.querySelectorAll(COUNTRY_ITEM)).filter((el) => el !== opener);
  if (own.length) return own;
  const doc = widget.ownerDocument;
  const controlled = opener.getAttribute('aria-controls');
  const list = (controlled && doc.getElementById(controlled)) || doc;
  return Array.from(list.querySelectorAll('[role=listbox] [role=option], [role=option]'));
}

/**
 * A button picker's country rows as the page holds them now, without opening it (intl-tel-input
 * renders its whole list up front); empty when there is no picker or its list appears only
 * once opened. Only the widget's own rows or the list its button controls, never the page's.
 */
export function widgetCountryRows(input: HTMLInputElement): { value: string; text: string }[] {
  const found = openerFor(input);
  if (!found) return [];
  const { widget, opener } = found;
  const own = Array.from(widget.querySelectorAll(COUNTRY_ITEM)).filter((el) => el !== opener);
  const controlled = opener.getAttribute('aria-controls');
  const list = controlled ? input.ownerDocument.getElementById(controlled) : null;
  const rows = own.length ? own : list ? Array.from(list.querySelectorAll('[role=option]')) : [];
  return rows.map(itemOption);
}

/**
 * Picks the number's country in a button picker: open it, click the matching item, and read
 * back the dial code now shown before the field. False when there is no picker, no matching
 * item, or the page did not take the choice.
 */
export async function chooseWidgetCountry(
  input: HTMLInputElement,
  parts: PhoneParts,
): Promise<boolean> {
  const found = openerFor(input);
  if (!found) return false;
  const { widget, opener } = found;
  const expanded = opener.getAttribute('aria-expanded') === 'true';
  if (!expanded) click(opener);
  await tick();
  const items = countryItems(widget, opener);
  const index = matchDialOption(items.map(itemOption), parts, pageLocales(input));
  const item = items[index];
  if (!item) {
    // Leave the page as it was: close the list we opened.
    key(opener, 'keydown', 'Escape');
    if (!expanded && opener.getAttribute('aria-expanded') === 'true') click(opener);
    return false;
  }
  click(item);
  await tick();
  return describeField(input).adjacentDialCode === parts.dialCode;
}
