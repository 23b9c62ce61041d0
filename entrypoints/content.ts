import browser from 'webextension-polyfill';
import { takeOverAgents } from '@/lib/content/lifetime.ts';
import { startContentScript } from '@/lib/content/start.ts';

// Never at install: injected into the tab that ordered (scripting.executeScript, activeTab), or
// registered for an open order's site while the user allows it (lib/background/registration.ts).
// WXT's ctx is not used: a page can forge the event that invalidates it (lib/content/lifetime.ts).
export default defineContentScript({
  matches: ['https://*/*', 'http://*/*'],
  registration: 'runtime',
  // WXT would post "content-script-started", with our extension id, to the page.
  noScriptStartedPostMessage: true,
  main() {
    startContentScript(browser, takeOverAgents());
  },
});
