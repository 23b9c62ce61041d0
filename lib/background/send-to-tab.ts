import type { Browser } from 'webextension-polyfill';
import type * as z from 'zod/mini';
import {
  toContentReplies,
  type BackgroundToContent,
  type ToContentProtocol,
} from '../messaging.ts';

type ToContentReply<K extends keyof ToContentProtocol> = ToContentProtocol[K]['reply'];

const replies: { [K in keyof ToContentProtocol]: z.ZodMiniType<ToContentReply<K>> } =
  toContentReplies;

/**
 * Sends a message to a tab's content script (its top frame unless told). Resolves to the map's
 * reply, checked here since a page is not trusted to answer in shape, or undefined when the
 * answer is not one; rejects when no script of ours listens there (callers inject it then).
 */
export async function sendToTab<M extends BackgroundToContent>(
  browser: Browser,
  tabId: number,
  message: M,
  options: { frameId: number } = { frameId: 0 },
): Promise<ToContentReply<M['type']> | undefined> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, options);
  return checked<M['type']>(message.type, answer);
}

function checked<K extends keyof ToContentProtocol>(
  type: K,
  answer: unknown,
): ToContentReply<K> | undefined {
  const parsed = replies[type].safeParse(answer);
  return parsed.success ? parsed.data : undefined;
}
