import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { fillAgentsIn, registeredScripts } from '../support/content-worlds.ts';
import { openPopup, openSignupWithPopup, tabIdOf } from '../support/extension.ts';

// Least privilege (issue #7): the fill script is registered only for the site of an open
// order, follows that site's pages without the popup, and is gone once the order ends. The
// test build holds access to the demo hosts (*.localhost), so a registration happens here;
// the production build asks for a site first (the "ask" test below and registration.test.ts).

test.describe('site access: the fill script only where an order is open', () => {
  test('reload and navigation within the site keep the fill script; after the order ends, no page gets it', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const scriptsIn = (page: Parameters<typeof fillAgentsIn>[0]) =>
      fillAgentsIn(page, ext.extensionId);
    // Before any order, nothing is registered and a demo page gets nothing.
    expect(await registeredScripts(ext.worker)).toEqual([]);

    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(signup.phone).toHaveValue(/^\+62/);
    const phone = await signup.phone.inputValue();
    await expect
      .poll(() => registeredScripts(ext.worker))
      .toEqual([{ id: 'fill-site:discord.localhost', matches: ['http://*.discord.localhost/*'] }]);

    // The popup is closed; the user reloads, then moves to another page of the same site.
    await popupPage.close();
    await site.reload();
    await expect.poll(() => scriptsIn(site)).toBe(1);
    await site.goto(demoUrl('discord', '/signup/split'));
    await expect.poll(() => scriptsIn(site)).toBe(1);

    // The reload emptied the form: the user types the number again and asks for the code,
    // which the fill script there waits for and fills.
    await signup.phone.fill(phone);
    await signup.sendCode();
    await signup.expectCodeFilled();
    await signup.verify();
    await signup.expectVerified();

    // The order ended (code filled, completed): the registration is gone...
    await expect.poll(() => registeredScripts(ext.worker), { timeout: 30_000 }).toEqual([]);
    // ...so neither the order's site nor an unrelated one gets the script on a fresh load.
    await site.reload();
    await expect(signup.phone).toBeVisible();
    const other = await ext.context.newPage();
    await other.goto(demoUrl('telegram'));
    await expect(other.getByLabel('Phone number', { exact: true })).toBeVisible();
    // Give a registered script (document_idle) every chance to show up before looking.
    await site.waitForTimeout(1_000);
    expect(await scriptsIn(site)).toBe(0);
    expect(await scriptsIn(other)).toBe(0);
  });

  test('an unrelated site never gets the script while another site has an order open', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const other = await ext.context.newPage();
    await other.goto(demoUrl('telegram'));
    await expect(other.getByLabel('Phone number', { exact: true })).toBeVisible();
    await other.waitForTimeout(1_000);
    expect(await fillAgentsIn(other, ext.extensionId)).toBe(0);
    const ids = (await registeredScripts(ext.worker)).map((s) => s.id);
    expect(ids).toEqual(['fill-site:discord.localhost']);
  });

  test('a site the worker could not reach: the popup explains, Allow grants it and fills again', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const url = demoUrl('discord');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(signup.phone).toHaveValue(/^\+62/);
    await popupPage.close();

    // What the worker records when a poke of the order's tab fails on a site it holds no
    // access to (registration.test.ts covers that decision; the test build holds access to
    // every demo host, so here the record is written as the worker would write it).
    await ext.worker.evaluate(async () => {
      await chrome.storage.local.set({
        siteAccess: {
          asked: { 'discord.localhost': { patterns: ['http://*.discord.localhost/*'], at: 1 } },
          granted: {},
        },
      });
    });
    // The user clears the form; Allow must fill the number again.
    await signup.phone.fill('');
    await ext.worker.evaluate(async () => {
      const { orders } = await chrome.storage.local.get('orders');
      const all = orders as Record<string, { phoneFilled: boolean }>;
      for (const o of Object.values(all)) o.phoneFilled = false;
      await chrome.storage.local.set({ orders: all });
    });

    const again = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
    );
    const ask = again.page.getByTestId('site-access');
    await expect(ask).toContainText('discord.localhost');
    await expect(ask).toContainText('removed');
    await ask.getByRole('button', { name: 'Allow on discord.localhost' }).click();
    await expect(ask).toHaveCount(0);
    // The worker poked the tab once access was there: the number is back in the field.
    await expect(signup.phone).toHaveValue(/^\+62/);
    const access = await ext.worker.evaluate(async () => {
      const { siteAccess } = await chrome.storage.local.get('siteAccess');
      return siteAccess;
    });
    expect(access).toEqual({
      asked: {},
      granted: { 'discord.localhost': ['http://*.discord.localhost/*'] },
    });
  });
});
