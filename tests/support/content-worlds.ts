import type { Page, Worker } from '@playwright/test';

interface World {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/**
 * How many of the extension's fill agents listen in the page, per CDP: a content script runs
 * in an isolated world whose origin is the extension's, and the agent listens for the
 * background's pokes there. The listener, not the world, is what counts: Chromium may set up
 * an extension's world again in a reloaded document without running any script in it. Looks
 * from outside, so the check leaves no marker a site could read.
 */
export async function fillAgentsIn(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: World[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  try {
    // enable() replays every live context as an event before it answers.
    await cdp.send('Runtime.enable');
    const ours = worlds.filter(
      (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
    );
    let listening = 0;
    for (const w of ours) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: w.id,
        expression: "typeof chrome === 'object' && !!chrome.runtime?.onMessage?.hasListeners()",
        returnByValue: true,
      });
      if (result.value === true) listening++;
    }
    return listening;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The extension's dynamically registered content scripts: id and match patterns. */
export async function registeredScripts(worker: Worker) {
  return worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({
      id: s.id,
      matches: s.matches ?? [],
    })),
  );
}
