import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { openPopup, tabIdOf, watchClipboard } from '../support/extension.ts';
import { REFUND_CONFIRM_MS } from '../../lib/orders/refund.ts';

// Refund assurance: an order without a code counts as refunded only once the provider says
// the money is back. The sandbox plays a provider that refunds late, or never.

const badge = (worker: Worker, tabId?: number) =>
  worker.evaluate(
    (tabId) => chrome.action.getBadgeText(tabId === undefined ? {} : { tabId }),
    tabId,
  );

test('a refund that never comes is flagged "Not refunded" with the facts for support, and on the badge', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  await control.refunds({ mode: 'never' });
  const site = await ext.context.newPage();
  await site.goto(demoUrl('discord'));
  const tabId = await tabIdOf(ext.worker, demoUrl('discord'));
  const popup = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId));
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await popup.cancelWhenAllowed();
  // The provider took the cancel but kept the money: not "Refunded".
  await popup.expectStatus('Cancelled, waiting for the refund');
  // Only the refund is awaited: the offers are back for another number meanwhile.
  await expect(
    popup.page.getByRole('button', { name: /^Get a number in Indonesia, / }),
  ).not.toHaveCount(0);

  // The refund deadline passes (the worker's test clock), the money still not back.
  await ext.worker.evaluate(
    (ms) => chrome.storage.local.set({ testClockOffsetMs: ms }),
    REFUND_CONFIRM_MS + 10_000,
  );
  await popup.expectStatus('Not refunded');
  await expect(popup.page.getByText(/was not refunded\. History has the details/)).toBeVisible();
  await expect.poll(() => badge(ext.worker)).toBe('!');
  await expect.poll(() => badge(ext.worker, tabId)).toBe('!');

  const ledger = await control.ledger(apiKey);
  const kept = ledger.orders[0];
  expect(kept?.state).toBe('cancelled');
  expect(kept?.movements.map((m) => m.type)).toEqual(['hold']);

  const history = await ext.context.newPage();
  await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
  await expect(history.getByRole('row').nth(1)).toContainText('not refunded');
  const usd = `$${((kept?.price_cents ?? 0) / 100).toFixed(2)}`;
  await expect(history.getByTestId('not-refunded')).toHaveText(usd);
  await expect(history.getByTestId('refunded')).toHaveText('$0.00');
  const copied = await watchClipboard(history);
  const copy = history.getByRole('button', { name: /^Copy the details for support about / });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  await expect.poll(copied).toContain(`Provider order id: ${kept?.order_id ?? '?'}`);
  const block = (await copied()) ?? '';
  expect(block).toContain(`Number: ${kept?.number ?? '?'}`);
  expect(block).toContain('Site: discord.localhost');
  expect(block).toContain('Provider: CODASMS');
  expect(block).toMatch(/cancelled \(to the cancel\)/);
  expect(block).not.toContain(apiKey);
});

test('a late refund ends as refunded once the money is back', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  await control.refunds({ mode: 'late', seconds: 8 });
  const site = await ext.context.newPage();
  await site.goto(demoUrl('telegram'));
  const tabId = await tabIdOf(ext.worker, demoUrl('telegram'));
  const popup = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId));
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  await popup.cancelWhenAllowed();
  await popup.expectStatus('Cancelled, waiting for the refund');
  await popup.expectStatus('Refunded', 45_000);
  expect((await control.ledger(apiKey)).orders[0]?.state).toBe('refunded');
  await expect.poll(() => badge(ext.worker)).toBe('');

  const history = await ext.context.newPage();
  await history.goto(`chrome-extension://${ext.extensionId}/order-history.html`);
  await expect(history.getByRole('row').nth(1)).toContainText('refunded');
  await expect(history.getByTestId('not-refunded')).toHaveCount(0);
});
