import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or point CHROME_PATH at the browser binary.';

/** CHROME_PATH first, then Chromium and Chrome in their usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  headless?: boolean;
  /** Reuse a profile (a browser restart); a fresh temporary one otherwise. */
  userDataDir?: string;
  executablePath?: string;
}

/**
 * Starts Chromium with the built extension loaded. Branded Google Chrome 137+ ignores
 * --load-extension; there the extension is loaded through CDP Extensions.loadUnpacked.
 */
export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedExtension> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'sms-verify-profile-'));
  const branded = /google[- ]chrome/i.test(executablePath);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(branded
        ? ['--enable-unsafe-extension-debugging']
        : [
            `--disable-extensions-except=${opts.extensionDir}`,
            `--load-extension=${opts.extensionDir}`,
          ]),
    ],
  });
  if (branded) await loadThroughCdp(context, opts.extensionDir);
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens the settings page by itself; wait for it so that a test opening
  // the same page cannot race it (Chrome would reuse and reload that tab mid-test).
  if (!opts.userDataDir) await settingsOpened(context, extensionId);
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function loadThroughCdp(context: BrowserContext, path: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  // Extensions.* is missing from Playwright's protocol typings; the call is plain CDP.
  const send = cdp.send.bind(cdp) as (method: string, params: object) => Promise<unknown>;
  try {
    await send('Extensions.loadUnpacked', { path });
  } catch (e) {
    await context.close();
    throw new Error(
      `Google Chrome refused to load the extension (${String(e)}). Chrome 137+ ignores ` +
        '--load-extension; use Chromium (`sudo apt-get install -y chromium`) or CHROME_PATH.',
    );
  }
}

async function settingsOpened(context: BrowserContext, extensionId: string): Promise<void> {
  const isSettings = (url: string) =>
    url.startsWith(`chrome-extension://${extensionId}/options.html`);
  // A new tab reports about:blank until it commits, so look rather than wait for the event.
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (context.pages().some((p) => isSettings(p.url()))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension's current service worker (a fresh one after a kill). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}

/**
 * Stops the extension's service worker for real, as Chrome does after 30 s idle (CDP
 * ServiceWorker.stopAllWorkers from a page session). Resolves once CDP reports every extension
 * worker stopped; the next event (a message, an alarm, a tab update) starts a fresh one.
 */
export async function killServiceWorker(context: BrowserContext, page?: Page): Promise<void> {
  const target = page ?? context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(target);
  const status = new Map<string, string>();
  let changed: () => void = () => undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
    }
    changed();
  });
  const allStopped = () => [...status.values()].every((s) => s === 'stopped');
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (status.size === 0 || !allStopped()) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      await new Promise<void>((resolve) => {
        changed = resolve;
        setTimeout(resolve, 100);
      });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Running states ("running", "stopped", ...) of the extension's service worker versions. */
export async function serviceWorkerStates(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    // enable() replays the current versions as events.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return [...status.values()];
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
