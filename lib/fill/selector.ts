/**
 * A CSS selector for a field the user pointed at (context menu, shortcut), stored per site so
 * the next order fills there first (storage.ts, siteFieldsItem), and its way back to the field.
 * A field inside open shadow roots gets one selector per root, joined by SHADOW_JOIN.
 */

export const SHADOW_JOIN = ' >>> ';

/** Ids a framework generates per render (React `:r1:`, long numbers, hashes) do not last. */
const UNSTABLE_ID = /^:|:$|\d{4,}|[0-9a-f]{10,}|^(?:ember|react|mui|rc-|radix-)/i;

const quote = (s: string): string => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

function unique(root: Document | ShadowRoot, selector: string): boolean {
  try {
    return root.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

function rootOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return root.nodeType === 11 || root.nodeType === 9
    ? (root as Document | ShadowRoot)
    : el.ownerDocument;
}

/** A short selector that picks exactly `el` in its own root (document or shadow root). */
function selectorInRoot(el: Element, root: Document | ShadowRoot): string {
  const tag = el.localName;
  if (el.id && !UNSTABLE_ID.test(el.id)) {
    const byId = `${tag}[id=${quote(el.id)}]`;
    if (unique(root, byId)) return byId;
  }
  const name = el.getAttribute('name');
  if (name) {
    const byName = `${tag}[name=${quote(name)}]`;
    if (unique(root, byName)) return byName;
  }
  // A path of nth-of-type steps up to the root or to an ancestor with a stable unique id.
  const steps: string[] = [];
  let node: Element | null = el;
  while (node) {
    const parent: Element | null = node.parentElement;
    if (node !== el && node.id && !UNSTABLE_ID.test(node.id)) {
      const anchor = `${node.localName}[id=${quote(node.id)}]`;
      if (unique(root, anchor)) {
        steps.unshift(anchor);
        break;
      }
    }
    const name = node.localName;
    const siblings: Element[] = parent
      ? Array.from(parent.children).filter((c) => c.localName === name)
      : [];
    steps.unshift(
      siblings.length > 1 ? `${name}:nth-of-type(${siblings.indexOf(node) + 1})` : name,
    );
    if (!parent || name === 'html') break;
    node = parent;
  }
  return steps.join(' > ');
}

/** The selector for `el`, through the open shadow roots it sits in. */
export function selectorFor(el: Element): string {
  const parts: string[] = [];
  let node: Element | null = el;
  while (node) {
    const root = rootOf(node);
    parts.unshift(selectorInRoot(node, root));
    node = root.nodeType === 11 ? (root as ShadowRoot).host : null;
  }
  return parts.join(SHADOW_JOIN);
}

/** The element a stored selector names now, or null (the page changed, a bad selector). */
export function resolveSelector(doc: Document, selector: string): Element | null {
  let root: Document | ShadowRoot | null = doc;
  let found: Element | null = null;
  for (const part of selector.split(SHADOW_JOIN)) {
    if (!root) return null;
    try {
      found = root.querySelector(part);
    } catch {
      return null;
    }
    root = found?.shadowRoot ?? null;
  }
  return found;
}
