/**
 * The control that sends the code for a phone field, found the same way on any page: the
 * field's form's submit button, or else the nearest button around the field that says it
 * sends a code (send-words.ts). After a swapped number is filled it gets the focus, so one
 * Enter or click sends the new number; it is never clicked for the user.
 */
import { documentHasLayout } from './collect.ts';
import { GO_ON_WORDS, NEVER_WORDS, SEND_WORDS } from './send-words.ts';
import { hasWord } from './whole-word.ts';

/** How far up from the field a form-less page's "Send code" button is looked for. */
const MAX_DEPTH = 6;

const BUTTONS = [
  'button',
  'input[type="submit" i]',
  'input[type="button" i]',
  'input[type="image" i]',
  '[role="button"]',
  'a[href]',
].join(',');

const words = (table: Readonly<Record<string, readonly string[]>>) =>
  [...new Set(Object.values(table).flat())].map((w) => w.toLocaleLowerCase());
const SEND = words(SEND_WORDS);
const GO_ON = words(GO_ON_WORDS);
const NEVER = words(NEVER_WORDS);

/** What the control says: its accessible name as the page gives it, lower case. */
function nameOf(el: Element): string {
  const value = el instanceof HTMLInputElement ? el.value : '';
  const text =
    el.getAttribute('aria-label') || el.textContent || value || el.getAttribute('title') || '';
  return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** 0: says it sends a code, 1: a step forward, 2: says neither; null: must not be chosen. */
function rank(el: Element): number | null {
  const name = nameOf(el);
  if (NEVER.some((w) => hasWord(name, w))) return null;
  if (SEND.some((w) => hasWord(name, w))) return 0;
  if (GO_ON.some((w) => hasWord(name, w))) return 1;
  return 2;
}

/** The user can see and press it. */
function usable(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') {
    return false;
  }
  const view = el.ownerDocument.defaultView;
  for (let at: Element | null = el; at; at = at.parentElement) {
    const style = view?.getComputedStyle(at);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return !documentHasLayout(el.ownerDocument) || el.getClientRects().length > 0;
}

function isSubmit(el: Element): boolean {
  if (el instanceof HTMLButtonElement) return el.type === 'submit';
  return el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image');
}

/** The best ranked of `controls` (document order breaks ties); `maxRank` excludes the rest. */
function best(controls: readonly Element[], maxRank: number): HTMLElement | null {
  let chosen: { el: HTMLElement; rank: number } | null = null;
  for (const el of controls) {
    if (!(el instanceof HTMLElement) || !usable(el)) continue;
    const r = rank(el);
    if (r === null || r > maxRank) continue;
    if (!chosen || r < chosen.rank) chosen = { el, rank: r };
  }
  return chosen?.el ?? null;
}

/**
 * The control that sends the code for the phone field `input`: a submit button of its form
 * (the one saying it sends a code, else the form's first: the one Enter presses), or else the
 * nearest button around the field whose text or aria-label says it sends a code or goes on.
 * Null when the page has none of these.
 */
export function findSubmitControl(input: HTMLElement): HTMLElement | null {
  const form = (input as HTMLInputElement).form ?? input.closest('form');
  if (form) {
    const submits = best([...form.elements].filter(isSubmit), 2);
    if (submits) return submits;
  }
  let at: Element | null = input.parentElement;
  for (let depth = 0; at && depth < MAX_DEPTH; depth++, at = at.parentElement) {
    const found = best([...at.querySelectorAll(BUTTONS)], 1);
    if (found) return found;
    if (at === input.ownerDocument.body) break;
  }
  return null;
}

/** Puts the focus on the phone field's send control, without pressing it; returns it. */
export function focusSubmitControl(input: HTMLElement): HTMLElement | null {
  const control = findSubmitControl(input);
  control?.focus({ preventScroll: false });
  return control;
}
