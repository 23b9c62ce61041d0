/**
 * What both classifiers read of a descriptor: its texts split by where they come from, and
 * whether a person could type into it at all. Pure: no DOM.
 */
import type { FieldDescriptor } from './collect.ts';
import { KEYWORDS, normalizeText } from './keywords.ts';

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

/**
 * A descriptor's texts, normalised once each and only when a scorer first reads them: the
 * name and label decide most fields of a long page, which then never read the text around
 * them. Descriptors are plain data, never mutated.
 */
class FieldTexts implements Texts {
  readonly ids: string;
  readonly labels: string;
  private near: string | undefined = undefined;
  private grouped: string | undefined = undefined;
  constructor(private readonly d: FieldDescriptor) {
    this.ids = normalizeText(`${d.name} ${d.id}`);
    this.labels = normalizeText(`${d.labelText} ${d.ariaLabel} ${d.placeholder} ${d.title}`);
  }
  get nearby(): string {
    this.near ??= normalizeText(this.d.nearbyText);
    return this.near;
  }
  get group(): string {
    this.grouped ??= normalizeText(this.d.groupLabel);
    return this.grouped;
  }
  get all(): string {
    return `${this.ids} ${this.labels} ${this.nearby} ${this.group}`;
  }
}

const textCache = new WeakMap<FieldDescriptor, Texts>();

export function textsOf(d: FieldDescriptor): Texts {
  let texts = textCache.get(d);
  if (!texts) textCache.set(d, (texts = new FieldTexts(d)));
  return texts;
}

/** Visible, enabled, writable: the only fields we ever fill. */
export function usable(d: FieldDescriptor): boolean {
  return !d.disabled && !d.readOnly && !d.hidden && !(d.tabIndex < 0 && d.ariaHidden);
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
