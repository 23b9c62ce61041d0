/**
 * Real Chromium for the eval: the detector bundled from lib/fill (as the extension ships it),
 * corpus pages served from disk through request interception (nothing reaches the network),
 * page scripts off so a saved page's own code cannot rewrite the form under us.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { CodeProbe, EvalApi, PhoneProbe } from './page-entry.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPORA = resolve(ROOT, '../shared/corpora');
const ORIGIN = 'http://corpus.eval.localhost';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The detector as one script for the page (IIFE; libphonenumber-js included). */
export async function bundleDetector(
  entry = resolve(import.meta.dirname, 'page-entry.ts'),
): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    nodePaths: [resolve(ROOT, 'node_modules')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    platform: 'browser',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

export interface EvalBrowser {
  /** Opens a corpus file (a path under ../shared/corpora, or an absolute path). */
  open(path: string): Promise<Page>;
  resolve(page: Page, selectors: string[]): Promise<number[][]>;
  probePhone(page: Page, e164: string): Promise<PhoneProbe>;
  probeCode(page: Page): Promise<CodeProbe>;
  detectPhone(page: Page): Promise<ReturnType<EvalApi['detectPhone']>>;
  detectCode(page: Page): Promise<ReturnType<EvalApi['detectCode']>>;
  describe(page: Page, indices: number[]): Promise<string[]>;
  close(): Promise<void>;
}

/** `entry`: another build of the detector (e.g. an older checkout, for before/after numbers). */
export async function launchEvalBrowser(entry?: string): Promise<EvalBrowser> {
  const detector = await bundleDetector(entry);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  let current = '';
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/page.html` && current) {
      const body = await readFile(resolve(CORPORA, current));
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    } else {
      await route.abort();
    }
  });
  const page = await context.newPage();
  // Pages load with scripts off (a saved page's own code must not rewrite the form), but a fill
  // waits on timers, which do not run while scripts are off: scripts go back on after the page
  // is parsed, so nothing of the page's own runs and the fill engine's ticks do.
  const cdp = await context.newCDPSession(page);
  const scripts = (on: boolean) => cdp.send('Emulation.setScriptExecutionDisabled', { value: !on });
  const inject = async (p: Page): Promise<void> => {
    if (!(await p.evaluate(() => '__smsVerifyEval' in globalThis))) await p.evaluate(detector);
  };
  const injectWithTimers = async (p: Page): Promise<void> => {
    await scripts(true);
    await inject(p);
  };
  return {
    async open(path) {
      current = path;
      await scripts(false);
      await page.goto(`${ORIGIN}/page.html`, { waitUntil: 'load' });
      return page;
    },
    async resolve(p, selectors) {
      await inject(p);
      return p.evaluate((s) => (globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }).__smsVerifyEval.resolve(s), selectors);
    },
    async probePhone(p, e164) {
      await injectWithTimers(p);
      return p.evaluate((n) => (globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }).__smsVerifyEval.probePhone(n), e164);
    },
    async probeCode(p) {
      await injectWithTimers(p);
      return p.evaluate(() => (globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }).__smsVerifyEval.probeCode());
    },
    async detectPhone(p) {
      await inject(p);
      return p.evaluate(() =>
        (
          globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }
        ).__smsVerifyEval.detectPhone(),
      );
    },
    async detectCode(p) {
      await inject(p);
      return p.evaluate(() =>
        (
          globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }
        ).__smsVerifyEval.detectCode(),
      );
    },
    async describe(p, indices) {
      await inject(p);
      return p.evaluate(
        (ix) =>
          (globalThis as typeof globalThis & { __smsVerifyEval: EvalApi }).__smsVerifyEval.describe(
            ix,
          ),
        indices,
      );
    },
    async close() {
      await browser.close();
    },
  };
}
