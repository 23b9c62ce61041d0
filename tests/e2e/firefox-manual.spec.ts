import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, type LaunchedFirefox } from '../support/firefox.ts';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';

const FIREFOX_BUILD = resolve('.output/firefox-mv2-test');

async function waitIn<T>(page: Page, fn: () => T, timeout = 30_000): Promise<NonNullable<T>> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 200 });
  return (await handle.jsonValue()) as NonNullable<T>;
}

interface ManualHook {
  onMenuClick(info: object, tab: object): Promise<string>;
}

// Manual fill in Firefox MV2: contextMenus, browserAction badge, the persistent background page.
// The menu click goes through the handler its listener calls (the test build exposes it on the
// background page); the right-click and the fill are real.
test.describe('Firefox ESR', () => {
  let ff: LaunchedFirefox | undefined;
  test.afterEach(async () => {
    await ff?.close();
  });

  test('context menu fills an opaque field; the badge counts the order', async ({
    sandbox,
    control,
  }) => {
    const apiKey = `coda_live_ffm_${randomUUID().slice(0, 8)}`;
    await control.createAccount(apiKey, START_BALANCE_CENTS);
    ff = await launchFirefoxWithExtension(FIREFOX_BUILD);
    const options = await ff.extensionPage('options.html');
    await options.type('input[type="password"]', apiKey);
    await options.type('input[type="url"]', sandbox.url);
    await options.evaluate(() => {
      const save = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Save and test',
      );
      save?.click();
    });
    await waitIn(options, () =>
      document.querySelector('[role="status"]')?.textContent?.includes('Connected'),
    );

    const site = await ff.browser.newPage();
    const url = `http://discord.localhost:${sandbox.port}/signup/opaque`;
    await site.goto(url);
    await options.evaluate(async (target) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === target);
      await browser.tabs.create({ url: `/popup.html?tab=${tab?.id ?? -1}`, active: false });
    }, url);
    const popup = await ff.extensionPage('popup.html');
    await waitIn(popup, () => document.querySelector('[aria-label^="Get a Indonesia number"]'));
    await popup.evaluate(() => {
      document.querySelector<HTMLButtonElement>('[aria-label^="Get a Indonesia number"]')?.click();
    });
    await waitIn(popup, () => document.querySelector('[data-testid="order-number"]')?.textContent);

    await site.click('#f1', { button: 'right' });
    await site.keyboard.press('Escape');
    const outcome = await options.evaluate(async (target) => {
      // Firefox match patterns have no ports: compare the addresses instead.
      const tab = (await browser.tabs.query({})).find((t) => t.url === target);
      const page = await browser.runtime.getBackgroundPage();
      const hook = (page as unknown as { smsVerifyManual: ManualHook }).smsVerifyManual;
      const info = { menuItemId: 'fill-number', editable: true, frameId: 0, pageUrl: tab?.url };
      return hook.onMenuClick(info, tab ?? {});
    }, url);
    expect(outcome).toBe('filled-phone');
    const phone = await waitIn(site, () => {
      const v = document.querySelector<HTMLInputElement>('#f1')?.value ?? '';
      return v.startsWith('+62') ? v : null;
    });
    expect(phone).toMatch(/^\+62\d+$/);
    // MV2: browserAction, whose typings here know only the callback form.
    const badge = await options.evaluate(
      () => new Promise<string>((done) => browser.browserAction.getBadgeText({}, done)),
    );
    expect(badge).toBe('1');
  });
});
