import browser from 'webextension-polyfill';
import { startFillAgent } from '@/lib/content/agent.ts';
import { startManualAgent } from '@/lib/content/manual.ts';

// Injected on demand into the tab that ordered (scripting.executeScript), never at install.
// A second injection invalidates the first one's context (WXT), so one agent runs per page.
export default defineContentScript({
  matches: ['https://*/*', 'http://*/*'],
  registration: 'runtime',
  main(ctx) {
    startFillAgent({ browser, signal: ctx.signal });
    startManualAgent({ browser, signal: ctx.signal });
  },
});
