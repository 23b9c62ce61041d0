import { fieldErrorTexts } from '../fill/field-errors.ts';
import { holdsNumber, type PhoneTarget } from '../fill/index.ts';
import { rejectionIn } from '../fill/rejection.ts';
import { REJECTION_TEXT_MAX, type ContentMessage } from '../messaging.ts';

/** How long after the user's last submit or click in the form a refusal is looked for. */
export const REJECTION_WATCH_MS = 60_000;
/** Mutations come in bursts while a page renders its error: one look per burst. */
const THROTTLE_MS = 200;

export interface RejectionWatchOptions {
  doc: Document;
  signal: AbortSignal;
  /** The ordered number, E.164. */
  phone: string;
  /** The page's phone field now (it may be rendered again). */
  target: () => PhoneTarget | null;
  /** Called at most once, with the page's error text (clipped). */
  onRejected: (text: string) => void;
  now?: () => number;
}

const inputsOf = (t: PhoneTarget) => t.parts?.map((p) => p.input) ?? [t.input];

/**
 * After the phone is filled: once the user submits the phone's form (or clicks in it), watches
 * the phone field's own error signals for a while and reports when the page says it refuses
 * the number. Only while the field still holds the ordered number: an error about a number
 * the user typed instead is not ours to act on.
 */
export function watchRejection(o: RejectionWatchOptions): void {
  const { doc, signal } = o;
  const now = o.now ?? Date.now;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let armedUntil = 0;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (done || signal.aborted || now() > armedUntil) return;
    const target = o.target();
    if (!target || !holdsNumber(target, o.phone)) return;
    const text = fieldErrorTexts(inputsOf(target)).find((t) => rejectionIn(t) !== null);
    if (!text) return;
    done = true;
    stop();
    o.onRejected(text.slice(0, REJECTION_TEXT_MAX));
  };
  const schedule = () => {
    if (timer === undefined && !done) timer = setTimeout(check, THROTTLE_MS);
  };
  const observer = new Observer(schedule);
  const disarm = () => {
    observer.disconnect();
    clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    armedUntil = now() + REJECTION_WATCH_MS;
    observer.observe(doc, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [
        'aria-invalid',
        'aria-describedby',
        'aria-errormessage',
        'hidden',
        'class',
        'style',
      ],
    });
    clearTimeout(expiry);
    expiry = setTimeout(disarm, REJECTION_WATCH_MS);
    schedule();
  };
  /** A submit of the phone field's form, or a click in it (a "Send code" button, Enter). */
  const onUserAct = (event: Event) => {
    const target = o.target();
    const at = event.target instanceof Node ? event.target : null;
    if (!target || !at) return;
    // No form: the field's near surroundings, where its "Send code" button sits.
    const scope = target.input.closest('form') ?? target.input.parentElement?.parentElement;
    if (scope?.contains(at)) arm();
  };
  function stop() {
    disarm();
    clearTimeout(expiry);
    doc.removeEventListener('submit', onUserAct, true);
    doc.removeEventListener('click', onUserAct, true);
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) return;
  doc.addEventListener('submit', onUserAct, true);
  doc.addEventListener('click', onUserAct, true);
  signal.addEventListener('abort', stop);
}

export interface RejectionWatcherDeps {
  doc: Document;
  signal: AbortSignal;
  target: () => PhoneTarget | null;
  send: (m: ContentMessage) => Promise<unknown>;
}

/** The fill agent's hook: one watch per order, reported to the background once. */
export function rejectionWatcher(deps: RejectionWatcherDeps) {
  const watched = new Set<string>();
  return (orderId: string, phone: string) => {
    if (watched.has(orderId)) return;
    watched.add(orderId);
    watchRejection({
      ...deps,
      phone,
      onRejected: (text) => {
        void deps.send({ type: 'content.rejected', orderId, text }).catch(() => undefined);
      },
    });
  };
}
