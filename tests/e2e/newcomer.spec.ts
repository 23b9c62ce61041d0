import { randomUUID } from 'node:crypto';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { OptionsPage, openSignupWithPopup } from '../support/extension.ts';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

test.describe('what a newcomer meets', () => {
  test('a rejected or unreachable key is never saved, and an open order keeps the key it was placed with', async ({
    ext,
    apiKey,
    sandbox,
    control,
    demoUrl,
  }) => {
    await control.settings({ early_cancel_seconds: 2 });
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');

    const options = await OptionsPage.open(ext.context, ext.extensionId);
    const providers = options.page.getByRole('region', { name: 'Your providers' });
    await options.saveAndTest({ apiKey: 'coda_live_wrong', baseUrl: sandbox.url });
    await expect(options.alert).toHaveText('This key was rejected by CODASMS.');
    // Nothing listens on port 9: unreachable.
    await options.saveAndTest({ apiKey: 'coda_live_elsewhere', baseUrl: 'http://127.0.0.1:9' });
    await expect(options.alert).toContainText('cannot be reached');
    await options.page.reload();
    await expect(providers).toContainText(`CODASMS (${sandbox.url})`);
    await expect(providers).not.toContainText('127.0.0.1:9');

    // The user now sets up a second account; the open order still belongs to the first key.
    const other = `coda_live_e2e_${randomUUID().slice(0, 8)}`;
    await control.createAccount(other, 300);
    await options.saveAndTest({ apiKey: other, baseUrl: sandbox.url });
    await expect(options.status).toHaveText('Connected to CODASMS. Balance: $3.00');

    await popup.cancelWhenAllowed();
    await popup.expectStatus('Refunded');
    const ledger = await control.ledger(apiKey);
    expect(ledger.orders[0]?.state).toBe('refunded');
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS);
    expect((await control.ledger(other)).orders).toHaveLength(0);
  });

  test('the balance beside the offers follows a charge', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await expect(popup.balance).toHaveText('$5.00');
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await new SignupPage(site).sendCode();
    await popup.expectStatus('Code received');

    const price = (await control.ledger(apiKey)).orders[0]?.price_cents ?? 0;
    expect(price).toBeGreaterThan(0);
    await expect(popup.balance).toHaveText(dollars(START_BALANCE_CENTS - price), {
      timeout: 30_000,
    });
  });

  test('keyboard only: search, Enter, order, and focus lands on the order card up to the code', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const keys = popupPage.keyboard;
    await expect(popup.countrySearch).toBeFocused();
    await keys.type('indo');
    await keys.press('Enter');
    const standard = popup.offerRow('Indonesia').getByRole('button', { name: /Standard/ });
    await expect(standard).toBeFocused();
    await keys.press('Enter');

    await popup.expectStatus('Waiting for the SMS');
    await expect(popup.currentOrder).toBeFocused();
    await keys.press('Tab');
    await expect(popupPage.getByRole('button', { name: /^Copy the number/ })).toBeFocused();

    await new SignupPage(site).sendCode();
    await popup.expectStatus('Code received');
    await expect(popup.code).toHaveText(/^\d{6}$/);
    await expect(popup.currentOrder.locator(':focus')).toHaveCount(1);
  });
});
