import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, START_BALANCE_CENTS, TEST_BUILD_DIR, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import {
  killServiceWorker,
  launchWithExtension,
  serviceWorkerStates,
} from '../support/chromium.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';
import type { SandboxControl } from '../support/sandbox-client.ts';

// The pay-per-code promise under the things MV3 and real life do to an extension: the service
// worker is killed, the browser is closed mid-order, the provider fails. Every story ends with
// the provider's own ledger: one charge for a code, or the money back, exactly once.

/** Whether any service worker of the extension is alive (per CDP, not Playwright's list). */
const workerAlive = async (context: BrowserContext, page: Page) =>
  (await serviceWorkerStates(context, page)).some((s) => s !== 'stopped');

/**
 * A page showing `url`. Right after a launch the extension may open its options page into the
 * newest blank tab (onboarding), which interrupts a navigation there: take another tab then.
 */
async function openPage(context: BrowserContext, url: string): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const page = await context.newPage();
    try {
      await page.goto(url);
      return page;
    } catch (e) {
      if (attempt >= 3 || !String(e).includes('interrupted by another navigation')) throw e;
    }
  }
}

/** Opens the site and its popup and orders an Indonesian number; resolves once it is filled. */
async function orderNumber(
  context: BrowserContext,
  extensionId: string,
  worker: Worker,
  url: string,
) {
  const site = await openPage(context, url);
  const signup = new SignupPage(site);
  const popup = new PopupPage(await openPopup(context, extensionId, await tabIdOf(worker, url)));
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await expect(signup.phone).toHaveValue(/^\+62/);
  return { site, signup, popup, phone: await signup.phone.inputValue() };
}

async function onlyOrder(control: SandboxControl, key: string) {
  const ledger = await control.ledger(key);
  expect(ledger.orders).toHaveLength(1);
  return { ledger, order: ledger.orders[0]! };
}

test.describe('resilience: the order survives what happens to the browser', () => {
  test('the worker is killed while waiting for the SMS: the code is still filled', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const { signup, popup } = await orderNumber(
      ext.context,
      ext.extensionId,
      ext.worker,
      demoUrl('discord'),
    );
    // Nothing of ours keeps the worker awake; Chrome stops it.
    await popup.page.close();
    await killServiceWorker(ext.context, signup.page);
    expect(await workerAlive(ext.context, signup.page)).toBe(false);

    // The site texts the number while no worker runs; the page's code field wakes a new one.
    await signup.sendCode();
    await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
    expect(await workerAlive(ext.context, signup.page)).toBe(true);

    const { ledger, order } = await onlyOrder(control, apiKey);
    await expect(signup.code).toHaveValue(order.code ?? 'none');
    await signup.verify();
    await signup.expectVerified();
    expect(order.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - order.price_cents);
  });

  test('the worker is killed between sending a cancel and reading the reply: refunded once', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    await control.settings({ early_cancel_seconds: 2 });
    const url = demoUrl('telegram');
    const { popup, site } = await orderNumber(ext.context, ext.extensionId, ext.worker, url);
    const tabId = await tabIdOf(ext.worker, url);
    // Every provider reply from now on takes 1-3 s: the cancel is still in flight when the
    // worker dies.
    await control.faults({ rate: 1, kinds: ['latency'] });
    await popup.cancelWhenAllowed();
    await popup.expectStatus('Cancelling, refund on its way');
    await popup.page.waitForTimeout(400);
    await popup.page.close();
    await killServiceWorker(ext.context, site);

    // The provider acts on the cancel it received, while no worker of ours is alive to read it.
    await expect
      .poll(async () => (await onlyOrder(control, apiKey)).order.state, { timeout: 10_000 })
      .toBe('refunded');
    expect(await workerAlive(ext.context, site)).toBe(false);
    await control.faults({ rate: 0 });

    // A fresh worker (woken by the popup) finds the order cancelling, asks again, and ends it.
    const again = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId));
    await again.expectStatus('Refunded');
    const { ledger, order } = await onlyOrder(control, apiKey);
    expect(order.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(order.movements[1]?.reason).toBe('cancelled');
    expect(ledger.refunded_cents).toBe(order.price_cents);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS);
    expect(ledger.held_cents).toBe(0);
  });

  test('the browser is closed mid-order and the code arrives meanwhile: shown and charged once', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord');
    const { phone } = await orderNumber(ext.context, ext.extensionId, ext.worker, url);
    await ext.close({ keepProfile: true });

    // The SMS reaches the number while the browser is closed.
    const sent = await control.sms(phone, 'Your Discord verification code is 481516');
    expect(sent).toMatchObject({ ok: true, code: '481516' });

    const relaunched = await launchWithExtension({
      extensionDir: TEST_BUILD_DIR,
      userDataDir: ext.userDataDir,
    });
    try {
      // The user opens the signup page again: it takes the order over from the closed tab.
      const site = await openPage(relaunched.context, url);
      const signup = new SignupPage(site);
      await expect(signup.phone).toHaveValue(phone);
      const popup = new PopupPage(
        await openPopup(
          relaunched.context,
          relaunched.extensionId,
          await tabIdOf(relaunched.worker, url),
        ),
      );
      await popup.expectStatus('Code received');
      await expect(popup.code).toHaveText('481516');
      const stored = await relaunched.worker.evaluate(async () => {
        const { orders } = await chrome.storage.local.get('orders');
        return Object.values(orders as Record<string, { state: string; code: string | null }>);
      });
      expect(stored).toEqual([expect.objectContaining({ state: 'completed', code: '481516' })]);

      const { ledger, order } = await onlyOrder(control, apiKey);
      expect(order.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
      expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - order.price_cents);
      expect(ledger.held_cents).toBe(0);
    } finally {
      await relaunched.close();
    }
  });

  test('the provider fails a quarter of its requests: the happy path still completes', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    await control.faults({ rate: 0.25 });
    const { signup } = await orderNumber(
      ext.context,
      ext.extensionId,
      ext.worker,
      demoUrl('discord'),
    );
    await signup.sendCode();
    await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 40_000 });
    await signup.verify();
    await signup.expectVerified();
    await control.faults({ rate: 0 });

    const { ledger, order } = await onlyOrder(control, apiKey);
    await expect(signup.code).toHaveValue(order.code ?? 'none');
    expect(order.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.balance_cents).toBe(START_BALANCE_CENTS - order.price_cents);
  });
});
