import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';

// The price on the button is the most an order may cost: a price that moved or an offer that
// went away between the list and the click is refused (nothing bought), never bought uncapped.

test('a price that rose after the list was shown: nothing bought, the new price one click away', async ({
  ext,
  apiKey,
  sandbox,
  control,
  demoUrl,
}) => {
  const url = demoUrl('discord');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
  );
  await expect(popup.service).toHaveText('Discord');
  const button = popup.offerRow('Malaysia').getByRole('button', { name: /Standard/ });
  await expect(button).toBeEnabled();
  const seen = sandbox.ledger.catalog.offer('ds', '7')?.standardCents ?? 0;
  const now = seen + 7;
  await control.price({ service: 'ds', country: '7', cents: now });
  await new Promise((r) => setTimeout(r, 2_100)); // past the sandbox's "price moving" moment

  await popup.getNumber('Malaysia');
  const shown = `$${(now / 100).toFixed(2)}`;
  await expect(popup.problem).toContainText('The price changed since the list was shown');
  await expect(popup.problem).toContainText(`It is ${shown} now.`);
  expect((await control.ledger(apiKey)).orders).toHaveLength(0);

  await popup.problem.getByRole('button', { name: `Order at ${shown}` }).click();
  await popup.expectStatus('Waiting for the SMS');
  const orders = (await control.ledger(apiKey)).orders;
  expect(orders.map((o) => o.price_cents)).toEqual([now]);
  await control.price({ service: 'ds', country: '7', cents: seen });
});

test('an offer gone when clicked: refused in words, nothing bought', async ({
  ext,
  apiKey,
  sandbox,
  control,
  demoUrl,
}) => {
  const url = demoUrl('telegram');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
  );
  await expect(popup.service).toHaveText('Telegram');
  await expect(popup.offerRow('Malaysia').getByRole('button', { name: /Standard/ })).toBeEnabled();
  expect(sandbox.ledger.catalog.offer('tg', '7')).toBeDefined();
  await control.price({ service: 'tg', country: '7', cents: null });

  await popup.getNumber('Malaysia');
  await expect(popup.problem).toContainText('This offer is no longer available', {
    timeout: 15_000,
  });
  expect((await control.ledger(apiKey)).orders).toHaveLength(0);
});
