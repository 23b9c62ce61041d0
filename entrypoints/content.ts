import browser from 'webextension-polyfill';
import { startFillAgent } from '@/lib/content/agent.ts';
import { startManualAgent } from '@/lib/content/manual.ts';

// Never at install: injected into the tab that ordered (scripting.executeScript, activeTab), or
// registered for an open order's site while the user allows it (lib/background/registration.ts).
// A second injection invalidates the first one's context (WXT), so one agent runs per page.
export default defineContentScript({
  matches: ['https://*/*', 'http://*/*'],
  registration: 'runtime',
  main(ctx) {
    startFillAgent({ browser, signal: ctx.signal });
    startManualAgent({ browser, signal: ctx.signal });
  },
});
