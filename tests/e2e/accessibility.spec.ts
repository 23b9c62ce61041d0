import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { setPreferences } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { configureProvider, openPopup, tabIdOf } from '../support/extension.ts';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup, options and history have no serious accessibility violations (${scheme})`, async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const site = await ext.context.newPage();
    await site.goto(demoUrl('discord'));
    const popupPage = await openPopup(
      ext.context,
      ext.extensionId,
      await tabIdOf(ext.worker, demoUrl('discord')),
    );
    await popupPage.emulateMedia({ colorScheme: scheme });
    const popup = new PopupPage(popupPage);
    await expect(popup.balance).toBeVisible();
    expect(await seriousViolations(popupPage)).toEqual([]);

    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    expect(await seriousViolations(popupPage)).toEqual([]);

    for (const path of ['options.html', 'order-history.html']) {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      await page.locator('main').waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test('the popup on an unknown site (service search), with a price cap and a sold-out country has no serious violations', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  await setPreferences(ext.worker, { maxPriceCents: 30 });
  const url = demoUrl('zorbly');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popupPage = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url));
  const popup = new PopupPage(popupPage);
  await popup.serviceSearch.fill('o');
  await expect(popupPage.getByRole('list', { name: 'Services' })).toBeVisible();
  expect(await seriousViolations(popupPage)).toEqual([]);

  // Netflix has countries above the cap and one sold out (Russia, greyed).
  await popup.chooseService('netf', 'Netflix');
  await expect(popup.capNote).toBeVisible();
  expect(await seriousViolations(popupPage)).toEqual([]);
  await popup.countrySearch.fill('rus');
  await expect(popupPage.locator('.offers li.out')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await popupPage.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(popupPage), scheme).toEqual([]);
  }
});

test('the popup on a signup that lists only some countries (marked and dimmed offers) has no serious violations, light and dark', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const url = demoUrl('discord', '/signup/restricted');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popupPage = await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url));
  const popup = new PopupPage(popupPage);
  await expect(popup.siteFit('Germany')).toBeVisible();
  await expect(popup.siteFit('Indonesia')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await popupPage.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(popupPage), scheme).toEqual([]);
  }
});

test('the first-run steps and the refund card with its next steps have no serious violations, light and dark', async ({
  ext,
  sandbox,
  control,
  demoUrl,
}) => {
  // A fresh profile: no provider yet.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('region', { name: 'Get started' }).waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(options), `first run, ${scheme}`).toEqual([]);
  }
  await options.close();

  const key = `coda_live_a11y_${Date.now()}`;
  await control.createAccount(key, 500);
  const shown = await configureProvider(ext.context, ext.extensionId, {
    apiKey: key,
    baseUrl: sandbox.url,
  });
  expect(shown).toContain('Connected');
  await control.settings({ window_seconds: 10, early_cancel_seconds: 2 });
  const site = await ext.context.newPage();
  await site.goto(demoUrl('telegram'));
  const popupPage = await openPopup(
    ext.context,
    ext.extensionId,
    await tabIdOf(ext.worker, demoUrl('telegram')),
  );
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Refunded', 40_000);
  await expect(popupPage.getByTestId('next-steps')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await popupPage.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(popupPage), `refund card, ${scheme}`).toEqual([]);
  }
});
