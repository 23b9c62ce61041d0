import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';

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
