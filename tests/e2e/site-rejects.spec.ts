import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';

const REFUSAL = 'This phone number cannot be used for verification. Please use a different number.';

test.describe('a number the site rejects', () => {
  // The site refuses the exact number it was given (sites block single numbers and ranges):
  // the sandbox's demo site is told so once the number is known. The second number is of the
  // same offer and not refused, as the button promises.
  test('the site refuses the first number: one click gives another, the code fills, charged once', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(signup.phone).toHaveValue(/^\+62/);
    const first = await signup.phone.inputValue();
    await control.siteRejects({ numbers: [first.replace(/[^\d+]/g, '')] });

    await signup.sendCode();
    // The site's own inline error on the field, and the popup says what it means.
    await expect(signup.phone).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.rejected).toContainText('rejected this number', { timeout: 15_000 });
    await expect(popup.rejected).toContainText(REFUSAL);
    await expect(popup.status).toHaveText('Waiting for the SMS');

    await popup.cancelAndGetAnother();
    // The first number is given back (the field empties) and a new one of the same offer is
    // filled in its place.
    await expect
      .poll(
        async () => {
          const value = await signup.phone.inputValue();
          return value !== first && /^\+62/.test(value);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect(popup.rejected).toHaveCount(0);
    const second = await signup.phone.inputValue();

    await signup.sendCode();
    await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
    await signup.verify();
    await signup.expectVerified();
    await popup.expectStatus('Code received');

    const ledger = await control.ledger(apiKey);
    expect(ledger.orders).toHaveLength(2);
    const byNumber = new Map(ledger.orders.map((o) => [o.number, o]));
    const firstOrder = byNumber.get(first.replace(/[^\d+]/g, ''));
    const secondOrder = byNumber.get(second.replace(/[^\d+]/g, ''));
    expect(firstOrder?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(secondOrder?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - (secondOrder?.price_cents ?? 0));
    expect(ledger.held_cents).toBe(0);

    // History keeps why the first number ended, and counts it as refunded.
    const history = await ext.context.newPage();
    await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
    await expect(history.locator('td.outcome-rejected-by-site')).toHaveText(
      /^rejected by the site/,
    );
    await expect(history.locator('td.outcome-charged')).toHaveCount(1);
  });

  test('a site that takes no numbers of a country (?reject=ID) refuses one in a split phone field', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    void apiKey; // the fixture sets the provider up
    const url = demoUrl('discord', '/signup/country?reject=ID');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const national = site.getByLabel('Phone number', { exact: true });
    await expect(national).not.toHaveValue('');
    await new SignupPage(site).sendCode();
    await expect(national).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.rejected).toContainText('rejected this number', { timeout: 15_000 });
    await expect(
      popup.rejected.getByRole('button', { name: 'Cancel and get another' }),
    ).toBeEnabled();
  });
});
