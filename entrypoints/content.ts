import browser from 'webextension-polyfill';
import { startFillAgent } from '@/lib/content/agent.ts';

// Injected on demand into the tab that ordered (scripting.executeScript), never at install.
export default defineContentScript({
  matches: ['https://*/*', 'http://*/*'],
  registration: 'runtime',
  main(ctx) {
    const marker = '__smsVerifyFillAgent';
    const scope = globalThis as typeof globalThis & { [marker]?: boolean };
    if (scope[marker]) return;
    scope[marker] = true;
    startFillAgent({ browser, signal: ctx.signal });
  },
});
