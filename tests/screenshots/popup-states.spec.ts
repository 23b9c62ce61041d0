import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, test } from '../e2e/fixtures.ts';
import { setPreferences } from '../e2e/pages/options.ts';
import { PopupPage } from '../e2e/pages/popup.ts';
import { SignupPage } from '../e2e/pages/signup.ts';
import { configureProvider, openSignupWithPopup } from '../support/extension.ts';

const DIR = 'assets/screenshots';

/** The popup's page as the toolbar shows it: 400 px wide, as tall as its content. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true, animations: 'disabled' });
}

test('offers, waiting, code received, and the history', async ({ ext, apiKey, demoUrl }) => {
  void apiKey;
  const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  const popup = new PopupPage(popupPage);
  await expect(popup.service).toHaveText('Discord');
  await popup.page.locator('.offers li').first().waitFor();
  await shoot(popupPage, 'popup-offers');
  await popupPage.emulateMedia({ colorScheme: 'dark' });
  await shoot(popupPage, 'popup-offers-dark');
  await popupPage.emulateMedia({ colorScheme: 'light' });

  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await shoot(popupPage, 'popup-waiting');

  const signup = new SignupPage(site);
  await signup.sendCode();
  await signup.expectCodeFilled();
  await popup.expectStatus('Code received');
  await shoot(popupPage, 'popup-code');

  const history = await ext.context.newPage();
  await history.setViewportSize({ width: 900, height: 500 });
  await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
  await history.getByRole('table').waitFor();
  await history.screenshot({ path: `${DIR}/history.png`, fullPage: true });
});

test('site-aware offers: a signup that lists only some countries', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  void apiKey;
  const url = demoUrl('discord', '/signup/restricted');
  const { popupPage } = await openSignupWithPopup(ext, url);
  const popup = new PopupPage(popupPage);
  await expect(popup.siteFit('Germany')).toBeVisible();
  await expect(popup.siteFit('Indonesia')).toBeVisible();
  // The list scrolls inside the popup: show where the listed countries end and the rest begins.
  await popupPage.locator('.offers').evaluate((list) => {
    const first = list.querySelector<HTMLElement>('li.off-site');
    if (first && list instanceof HTMLElement) {
      list.scrollTop = first.offsetTop - list.offsetTop - list.clientHeight * 0.6;
    }
  });
  await shoot(popupPage, 'popup-site-countries');
});

test('no code in the window: cancelled and refunded', async ({ ext, apiKey, control, demoUrl }) => {
  void apiKey;
  await control.settings({ window_seconds: 12, early_cancel_seconds: 2 });
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('telegram'));
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await popup.expectStatus(/refunded/i, 60_000);
  await shoot(popupPage, 'popup-refunded');
});

test('no balance: the popup says so and what to do', async ({ ext, sandbox, control, demoUrl }) => {
  const key = `coda_live_shot_${randomUUID().slice(0, 8)}`;
  await control.createAccount(key, 0);
  await configureProvider(ext.context, ext.extensionId, { apiKey: key, baseUrl: sandbox.url });
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  const popup = new PopupPage(popupPage);
  await popup.page.locator('.offers li').first().waitFor();
  // Every offer above the balance asks for a top-up instead of ordering.
  await expect(popup.offerRow('Indonesia').getByRole('link', { name: /^Top up/ })).toHaveCount(2);
  await shoot(popupPage, 'popup-no-balance');
});

test('an unknown site: search the service list', async ({ ext, apiKey, demoUrl }) => {
  void apiKey;
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('zorbly'));
  const popup = new PopupPage(popupPage);
  await expect(popup.service).toHaveText('Unknown service');
  await popup.serviceSearch.fill('sig');
  await popupPage.getByRole('list', { name: 'Services' }).getByRole('button').first().waitFor();
  await shoot(popupPage, 'popup-service-search');
});

test('Russian, and the options page', async ({ ext, apiKey, demoUrl }) => {
  void apiKey;
  const options = await ext.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Save and test' }).waitFor();
  await options.screenshot({ path: `${DIR}/options.png`, fullPage: true });

  await setPreferences(ext.worker, { language: 'ru' });
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  await expect(popupPage.locator('html')).toHaveAttribute('lang', 'ru');
  await popupPage.locator('.offers li').first().waitFor();
  await shoot(popupPage, 'popup-ru');
});

test('first run: the welcome steps in the options', async ({ ext, sandbox, control }) => {
  const key = `coda_live_shot_${randomUUID().slice(0, 8)}`;
  await control.createAccount(key, 500);
  const options = await ext.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('region', { name: 'Get started' }).waitFor();
  await options.screenshot({ path: `${DIR}/options-first-run.png` });
  await options.getByLabel('API key').fill(key);
  await options.getByLabel(/API address/).fill(sandbox.url);
  await options.getByRole('button', { name: 'Save and test' }).click();
  await expect(options.getByRole('status')).toContainText('Connected');
  await options.screenshot({ path: `${DIR}/options-connected.png` });
});

test('the checklist card on a page without a detectable phone field', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  void apiKey;
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord', '/signup/opaque'));
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await expect(popup.currentOrder.getByTestId('order-steps')).toContainText(
    'No phone field found',
    {
      timeout: 15_000,
    },
  );
  await shoot(popupPage, 'popup-checklist');
});

test('a number the site rejected: its words and one button', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  void apiKey;
  const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  const signup = new SignupPage(site);
  await expect(signup.phone).toHaveValue(/^\+62/);
  const number = (await signup.phone.inputValue()).replace(/[^\d+]/g, '');
  await control.siteRejects({ numbers: [number] });
  await signup.sendCode();
  await expect(popup.rejected).toContainText('rejected this number', { timeout: 15_000 });
  await expect(
    popup.rejected.getByRole('button', { name: 'Cancel and get another' }),
  ).toBeEnabled();
  await shoot(popupPage, 'popup-rejected');
  await control.siteRejects({});
});
