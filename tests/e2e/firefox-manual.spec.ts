import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  launchFirefoxWithExtension,
  orderOnSite,
  setUpProvider,
  waitIn,
  type LaunchedFirefox,
} from '../support/firefox.ts';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';

const FIREFOX_BUILD = resolve('.output/firefox-mv2-test');

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
    const { options } = await setUpProvider(ff, apiKey, sandbox.url);
    const url = `http://discord.localhost:${sandbox.port}/signup/opaque`;
    const { site, popup } = await orderOnSite(ff, options, url);
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
