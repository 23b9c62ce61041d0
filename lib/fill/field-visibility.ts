/**
 * Whether a control is shown: one native call per field where the browser lays the page out,
 * a cached walk up the computed styles where it does not (happy-dom, jsdom).
 */
import type { FormControl, Rect } from './collect.ts';

function styleOf(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  try {
    return view ? view.getComputedStyle(el) : null;
  } catch {
    return null;
  }
}

const OFF_SCREEN_PX = -500;

export interface Visibility {
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

export function isHidden(
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
