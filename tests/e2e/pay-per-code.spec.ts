import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';

test.describe('pay-per-code on the demo signup site', () => {
  test('a code arrives: the phone and the code fill, the site verifies, the order is charged', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await expect(popup.service).toHaveText('Discord');
    await expect(popup.balance).toHaveText('$5.00');
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const shownNumber = (await popup.number.textContent())?.replace(/\D/g, '') ?? '';

    // The phone field holds the ordered number, international format.
    await expect(signup.phone).toHaveValue(/^\+62/);
    expect((await signup.phone.inputValue()).replace(/\D/g, '')).toBe(shownNumber);

    await signup.sendCode();
    // The SMS reaches the sandbox; the extension polls, extracts and fills the code.
    await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
    await signup.verify();
    await signup.expectVerified();

    await popup.expectStatus('Code received');
    const code = await popup.code.textContent();
    await expect(signup.code).toHaveValue(code ?? '');

    const ledger = await control.ledger(apiKey);
    expect(ledger.orders).toHaveLength(1);
    const [order] = ledger.orders;
    expect(order?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - (order?.price_cents ?? 0));
    expect(ledger.held_cents).toBe(0);
  });

  test('no SMS comes: the extension cancels at the window end and the balance is whole again', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    await control.settings({ window_seconds: 15, early_cancel_seconds: 3 });
    const url = demoUrl('telegram');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await expect(popup.service).toHaveText('Telegram');
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(new SignupPage(site).phone).toHaveValue(/^\+62/);

    // Nobody presses "Send code": the window runs out.
    await popup.expectStatus('Refunded', 40_000);
    const ledger = await control.ledger(apiKey);
    const [order] = ledger.orders;
    expect(order?.state).toBe('refunded');
    const refund = order?.movements.find((m) => m.type === 'refund');
    expect(refund?.reason).toBe('cancelled');
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS);
    expect(ledger.held_cents).toBe(0);
  });

  test('the user cancels a Priority number at once and gets the money back', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord', '/signup/country');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const signup = new SignupPage(site);
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia', 'Priority');
    await popup.expectStatus('Waiting for the SMS');
    await expect(signup.phone).not.toHaveValue('');
    // CODASMS documents no early-cancel lock (its official client cancels at once): the button
    // is live from the start and the refund follows the click.
    await popup.cancelWhenAllowed(5_000);
    await popup.expectStatus('Refunded');
    // The number given back is taken out of the page, so no code is sent to it.
    await expect(signup.phone).toHaveValue('');

    const ledger = await control.ledger(apiKey);
    expect(ledger.orders[0]?.band).toBe('priority');
    expect(ledger.orders[0]?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS);
  });
});
