import type { Runtime } from 'webextension-polyfill';
import {
  contentMessage,
  dispatch,
  pageMessage,
  type ContentProtocol,
  type Handlers,
  type PageProtocol,
  type Reply,
} from '../messaging.ts';
import type { ContentPage } from './content-handlers.ts';
import { fail, ok } from './reply.ts';

type PageReply = PageProtocol[keyof PageProtocol]['reply'];

/**
 * An extension page's message (the sender was checked by routing.ts): validated, answered by
 * its handler, an error as its kind for the UI to word.
 */
export async function answerPage(
  handlers: Handlers<PageProtocol>,
  raw: unknown,
): Promise<Reply<PageReply>> {
  const parsed = pageMessage.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: { kind: 'bad_message', message: 'Bad message.' } };
  try {
    return ok(await dispatch(handlers, parsed.data.type, parsed.data));
  } catch (e) {
    return fail(e);
  }
}

/**
 * A content script's message: only from a tab's top frame, about that tab, as the browser
 * reports the sender; null for anything else or malformed.
 */
export async function answerContent(
  handlers: Handlers<ContentProtocol, [ContentPage]>,
  raw: unknown,
  sender: Runtime.MessageSender,
): Promise<ContentProtocol[keyof ContentProtocol]['reply']> {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || !url || sender.frameId !== 0) return null;
  const parsed = contentMessage.safeParse(raw);
  if (!parsed.success) return null;
  return dispatch(handlers, parsed.data.type, parsed.data, { tabId, url });
}
