import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openPopup, tabIdOf, watchClipboard } from '../support/extension.ts';

test('history shows what was charged, refunded and saved, and exports CSV without the key', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  await control.settings({ early_cancel_seconds: 2 });
  // One order gets its code...
  const discord = await ext.context.newPage();
  await discord.goto(demoUrl('discord'));
  const popupA = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, demoUrl('discord'))),
  );
  await popupA.getNumber('Indonesia');
  await popupA.expectStatus('Waiting for the SMS');
  await new SignupPage(discord).sendCode();
  await popupA.expectStatus('Code received');

  // ...another is cancelled by the user and refunded.
  const tg = await ext.context.newPage();
  await tg.goto(demoUrl('telegram'));
  const popupB = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, demoUrl('telegram'))),
  );
  await popupB.getNumber('Indonesia', 'Priority');
  await popupB.expectStatus('Waiting for the SMS');
  await popupB.cancelWhenAllowed();
  await popupB.expectStatus('Refunded');

  const ledger = await control.ledger(apiKey);
  const charged = ledger.orders.find((o) => o.movements.some((m) => m.type === 'charge'));
  const refunded = ledger.orders.find((o) => o.movements.some((m) => m.type === 'refund'));
  const usd = (cents = 0) => `$${(cents / 100).toFixed(2)}`;

  const [history] = await Promise.all([
    ext.context.waitForEvent('page'),
    popupB.page.getByRole('button', { name: 'History' }).click(),
  ]);
  await expect(history.getByTestId('spent')).toHaveText(usd(charged?.price_cents));
  await expect(history.getByTestId('refunded')).toHaveText(usd(refunded?.price_cents));
  // The refund is what pay-per-code saved: said once, not as a second total.
  await expect(history.getByTestId('saved')).toHaveCount(0);
  await expect(history.getByRole('region', { name: 'Totals' })).toContainText(
    'numbers that got no code cost you nothing',
  );
  // A refunded number is dead: nothing to copy.
  await expect(history.getByRole('button', { name: /^Copy the number/ })).toHaveCount(1);
  await expect(history.getByRole('row')).toHaveCount(3);
  // The table uses a wide window's width (it was held to 560 px), and a narrow window scrolls
  // the table, not the page.
  await history.setViewportSize({ width: 1280, height: 800 });
  expect((await history.locator('table.history').boundingBox())?.width).toBeGreaterThan(900);
  await history.setViewportSize({ width: 480, height: 800 });
  const pageScrolls = () =>
    history.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(await pageScrolls()).toBe(false);

  // The charged order's code can be copied from its row (the page cannot read the clipboard
  // back headless, so the test sees what the button hands it).
  const copied = await watchClipboard(history);
  const copyCode = history.getByRole('button', { name: `Copy the code ${charged?.code ?? ''}` });
  await copyCode.click();
  await expect(copyCode).toHaveText('Copied');
  await expect.poll(copied).toBe(charged?.code);

  const [download] = await Promise.all([
    history.waitForEvent('download'),
    history.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(3);
  expect(csv).toContain('"charged"');
  expect(csv).toContain('"refunded"');
  expect(csv).not.toContain(apiKey);
});

test('an open order in the history shows its time left and can be cancelled there', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  await control.settings({ early_cancel_seconds: 3 });
  const site = await ext.context.newPage();
  await site.goto(demoUrl('discord'));
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, demoUrl('discord'))),
  );
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');

  const history = await ext.context.newPage();
  await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
  await expect(history.getByRole('timer', { name: 'Time left for the SMS' })).toHaveText(
    /^\d+:\d\d$/,
  );
  const cancel = history.getByRole('button', {
    name: 'Cancel & refund (Discord)',
  });
  await expect(cancel).toBeEnabled({ timeout: 15_000 });
  await cancel.click();
  await expect(history.getByRole('row').nth(1)).toContainText('refunded', { timeout: 15_000 });
  await expect(cancel).toHaveCount(0);
  expect((await control.ledger(apiKey)).orders[0]?.state).toBe('refunded');
});
