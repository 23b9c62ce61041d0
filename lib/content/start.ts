import type { Browser } from 'webextension-polyfill';
import { startFillAgent } from './agent.ts';
import { startManualAgent } from './fill-here.ts';
import { listenToBackground, type ContentScriptHandlers } from './from-background.ts';

/**
 * The content script: the order's fill agent and the manual fill's page side, answering the
 * background through one listener. A `bg.*` message without an answer here does not compile.
 */
export function startContentScript(browser: Browser, signal: AbortSignal) {
  const handlers: ContentScriptHandlers = {
    ...startFillAgent({ browser, signal }),
    ...startManualAgent({ signal }),
  };
  listenToBackground(browser, signal, handlers);
}
