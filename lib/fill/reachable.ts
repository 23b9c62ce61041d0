/**
 * Whether the user can reach a field (issue 17): a page may hide a trap field in many ways
 * that styles alone do not reveal (clip-path, a 1 px box, a zero-height parent, a cover, a
 * tiny scale, far off-screen, behind the page). The test is the user's own: the field is
 * rendered, a few pixels of it are on screen once scrolled into view, and what sits at its
 * centre (elementFromPoint) is the field itself or its own label. A transparent field (the
 * input-otp pattern: a clear input laid over drawn boxes) must sit on something the user
 * sees that belongs to it: boxes drawn next to it in the tree.
 */
import { documentHasLayout } from './collect.ts';

/** Fewer pixels than this across, and nobody can click or read it. */
const MIN_PX = 6;
/** How far up the tree drawn boxes may share an ancestor with their transparent input. */
const WIDGET_DEPTH = 4;

function styleOf(el: Element): CSSStyleDeclaration | null {
  return el.ownerDocument.defaultView?.getComputedStyle(el) ?? null;
}

function parentOf(el: Element): Element | null {
  const root = el.getRootNode();
  return el.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
}

/** Opacity as the user sees it: the product over the element and its ancestors. */
function shownOpacity(el: Element): number {
  let opacity = 1;
  for (let at: Element | null = el; at; at = parentOf(at)) {
    const value = Number.parseFloat(styleOf(at)?.opacity ?? '1');
    if (Number.isFinite(value)) opacity *= value;
  }
  return opacity;
}

const clear = (color: string | undefined) =>
  !color || color === 'transparent' || /rgba\([^)]*,\s*0(?:\.0+)?\)$/.test(color);

/** Nothing of the field itself is drawn: no opacity, or no text, fill or border colour. */
function transparent(el: Element): boolean {
  if (shownOpacity(el) < 0.05) return true;
  const s = styleOf(el);
  if (!s) return false;
  const border = Number.parseFloat(s.borderTopWidth) > 0 && !clear(s.borderTopColor);
  return clear(s.color) && clear(s.backgroundColor) && !border;
}

function rendered(el: Element): boolean {
  if (!el.isConnected || el.getClientRects().length === 0) return false;
  const s = styleOf(el);
  if (s && (s.visibility === 'hidden' || s.visibility === 'collapse')) return false;
  const check = (el as { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return check ? check.call(el, { visibilityProperty: true, contentVisibilityAuto: true }) : true;
}

/** The field's centre in its viewport, scrolled into view first when it lies outside it. */
function centreOnScreen(el: Element): { x: number; y: number } | null {
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  let r = el.getBoundingClientRect();
  const outside =
    r.bottom <= 0 || r.right <= 0 || r.top >= view.innerHeight || r.left >= view.innerWidth;
  if (outside) {
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    r = el.getBoundingClientRect();
  }
  // The part inside the viewport must be a few pixels each way.
  const w = Math.min(r.right, view.innerWidth) - Math.max(r.left, 0);
  const h = Math.min(r.bottom, view.innerHeight) - Math.max(r.top, 0);
  if (w < MIN_PX || h < MIN_PX) return null;
  return { x: Math.max(r.left, 0) + w / 2, y: Math.max(r.top, 0) + h / 2 };
}

function hitStack(el: Element, x: number, y: number): Element[] {
  const root = el.getRootNode();
  const from = root instanceof ShadowRoot || root instanceof Document ? root : el.ownerDocument;
  return from.elementsFromPoint(x, y);
}

/** A label of the field (a floating label may lie over its centre). */
function ownLabel(el: Element, hit: Element): boolean {
  const labels = (el as HTMLInputElement).labels;
  if (labels && Array.from(labels).some((l) => l.contains(hit))) return true;
  const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return ids.some((id) => id && el.ownerDocument.getElementById(id)?.contains(hit));
}

/** Something drawn under a transparent field that belongs to its widget, not the page. */
function drawnBoxesUnder(el: Element, below: Element[]): boolean {
  const near: Element[] = [];
  for (let at = parentOf(el), i = 0; at && i < WIDGET_DEPTH; at = parentOf(at), i++) near.push(at);
  return below.some(
    (e) =>
      !e.contains(el) &&
      near.some((a) => a.contains(e)) &&
      e.getBoundingClientRect().width >= MIN_PX &&
      shownOpacity(e) >= 0.05,
  );
}

function reachableOnScreen(el: Element): boolean {
  const centre = centreOnScreen(el);
  if (!centre) return false;
  const stack = hitStack(el, centre.x, centre.y);
  const top = stack[0];
  if (!top) return false;
  const onTop = top === el || el.contains(top);
  if (!onTop) return ownLabel(el, top) && !transparent(el);
  if (!transparent(el)) return true;
  return drawnBoxesUnder(el, stack.slice(stack.indexOf(el) + 1)) || ownLabel(el, stack[1] ?? el);
}

export function isReachable(el: Element): boolean {
  if (!documentHasLayout(el.ownerDocument)) return true; // a DOM without layout (unit tests)
  if (!rendered(el)) return false;
  const view = el.ownerDocument.defaultView;
  const before = view ? { x: view.scrollX, y: view.scrollY } : null;
  const reachable = reachableOnScreen(el);
  // A trap far down or far right must not leave the page scrolled to it.
  if (!reachable && before && view) view.scrollTo(before.x, before.y);
  return reachable;
}
