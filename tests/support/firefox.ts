import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const GECKO_ID = 'sms-verify@codasms.dev';
/** Fixed moz-extension:// UUID so tests know the extension's origin. */
export const EXTENSION_UUID = '4b1f7b5e-1d2a-4c1e-9a3e-0f5a6b7c8d9e';

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** The open extension page whose location ends with `path` (e.g. options.html). */
  extensionPage(path: string, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox ESR over WebDriver BiDi with the unpacked build installed as a temporary add-on.
 * Firefox's own background traffic goes to a dead proxy so it fails fast offline.
 */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<LaunchedFirefox> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox not found: apt-get install -y firefox-esr');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, .localhost',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  await browser.installExtension(extensionDir);
  const prefix = `moz-extension://${EXTENSION_UUID}/`;

  return {
    browser,
    // Automation may not navigate to moz-extension:// itself, and such pages report
    // about:blank as their url: find them by asking each page where it is.
    async extensionPage(path, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix) && href.slice(prefix.length).startsWith(path)) return page;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`no extension page ${path} opened`);
    },
    close: () => browser.close(),
  };
}

/** Waits until `fn` (run in the page) returns something truthy; returns it. */
export async function waitIn<T>(
  page: Page,
  fn: () => T,
  timeout = 30_000,
): Promise<NonNullable<T>> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 200 });
  return (await handle.jsonValue()) as NonNullable<T>;
}

/** Clicks the button whose accessible label or text matches. */
export async function clickButton(page: Page, label: RegExp | string) {
  const source = typeof label === 'string' ? `^${label}$` : label.source;
  await page.evaluate((src) => {
    const re = new RegExp(src);
    const button = [...document.querySelectorAll('button')].find(
      (b) => re.test(b.getAttribute('aria-label') ?? '') || re.test(b.textContent?.trim() ?? ''),
    );
    if (!button) throw new Error(`no button ${src}`);
    button.click();
  }, source);
}

/** The settings page a fresh install opens, with a CODASMS key saved and connected. */
export async function setUpProvider(ff: LaunchedFirefox, apiKey: string, baseUrl: string) {
  const options = await ff.extensionPage('options.html');
  // The page renders after its script loads (slow on a busy machine): type once the form is there.
  await options.waitForSelector('input[type="password"]', { timeout: 30_000 });
  await options.type('input[type="password"]', apiKey);
  await options.type('input[type="url"]', baseUrl);
  await clickButton(options, 'Save and test');
  const connected = await waitIn(options, () =>
    document.querySelector('[role="status"]')?.textContent?.includes('Connected'),
  );
  return { options, connected };
}

/**
 * Opens `url` in a tab, the popup on that tab (test builds take it from ?tab=), and orders an
 * Indonesia Standard number. `options` is any extension page, used to reach the tabs API.
 */
export async function orderOnSite(ff: LaunchedFirefox, options: Page, url: string) {
  const site = await ff.browser.newPage();
  await site.goto(url);
  await options.evaluate(async (target) => {
    const tab = (await browser.tabs.query({})).find((t) => t.url === target);
    await browser.tabs.create({ url: `/popup.html?tab=${tab?.id ?? -1}`, active: false });
  }, url);
  const popup = await ff.extensionPage('popup.html');
  await waitIn(popup, () => document.querySelector('[aria-label^="Get a number in Indonesia"]'));
  await clickButton(popup, /^Get a number in Indonesia, Standard/);
  return { site, popup };
}
