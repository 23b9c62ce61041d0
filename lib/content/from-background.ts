import type { Browser, Runtime } from 'webextension-polyfill';
import { backgroundToContent, type ToContentProtocol } from '../messaging.ts';

type ToContent = ToContentProtocol;

/**
 * The content script's answers to the background: one handler per `bg.*` message. A message
 * the background expects no answer to (a poke) is answered synchronously with nothing.
 */
export type ContentScriptHandlers = {
  [K in keyof ToContent]: (
    msg: ToContent[K]['request'],
  ) => ToContent[K]['reply'] | Promise<ToContent[K]['reply']>;
};

/** Only our own background (or popup) may speak to this script, never a page or a tab. */
function fromOurExtension(browser: Browser, sender: Runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && sender.tab === undefined;
}

function run<K extends keyof ToContent>(
  handlers: Partial<ContentScriptHandlers>,
  type: K,
  msg: ToContent[K]['request'],
) {
  const handler: ContentScriptHandlers[K] | undefined = handlers[type];
  return handler?.(msg);
}

/**
 * The one `runtime.onMessage` listener of the content script: a message from elsewhere, out
 * of shape, or without a handler here gets no answer (undefined: the browser tells the sender
 * nobody answered). Removed when `signal` aborts (a newer script took over, lifetime.ts).
 */
export function listenToBackground(
  browser: Browser,
  signal: AbortSignal,
  handlers: Partial<ContentScriptHandlers>,
) {
  const onMessage = (message: unknown, sender?: Runtime.MessageSender) => {
    if (!fromOurExtension(browser, sender)) return undefined;
    const parsed = backgroundToContent.safeParse(message);
    if (!parsed.success) return undefined;
    return run(handlers, parsed.data.type, parsed.data);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
