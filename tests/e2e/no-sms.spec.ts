import type { Worker } from '@playwright/test';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PreferencesPage, storedPreferences } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';

// No SMS within N minutes (3 by default): the popup offers another number, or the extension
// swaps it by itself while the page is still on its phone step. A swap costs nothing: the old
// number is cancelled for a refund first. Three minutes pass on the worker's test clock.

/** Moves the extension's clock on (the test build reads the offset from storage). */
const minutesPass = (worker: Worker, minutes: number) =>
  worker.evaluate((ms) => chrome.storage.local.set({ testClockOffsetMs: ms }), minutes * 60_000);

const digits = (shown: string) => shown.replace(/[^\d+]/g, '');

/** Waits until the page's phone field holds a number other than `old`, of the same country. */
async function expectNewNumber(signup: SignupPage, old: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const value = await signup.phone.inputValue();
        return value !== old && /^\+62/.test(value);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return signup.phone.inputValue();
}

test('swap automatically: no SMS in 3 min -> a new number fills the page, the first is refunded', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  const prefs = await PreferencesPage.open(ext.context, ext.extensionId);
  await expect(prefs.noSms('Ask me')).toBeChecked();
  await prefs.noSms('Swap automatically').check();
  await expect
    .poll(async () => (await storedPreferences(ext.worker))['noSms'])
    .toEqual({ when: 'swap', minutes: 3, maxSwaps: 2 });
  await prefs.page.close();

  // The site sends its SMS to the first number, and it never arrives.
  await control.delivery({ mode: 'never', orders: 1 });
  const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  const popup = new PopupPage(popupPage);
  const signup = new SignupPage(site);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await expect(signup.phone).toHaveValue(/^\+62/);
  const first = await signup.phone.inputValue();
  await signup.sendCode();
  await expect(site.getByText(/^We sent a code to/)).toBeVisible();

  await minutesPass(ext.worker, 3.1);
  // The page still shows its phone field with that number: the extension swaps it.
  const second = await expectNewNumber(signup, first);
  await expect(popup.noSms).toContainText(
    'in 3 min, so it was swapped for this number automatically and refunded.',
  );
  await popup.expectStatus('Waiting for the SMS');

  // The page's own button again, for the new number (not "Resend code": that is the old one's).
  await site.getByRole('button', { name: 'Send code', exact: true }).click();
  await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
  await signup.verify();
  await signup.expectVerified();
  await popup.expectStatus('Code received');

  const ledger = await control.ledger(apiKey);
  expect(ledger.orders).toHaveLength(2);
  const byNumber = new Map(ledger.orders.map((o) => [o.number, o]));
  const firstOrder = byNumber.get(digits(first));
  const secondOrder = byNumber.get(digits(second));
  expect(firstOrder?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
  expect(secondOrder?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
  expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - (secondOrder?.price_cents ?? 0));
  expect(ledger.held_cents).toBe(0);
});

test('ask (the default): no SMS in 3 min -> the popup offers another number, one click swaps it', async ({
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
  await expect(popup.noSms).toHaveCount(0);

  await minutesPass(ext.worker, 3.1);
  await expect(popup.noSms).toContainText(
    'No SMS after 3 min: try another number (this one is refunded)',
    { timeout: 15_000 },
  );
  // Asking only: the number stays where it is until the user says so.
  await expect(signup.phone).toHaveValue(first);
  // One button for it on the card (the usual "Try another number" gives way to it).
  await popup.currentOrder.getByRole('button', { name: 'Try another number' }).click();

  await expectNewNumber(signup, first);
  await expect(popup.noSms).toHaveCount(0);
  const ledger = await control.ledger(apiKey);
  const old = ledger.orders.find((o) => o.number === digits(first));
  expect(old?.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
  expect(ledger.orders).toHaveLength(2);
});
