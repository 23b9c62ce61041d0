import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PreferencesPage, storedPreferences, storeSiteService } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';

/** Serious or critical accessibility problems axe finds in the page as it is now. */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('the options page', () => {
  test('defaults and switches set in the options are kept after a reload', async ({ ext }) => {
    const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
    await prefs.defaultCountry.selectOption({ label: 'Indonesia' });
    await prefs.tier('Priority').check();
    await prefs.setMaxPrice('1,5');
    await prefs.fillCode.uncheck();
    // The field shows the cap as money once it is saved.
    await expect(prefs.maxPrice).toHaveValue('1.50');
    await expect
      .poll(() => storedPreferences(ext.worker))
      .toMatchObject({ defaultCountry: '6', tier: 'priority', maxPriceCents: 150 });
    await expect.poll(() => storedPreferences(ext.worker)).toMatchObject({ autoFillCode: false });

    await prefs.page.reload();
    await expect(prefs.defaultCountry.locator('option:checked')).toHaveText('Indonesia');
    await expect(prefs.tier('Priority')).toBeChecked();
    await expect(prefs.tier('Standard')).not.toBeChecked();
    await expect(prefs.maxPrice).toHaveValue('1.50');
    await expect(prefs.fillPhone).toBeChecked();
    await expect(prefs.fillCode).not.toBeChecked();

    // Something that is not an amount is refused in words, and the saved cap stays.
    await prefs.setMaxPrice('cheap');
    await expect(prefs.page.getByText('Type an amount such as 1.50')).toBeVisible();
    await expect(prefs.maxPrice).toHaveAttribute('aria-invalid', 'true');
    // Emptying the field removes the cap.
    await prefs.setMaxPrice('');
    await expect.poll(() => storedPreferences(ext.worker)).toMatchObject({ maxPriceCents: null });
  });

  test('a service picked for a site is listed and can be forgotten', async ({ ext }) => {
    await storeSiteService(ext.worker, 'discord.com', 'ds', 'Discord');
    const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
    await expect(prefs.siteRow('discord.com')).toContainText('Discord');
    await prefs.page.getByRole('button', { name: 'Forget Discord for discord.com' }).click();
    await expect(prefs.siteRow('discord.com')).toHaveCount(0);
    await expect(prefs.page.getByText('No site has a service picked yet.')).toBeVisible();
    await prefs.page.reload();
    await expect(prefs.page.getByText('No site has a service picked yet.')).toBeVisible();
  });

  test('with "fill the phone number" off, ordering leaves the phone field alone until "Fill again"; the code still fills', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
    await prefs.fillPhone.uncheck();
    await expect.poll(() => storedPreferences(ext.worker)).toMatchObject({ autoFillPhone: false });

    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const number = (await popup.number.textContent())?.trim() ?? '';
    expect(number).toMatch(/^\+62/);

    // With the switch on, the number is in the field by now (pay-per-code.spec.ts); give it time.
    await site.waitForTimeout(3_000);
    await expect(signup.phone).toHaveValue('');

    // "Fill again" is the user asking by hand: that fills the number even with the switch off.
    await popup.currentOrder.getByRole('button', { name: 'Fill again' }).click();
    const digits = number.replace(/\D/g, '');
    await expect
      .poll(async () => (await signup.phone.inputValue()).replace(/\D/g, ''))
      .toBe(digits);
    await signup.sendCode();
    await signup.expectCodeFilled();
    await popup.expectStatus('Code received');
  });

  test('Русский: the options and the history page switch to Russian at once, and stay so', async ({
    ext,
  }) => {
    const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
    await expect(prefs.heading).toHaveText('SMS Verify settings');
    await prefs.language.selectOption('ru');

    await expect(prefs.heading).toHaveText('Настройки SMS Verify');
    await expect(prefs.page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(prefs.page).toHaveTitle('Настройки SMS Verify');
    await expect(prefs.page.getByRole('button', { name: 'Сохранить и проверить' })).toBeVisible();
    await expect(
      prefs.page.getByRole('switch', { name: 'Вставлять номер телефона' }),
    ).toBeChecked();
    await expect(
      prefs.page.getByText('Расширение никогда ничего не отправляет само'),
    ).toBeVisible();
    // Longer Russian labels still leave every control named and readable, in the dark too.
    await prefs.page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(prefs.page)).toEqual([]);

    const history = await ext.context.newPage();
    await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
    await expect(history.getByRole('heading', { level: 1 })).toHaveText('История');
    await expect(history.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(history).toHaveTitle('История SMS Verify');
    await expect(history.getByRole('columnheader', { name: 'Когда' })).toBeVisible();
    await expect(history.getByText('Заказов пока нет.')).toBeVisible();
    await expect(history.getByTestId('spent')).toBeVisible();
    await expect(history.getByText(/^Потрачено .+ за 0 кодов$/)).toBeVisible();

    // Back to the browser's language (English here): the open history page follows too.
    await prefs.page.reload();
    await expect(prefs.heading).toHaveText('Настройки SMS Verify');
    await prefs.language.selectOption('auto');
    await expect(prefs.heading).toHaveText('SMS Verify settings');
    await expect(history.getByRole('heading', { level: 1 })).toHaveText('History');
    await expect(history.locator('html')).toHaveAttribute('lang', 'en');
  });
});
