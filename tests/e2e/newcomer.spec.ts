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

  test('the order card is a checklist: on a page without a detectable phone field it says how to fill by hand', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const url = demoUrl('discord', '/signup/opaque');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    const steps = popup.currentOrder.getByTestId('order-steps').getByRole('listitem');
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(steps.nth(0)).toHaveText(
      'No phone field found: click the field, then press Alt+Shift+F (or right-click > Fill verification number here)',
      { timeout: 10_000 },
    );
    await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(steps.nth(1)).toHaveText(/^Press the page’s button that sends the code/);
    await expect(steps.nth(2)).toHaveText('We fill the code as soon as it arrives');

    // The user does as told: the field, then the shortcut (its handler, as manual.spec.ts calls it).
    await site.locator('#f1').focus();
    const outcome = await ext.worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      const hook = (
        globalThis as unknown as {
          smsVerifyManual: { onCommand(c: string, t: object): Promise<string> };
        }
      ).smsVerifyManual;
      return tab ? hook.onCommand('fill-here', tab) : 'no tab';
    }, url);
    expect(outcome).toBe('filled-phone');
    await expect(steps.nth(0)).toHaveText('Number filled on discord.localhost');
    await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');

    const phone = (await popup.number.textContent())?.replace(/[^\d+]/g, '') ?? '';
    await control.sms(phone, 'Your Discord code is 482913');
    await expect(popup.code).toHaveText('482913', { timeout: 30_000 });
    await expect(steps.nth(2)).toHaveText(
      'Code arrived; if it is not on the page, click the code field and press Alt+Shift+F',
    );
  });

  test('no SMS in the window: the refund card says why and offers Priority or another country', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    await control.settings({ window_seconds: 12, early_cancel_seconds: 2 });
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('telegram'));
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await popup.expectStatus('Refunded', 40_000);

    const card = popup.currentOrder;
    const first = (await control.ledger(apiKey)).orders[0];
    await expect(card).toContainText(
      `No SMS in 1 min: refunded ${dollars(first?.price_cents ?? 0)}`,
    );
    // A dead number cannot be copied.
    await expect(card.getByRole('button', { name: /^Copy the number/ })).toHaveCount(0);

    await card.getByRole('button', { name: 'Another country' }).click();
    await expect(popup.countrySearch).toBeFocused();

    await control.settings({ window_seconds: 1200 });
    const priority = card.getByRole('button', { name: /^Try Priority, \$\d+\.\d\d$/ });
    await priority.click();
    await popup.expectStatus('Waiting for the SMS');
    const ledger = await control.ledger(apiKey);
    expect(ledger.orders).toHaveLength(2);
    expect(ledger.orders[1]?.band).toBe('priority');
    expect(ledger.orders[1]?.country).toBe(ledger.orders[0]?.country);
  });

  test('first run: one step at a time to a success, a demo link for the sandbox; a new address asks for the key again; Remove asks first', async ({
    ext,
    sandbox,
    control,
  }) => {
    const key = `coda_live_e2e_${randomUUID().slice(0, 8)}`;
    await control.createAccount(key, START_BALANCE_CENTS);
    const options = await OptionsPage.open(ext.context, ext.extensionId);
    const page = options.page;
    const welcome = page.getByRole('region', { name: 'Get started' });
    const step = welcome.locator('[aria-current="step"]');
    await expect(step).toHaveText('Paste your provider’s API key below.');
    await expect(welcome.getByRole('link', { name: 'Get a key at codasms.com' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Add a provider' })).toBeVisible();

    await options.saveAndTest({ apiKey: key, baseUrl: sandbox.url });
    await expect(options.status).toHaveText('Connected to CODASMS. Balance: $5.00');
    await expect(options.status).toHaveClass(/success/);
    await expect(step).toHaveText(
      'Open a signup page and click the SMS Verify button in the toolbar.',
    );
    await expect(
      welcome.getByRole('link', { name: 'Try it on the demo signup site' }),
    ).toHaveAttribute('href', `http://discord.localhost:${sandbox.port}/`);

    // Editing: the form says so; a new address empties the key, which must be typed again.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { name: 'Edit CODASMS' })).toBeVisible();
    const keyField = page.getByLabel('API key');
    await expect(keyField).toHaveValue(key);
    await expect(keyField).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show key' }).click();
    await expect(keyField).toHaveAttribute('type', 'text');
    await page.getByLabel(/API address/).fill('https://codasms.example');
    await expect(keyField).toHaveValue('');
    await expect(keyField).toHaveAccessibleDescription(
      'The address changed, so type the key for the new address again.',
    );

    // Remove asks first; Keep keeps.
    const providers = page.getByRole('region', { name: 'Your providers' });
    await providers.getByRole('button', { name: 'Remove CODASMS' }).click();
    await expect(providers).toContainText(
      'Remove CODASMS? Open orders keep their key until they end.',
    );
    await providers.getByRole('button', { name: 'Keep' }).click();
    await expect(providers).toContainText(`CODASMS (${sandbox.url})`);
    await providers.getByRole('button', { name: 'Remove CODASMS' }).click();
    await providers.getByRole('group').getByRole('button', { name: 'Remove' }).click();
    await expect(providers).toHaveCount(0);
  });
});
