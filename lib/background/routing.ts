/** Who sent a runtime message, as far as the browser vouches for it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type Route =
  | { to: 'page' }
  | { to: 'content'; tabId: number; frameId: number; url: string }
  | { to: 'drop'; why: string };

/**
 * Decides which handler may see a message, from the sender the browser reports (never from
 * the message itself): our own extension pages (popup, options) may order, cancel and read
 * settings; a content script in a tab may only talk about that tab; anything else is dropped.
 */
export function routeMessage(sender: SenderInfo, runtimeId: string, extensionBase: string): Route {
  if (sender.id !== runtimeId) return { to: 'drop', why: 'another extension or a web page' };
  const url = sender.url ?? '';
  if (url.startsWith(extensionBase)) return { to: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { to: 'drop', why: 'no tab' };
  if (!/^https?:\/\//.test(url)) return { to: 'drop', why: 'not a web page' };
  return { to: 'content', tabId, frameId: sender.frameId ?? -1, url };
}
