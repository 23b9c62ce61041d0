import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';

// The same pay-per-code loop on each kind of signup page the demo site serves.
const STYLES = [
  { name: 'country-code selector + national number', path: '/signup/country' },
  { name: 'split code boxes', path: '/signup/split' },
  { name: 'two-step single-page app', path: '/signup/spa' },
];

for (const style of STYLES) {
  test(`${style.name}: phone and code fill, the site verifies`, async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord', style.path);
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const e164 = `+${(await popup.number.textContent())?.replace(/\D/g, '')}`;

    if (style.path === '/signup/country') {
      await expect(site.getByLabel('Country code')).toHaveValue('+62');
      // National digits only: the dial code is in the selector, never typed twice.
      await expect(signup.phone).toHaveValue(e164.slice(3));
    } else {
      await expect(signup.phone).toHaveValue(e164);
    }

    await signup.sendCode();
    await signup.expectCodeFilled();
    const filled = await signup.codeValue();
    await signup.verify();
    await signup.expectVerified();
    await popup.expectStatus('Code received');
    await expect(popup.code).toHaveText(filled);

    const ledger = await control.ledger(apiKey);
    expect(ledger.charged_cents).toBe(ledger.orders[0]?.price_cents);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - ledger.charged_cents);
  });
}
