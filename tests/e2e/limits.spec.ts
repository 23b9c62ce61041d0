import { expect, test } from './fixtures.ts';
import { PreferencesPage, storedPreferences } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { expectOpensOptions, openSignupWithPopup } from '../support/extension.ts';

// Spending limits are set in the options and enforced by the background for every order: a
// refused order buys nothing and says which limit stopped it and where to change it.

test('the daily cap refuses the order that would pass it; the popup names the limit', async ({
  ext,
  apiKey,
  sandbox,
  control,
  demoUrl,
}) => {
  const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
  const cap = prefs.page.getByRole('textbox', { name: /^Most that orders may cost per day/ });
  // The default: $5.00 a day.
  await expect(cap).toHaveValue('5.00');
  const first = sandbox.ledger.catalog.offer('ds', '6')?.standardCents ?? 0;
  const capCents = first + 5;
  await cap.fill(`$${(capCents / 100).toFixed(2)}`);
  await cap.press('Enter');
  await expect
    .poll(async () => (await storedPreferences(ext.worker))['spendLimits'])
    .toMatchObject({ dailyCap: { cents: capCents, currency: 'USD' } });
  await prefs.page.close();

  const discord = new PopupPage((await openSignupWithPopup(ext, demoUrl('discord'))).popupPage);
  await discord.getNumber('Indonesia');
  await discord.expectStatus('Waiting for the SMS');

  // Another site, while the first number still holds its price: over the cap.
  const telegram = new PopupPage((await openSignupWithPopup(ext, demoUrl('telegram'))).popupPage);
  await expect(telegram.service).toHaveText('Telegram');
  await telegram.getNumber('Malaysia');
  const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
  await expect(telegram.problem).toContainText(
    `Not ordered: today’s orders already hold or cost ${money(first)} of your ${money(capCents)} daily limit.`,
  );
  expect((await control.ledger(apiKey)).orders).toHaveLength(1);

  // One click to where the limit is changed.
  await expectOpensOptions(ext.context, () =>
    telegram.problem.getByRole('button', { name: /Spending limits/ }).click(),
  );
});
