import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openPopup, openSignupWithPopup, tabIdOf, watchClipboard } from '../support/extension.ts';

// Manual fill (README, "Manual fill"). Playwright cannot click a native context menu or press a
// browser-level shortcut, so the test build exposes the handlers the menus.onClicked and
// commands.onCommand listeners call; the page side (the right-click it records, the fill) is real.

type Outcome = string;
interface ManualHook {
  onMenuClick(info: object, tab: object): Promise<Outcome>;
  onCommand(command: string, tab: object): Promise<Outcome>;
  refresh(): void;
  codeMenuShown(): Promise<boolean | null>;
}

/** What the context-menu click on `menuItemId` does in the tab showing `url`. */
function menuClick(worker: Worker, url: string, menuItemId: 'fill-number' | 'fill-code') {
  return worker.evaluate(
    async ({ url, menuItemId }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (!tab) throw new Error(`no tab shows ${url}`);
      const hook = (globalThis as unknown as { smsVerifyManual: ManualHook }).smsVerifyManual;
      const info = { menuItemId, editable: true, frameId: 0, pageUrl: tab.url };
      return hook.onMenuClick(info, tab);
    },
    { url, menuItemId },
  );
}

function shortcut(worker: Worker, url: string) {
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (!tab) throw new Error(`no tab shows ${url}`);
    const hook = (globalThis as unknown as { smsVerifyManual: ManualHook }).smsVerifyManual;
    return hook.onCommand('fill-here', tab);
  }, url);
}

const badge = (worker: Worker, tabId?: number) =>
  worker.evaluate(
    (tabId) => chrome.action.getBadgeText(tabId === undefined ? {} : { tabId }),
    tabId,
  );

/** Whether "Fill code here" is in the context menu now (for the active tab). */
const codeMenuShown = (worker: Worker) =>
  worker.evaluate(() =>
    (globalThis as unknown as { smsVerifyManual: ManualHook }).smsVerifyManual.codeMenuShown(),
  );

const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

/** The opaque demo page's two bare boxes: A takes the number, B the code. */
function opaque(page: Page) {
  return { a: page.locator('#f1'), b: page.locator('#f2'), status: page.getByRole('status') };
}

test.describe('manual fill', () => {
  test('context menu fills fields no detector finds; the site remembers them for the next order', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord', '/signup/opaque');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const number = digits(await popup.number.textContent());
    const page = opaque(site);
    // Detection finds nothing here: the number stays out of the page.
    await site.waitForTimeout(1500);
    await expect(page.a).toHaveValue('');

    // No code yet: only "Fill verification number here" is in the menu.
    await site.bringToFront();
    expect(await codeMenuShown(ext.worker)).toBe(false);
    // Right-click box A (the page records it), then "Fill verification number here".
    await page.a.click({ button: 'right' });
    expect(await menuClick(ext.worker, url, 'fill-number')).toBe('filled-phone');
    await expect(page.a).toHaveValue(/^\+62/);
    expect(digits(await page.a.inputValue())).toBe(number);

    // The page sends the SMS; the code arrives but has nowhere to go by itself.
    await site.getByRole('button', { name: 'Next' }).click();
    await expect(page.status).toHaveText('Sent');
    await popup.expectStatus('Code received');
    const code = (await popup.code.textContent()) ?? '';
    await expect(page.b).toHaveValue('');

    // "Fill code here" on box B: the menu offers it on this tab now.
    await site.bringToFront();
    await expect.poll(() => codeMenuShown(ext.worker)).toBe(true);
    await page.b.click({ button: 'right' });
    // The right-clicked box counts, not wherever the focus went since.
    await page.a.focus();
    expect(await menuClick(ext.worker, url, 'fill-code')).toBe('filled-code');
    await expect(page.b).toHaveValue(code);
    await site.getByRole('button', { name: 'Done' }).click();
    await expect(page.status).toHaveText('Verified');

    const remembered = await ext.worker.evaluate(async () => {
      const { siteFields } = await chrome.storage.local.get('siteFields');
      return siteFields as Record<string, { phone?: string; code?: string }>;
    });
    expect(remembered['discord.localhost']).toEqual({
      phone: 'input[id="f1"]',
      code: 'input[id="f2"]',
    });

    // A second order on this site, in a fresh tab: both boxes fill by themselves.
    const again = await ext.context.newPage();
    await again.goto(`${url}?again=1`);
    const second = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, again.url())),
    );
    await second.getNumber('Indonesia');
    await second.expectStatus('Waiting for the SMS');
    const next = opaque(again);
    await expect(next.a).toHaveValue(/^\+62/);
    expect(digits(await next.a.inputValue())).toBe(digits(await second.number.textContent()));
    await again.getByRole('button', { name: 'Next' }).click();
    await second.expectStatus('Code received');
    await expect(next.b).toHaveValue((await second.code.textContent()) ?? '', { timeout: 30_000 });
    await again.getByRole('button', { name: 'Done' }).click();
    await expect(next.status).toHaveText('Verified');
    expect((await control.ledger(apiKey)).orders).toHaveLength(2);
  });

  test('the shortcut fills the focused field; without an order nothing is filled', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    const url = demoUrl('telegram', '/signup/opaque');
    const site = await ext.context.newPage();
    await site.goto(url);
    const page = opaque(site);
    await page.a.focus();
    // No order for this site yet: the popup is offered (or a notification), the box stays empty.
    expect(await shortcut(ext.worker, url)).toBe('no-order');
    await expect(page.a).toHaveValue('');

    const popup = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
    );
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await site.bringToFront();
    await page.a.focus();
    expect(await shortcut(ext.worker, url)).toBe('filled-phone');
    await expect(page.a).toHaveValue(/^\+62/);
  });
});

test('Copy copies the number as the page took it: national digits beside a country selector', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const url = demoUrl('discord', '/signup/country');
  const { site, popupPage } = await openSignupWithPopup(ext, url);
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  const national = site.getByLabel('Phone number', { exact: true });
  await expect(national).not.toHaveValue('');
  const filled = await national.inputValue();
  expect(filled).not.toContain('+');

  // What the button hands the clipboard (a headless extension page cannot read it back).
  await popupPage.reload();
  const copied = await watchClipboard(popupPage);
  await popup.currentOrder.locator('.number').getByRole('button', { name: 'Copy' }).click();
  await expect.poll(copied).toBe(digits(filled));
});

test('two sites at once: each tab gets its own code, the popup lists both, each tab its badge', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const urlA = demoUrl('discord');
  const urlB = demoUrl('telegram');
  const a = await openSignupWithPopup(ext, urlA);
  const popupA = new PopupPage(a.popupPage);
  await popupA.getNumber('Indonesia');
  await popupA.expectStatus('Waiting for the SMS');
  const b = await openSignupWithPopup(ext, urlB);
  const popupB = new PopupPage(b.popupPage);
  await popupB.getNumber('Indonesia');
  await popupB.expectStatus('Waiting for the SMS');
  const phoneA = `+${digits(await popupA.number.textContent())}`;
  const phoneB = `+${digits(await popupB.number.textContent())}`;
  expect(phoneA).not.toBe(phoneB);

  // The popup on B: B's order first, A's below it, each with its own countdown.
  await popupB.page.reload();
  const cards = popupB.page.locator('section.order');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAccessibleName('Order for Telegram');
  await expect(cards.nth(1)).toHaveAccessibleName('Order for Discord');
  await expect(cards.nth(1).locator('.countdown')).toBeVisible();

  // Badges: minutes left on each order's tab, the count of waiting orders elsewhere.
  const tabA = await tabIdOf(ext.worker, urlA);
  const tabB = await tabIdOf(ext.worker, b.site.url());
  await expect.poll(() => badge(ext.worker, tabA)).toMatch(/^(19|20)m$/);
  await expect.poll(() => badge(ext.worker, tabB)).toMatch(/^(19|20)m$/);
  await expect.poll(() => badge(ext.worker)).toBe('2');

  // Each page asks for its SMS; each gets its own code.
  const signupB = new SignupPage(b.site);
  await signupB.sendCode();
  await popupB.expectStatus('Code received');
  await expect(signupB.code).toHaveValue((await popupB.code.textContent()) ?? '');
  await expect.poll(() => badge(ext.worker, tabB)).toBe('✓');
  await expect.poll(() => badge(ext.worker, tabA)).toMatch(/^(19|20)m$/);
  await expect.poll(() => badge(ext.worker)).toBe('1');

  // Closing A's tab does not abandon its order: its SMS still arrives and counts.
  await a.site.close();
  await control.sms(phoneA, 'Your Discord verification code is 615243');
  await expect
    .poll(async () => (await control.ledger(apiKey)).orders.find((o) => o.number === phoneA)?.code)
    .toBe('615243');
  await expect
    .poll(
      () =>
        ext.worker.evaluate(async (phone) => {
          const { orders } = await chrome.storage.local.get('orders');
          const all = Object.values(
            (orders ?? {}) as Record<string, { phone: string; code: string | null }>,
          );
          return all.find((o) => o.phone === phone)?.code ?? null;
        }, phoneA),
      { timeout: 30_000 },
    )
    .toBe('615243');
  await expect(signupB.code).not.toHaveValue('615243');
  await expect.poll(() => badge(ext.worker)).toBe('');

  // Half an hour on (the worker's test clock), B's code is stale: its tab falls back to the
  // global badge, which is empty with nothing waiting.
  await ext.worker.evaluate(() => chrome.storage.local.set({ testClockOffsetMs: 31 * 60_000 }));
  await expect
    .poll(async () => {
      await ext.worker.evaluate(() => {
        (globalThis as unknown as { smsVerifyManual: ManualHook }).smsVerifyManual.refresh();
      });
      return badge(ext.worker, tabB);
    })
    .toBe('');
});
