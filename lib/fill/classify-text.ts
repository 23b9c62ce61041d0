/**
 * What both classifiers read of a descriptor: its texts split by where they come from, and
 * whether a person could type into it at all. Pure: no DOM.
 */
import type { FieldDescriptor } from './collect';
import { KEYWORDS, normalizeText } from './keywords';

export const TEXT_LIKE: ReadonlySet<string> = new Set(['text', 'tel', 'number', '', 'password']);

export interface Texts {
  /** name and id */
  ids: string;
  /** label elements, aria-label, placeholder, title */
  labels: string;
  nearby: string;
  group: string;
  all: string;
}

// Every scorer reads the same texts; normalising once per descriptor keeps a 2,000-field page
// well inside the classification budget. Descriptors are plain data, never mutated.
const textCache = new WeakMap<FieldDescriptor, Texts>();

export function textsOf(d: FieldDescriptor): Texts {
  const cached = textCache.get(d);
  if (cached) return cached;
  const ids = normalizeText(`${d.name} ${d.id}`);
  const labels = normalizeText(`${d.labelText} ${d.ariaLabel} ${d.placeholder} ${d.title}`);
  const nearby = normalizeText(d.nearbyText);
  const group = normalizeText(d.groupLabel);
  const texts = { ids, labels, nearby, group, all: `${ids} ${labels} ${nearby} ${group}` };
  textCache.set(d, texts);
  return texts;
}

/** Visible, enabled, writable: the only fields we ever fill. */
export function usable(d: FieldDescriptor): boolean {
  return !d.hidden && !d.disabled && !d.readOnly && !(d.ariaHidden && d.tabIndex < 0);
}

/** A honeypot: a field the page asks humans to leave alone. */
export function isDecoy(d: FieldDescriptor, t: Texts): boolean {
  return KEYWORDS.decoy.test(`${t.ids} ${t.labels} ${normalizeText(d.className)}`);
}

/** Highest score; the earlier field wins a tie (document order). */
export function best<F>(scored: readonly { f: F; s: number }[]): F | null {
  let top: { f: F; s: number } | null = null;
  for (const x of scored) if (!top || x.s > top.s) top = x;
  return top?.f ?? null;
}
