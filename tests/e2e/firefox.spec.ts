import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  clickButton,
  launchFirefoxWithExtension,
  orderOnSite,
  setUpProvider,
  waitIn,
  type LaunchedFirefox,
} from '../support/firefox.ts';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';

const FIREFOX_BUILD = resolve('.output/firefox-mv2-test');

test.describe('Firefox ESR', () => {
  let ff: LaunchedFirefox | undefined;
  test.afterEach(async () => {
    await ff?.close();
  });

  test('happy path: order, phone filled, SMS, code filled, charged', async ({
    sandbox,
    control,
  }) => {
    const apiKey = `coda_live_ff_${randomUUID().slice(0, 8)}`;
    await control.createAccount(apiKey, START_BALANCE_CENTS);
    ff = await launchFirefoxWithExtension(FIREFOX_BUILD);

    // A fresh install opens the settings page.
    const { options, connected } = await setUpProvider(ff, apiKey, sandbox.url);
    expect(connected).toBe(true);

    const { site, popup } = await orderOnSite(
      ff,
      options,
      `http://discord.localhost:${sandbox.port}/`,
    );

    const phone = await waitIn(site, () => {
      const v = document.querySelector<HTMLInputElement>('#phone')?.value ?? '';
      return v.startsWith('+62') ? v : null;
    });
    expect(phone).toMatch(/^\+62\d+$/);
    await clickButton(site, 'Send code');
    const code = await waitIn(site, () => {
      const v = document.querySelector<HTMLInputElement>('#code')?.value ?? '';
      return /^\d{6}$/.test(v) ? v : null;
    });
    await clickButton(site, 'Verify');
    await waitIn(site, () => document.querySelector('[role="status"]')?.textContent === 'Verified');
    // The popup refreshes while it is visible, as a real popup is.
    await popup.bringToFront();
    const shown = await waitIn(
      popup,
      () => document.querySelector('[data-testid="order-code"]')?.textContent,
    );
    expect(shown).toBe(code);

    const ledger = await control.ledger(apiKey);
    expect(ledger.orders[0]?.code).toBe(code);
    expect(ledger.orders[0]?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - ledger.charged_cents);
  });
  test("the fill script is registered for the order's site only, follows a reload, and goes", async ({
    sandbox,
    control,
  }) => {
    const apiKey = `coda_live_ff_${randomUUID().slice(0, 8)}`;
    await control.createAccount(apiKey, START_BALANCE_CENTS);
    ff = await launchFirefoxWithExtension(FIREFOX_BUILD);
    const { options } = await setUpProvider(ff, apiKey, sandbox.url);
    const registered = () =>
      options.evaluate(async () =>
        (await browser.scripting.getRegisteredContentScripts()).map((r) => r.id).join(','),
      );
    // A content script's messages reach every extension page: count the fill agent's hellos.
    await options.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { hellos: seen });
      browser.runtime.onMessage.addListener((m: unknown, sender) => {
        const type = (m as { type?: unknown } | null)?.type;
        if (type === 'content.hello') seen.push(sender.url ?? '');
      });
    });
    const hellos = () =>
      options.evaluate(() => (window as unknown as { hellos: string[] }).hellos.length);

    const url = `http://discord.localhost:${sandbox.port}/`;
    const { site, popup } = await orderOnSite(ff, options, url);
    const phone = await waitIn(site, () => {
      const v = document.querySelector<HTMLInputElement>('#phone')?.value ?? '';
      return v.startsWith('+62') ? v : null;
    });
    await expect.poll(registered).toBe('fill-site:discord.localhost');
    await popup.close();

    // A reload brings the fill script back by itself (it says hello to the background).
    const before = await hellos();
    await site.reload();
    await expect.poll(hellos).toBeGreaterThan(before);
    await site.type('#phone', phone);
    await clickButton(site, 'Send code');
    await waitIn(site, () =>
      /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#code')?.value ?? ''),
    );
    // Code filled, order completed: the registration is gone.
    await expect.poll(registered, { timeout: 30_000 }).toBe('');
  });
});
