/**
 * Typing the way a user does: focus, key events, the native value setter (so React-controlled
 * inputs see the change), InputEvent with inputType and data, change. Constructors come from
 * the element's own window so frames and test windows work.
 */

type TextControl = HTMLInputElement | HTMLTextAreaElement;
type View = Window & typeof globalThis;

export function viewOf(el: Element, fallback: View | null = globalThis.window ?? null): View {
  const view = el.ownerDocument.defaultView ?? fallback;
  if (!view) throw new Error('The element has no window to build events from');
  return view;
}

/** Sets `value` through the prototype's setter, bypassing per-instance trackers (React). */
export function setNativeValue(el: TextControl | HTMLSelectElement, value: string): void {
  const view = viewOf(el);
  const proto =
    el.localName === 'textarea'
      ? view.HTMLTextAreaElement.prototype
      : el.localName === 'select'
        ? view.HTMLSelectElement.prototype
        : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function setNativeSelectedIndex(el: HTMLSelectElement, index: number): void {
  const setter = Object.getOwnPropertyDescriptor(
    viewOf(el).HTMLSelectElement.prototype,
    'selectedIndex',
  )?.set;
  if (setter) setter.call(el, index);
  else el.selectedIndex = index;
}

const BASE = { bubbles: true, cancelable: true, composed: true } as const;

function keyCode(key: string): string {
  if (/^\d$/.test(key)) return `Digit${key}`;
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  return key === '+' ? 'Equal' : '';
}

/** Dispatches a keyboard event; false when the page cancelled it. */
export function key(el: Element, type: 'keydown' | 'keypress' | 'keyup', k: string): boolean {
  const view = viewOf(el);
  const ev = new view.KeyboardEvent(type, { ...BASE, key: k, code: keyCode(k) });
  return el.dispatchEvent(ev);
}

/** Dispatches beforeinput or input; false when beforeinput was cancelled. */
export function inputEvent(
  el: Element,
  type: 'beforeinput' | 'input',
  inputType: string,
  data: string | null,
): boolean {
  const view = viewOf(el);
  const init = { ...BASE, cancelable: type === 'beforeinput', inputType, data };
  const ev =
    typeof view.InputEvent === 'function'
      ? new view.InputEvent(type, init)
      : new view.Event(type, init);
  return el.dispatchEvent(ev);
}

export function changeEvent(el: Element): void {
  el.dispatchEvent(new (viewOf(el).Event)('change', { bubbles: true }));
}

export function focus(el: HTMLElement): void {
  if (el.ownerDocument.activeElement !== el) el.focus({ preventScroll: true });
}

export function clear(el: TextControl): void {
  if (el.value === '') return;
  focus(el);
  if (!inputEvent(el, 'beforeinput', 'deleteContentBackward', null)) return;
  setNativeValue(el, '');
  inputEvent(el, 'input', 'deleteContentBackward', null);
}

function full(el: TextControl): boolean {
  const max = el.maxLength;
  return (
    el.localName === 'input' &&
    (el as HTMLInputElement).type !== 'number' &&
    max > 0 &&
    el.value.length >= max
  );
}

/** Types text one character at a time at the end of the field, honouring cancelled events. */
export function typeText(el: TextControl, text: string): void {
  focus(el);
  for (const ch of text) {
    const down = key(el, 'keydown', ch);
    const press = down && key(el, 'keypress', ch);
    if (down && press && !full(el) && inputEvent(el, 'beforeinput', 'insertText', ch)) {
      setNativeValue(el, el.value + ch);
      inputEvent(el, 'input', 'insertText', ch);
    }
    key(el, 'keyup', ch);
  }
  changeEvent(el);
}

/** A paste: ClipboardEvent with DataTransfer where the window has them, then the insertion. */
export function pasteText(el: TextControl, text: string): void {
  const view = viewOf(el);
  focus(el);
  let data: DataTransfer | null = null;
  try {
    data = new view.DataTransfer();
    data.setData('text/plain', text);
  } catch {
    data = null;
  }
  let ev: Event;
  try {
    ev = new view.ClipboardEvent('paste', { ...BASE, clipboardData: data });
  } catch {
    ev = new view.Event('paste', BASE);
  }
  if (el.dispatchEvent(ev) && inputEvent(el, 'beforeinput', 'insertFromPaste', text)) {
    setNativeValue(el, text);
    inputEvent(el, 'input', 'insertFromPaste', text);
  }
  changeEvent(el);
}

/** Last resort: set the value with one input event, no keys. */
export function setValue(el: TextControl, text: string): void {
  focus(el);
  setNativeValue(el, text);
  inputEvent(el, 'input', 'insertReplacementText', text);
  changeEvent(el);
}

/** Leaves the field as a user tabbing on would: lazy inputs commit their value on blur. */
export function commit(el: HTMLElement): void {
  if (el.ownerDocument.activeElement === el) el.blur();
}

export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function click(el: Element): void {
  const view = viewOf(el);
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const Ctor =
      type.startsWith('pointer') && typeof view.PointerEvent === 'function'
        ? view.PointerEvent
        : view.MouseEvent;
    el.dispatchEvent(new Ctor(type, { ...BASE, view }));
  }
}
