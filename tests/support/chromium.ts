import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

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

/** The extension's current service worker (a fresh one after a kill). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}
