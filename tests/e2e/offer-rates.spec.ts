import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { setPreferences, storedPreferences } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { OptionsPage, openPopup, openSignupWithPopup, tabIdOf } from '../support/extension.ts';

// Which offer works: after some orders, each offer row says how often the user's own numbers
// of it brought a code and how fast ("100% · 2 s · 3 orders"), 5sim's offers say 5sim's own
// rate, and "Best chance" puts the offers that deliver first. The last used offer stays on top.

/** The country names of the offer list, top to bottom, once it holds `first` on top. */
async function countriesWith(popup: PopupPage, first: string): Promise<string[]> {
  await expect(popup.page.locator('.offers .country-name').first()).toHaveText(first);
  return popup.countries();
}

async function downloadText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await download.path()) ?? '', 'utf8');
}

test('after real orders the rows show the delivery record, and Best chance reorders them', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  test.setTimeout(240_000);
  // Seven numbers on one site within minutes: more than the default per-visit limit allows.
  await setPreferences(ext.worker, {
    spendLimits: {
      dailyCap: { cents: 500, currency: 'USD' },
      balanceFloor: null,
      ordersPerVisit: null,
    },
  });
  // A short window: a number nobody texts runs out (and is refunded) within seconds.
  await control.settings({ window_seconds: 10, early_cancel_seconds: 2 });
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  const popup = new PopupPage(popupPage);
  await expect(popup.service).toHaveText('Discord');

  /** Orders a Standard number in `country`; the SMS comes, or nobody sends one. */
  async function order(country: string, smsComes: boolean) {
    await popup.getNumber(country);
    await popup.expectStatus('Waiting for the SMS');
    if (smsComes) {
      const open = (await control.ledger(apiKey)).orders.find((o) => o.state === 'waiting');
      await control.sms(open?.number ?? null, 'Your Discord verification code is 482913');
      await popup.expectStatus('Code received');
    } else {
      await popup.expectStatus('Refunded', 40_000);
    }
  }
  for (const smsComes of [true, true, true]) await order('Indonesia', smsComes);
  for (const smsComes of [false, true, false]) await order('Philippines', smsComes);
  await order('India', true);

  // Charged for the five codes, the two numbers without one refunded, nothing held.
  const ledger = await control.ledger(apiKey);
  const moved = (type: string) =>
    ledger.orders.filter((o) => o.movements.some((m) => m.type === type)).length;
  expect([moved('charge'), moved('refund'), ledger.held_cents]).toEqual([5, 2, 0]);

  // The popup as the user opens it next on the site.
  await popup.page.reload();
  const indonesia = popup.offerRow('Indonesia').getByTestId('delivery-standard');
  await expect(indonesia).toHaveText(/^Standard\s*100% · \d+ s · 3 orders$/);
  await expect(popup.offerRow('Philippines').getByTestId('delivery-standard')).toHaveText(
    /^Standard\s*33% · \d+ s · 3 orders$/,
  );
  // One order is too few to say anything: no record on the row. It is the last used offer.
  const india = popup.offerRow('India');
  await expect(india.getByTestId('delivery-standard')).toHaveCount(0);
  await expect(india.getByTestId('pin')).toHaveText('last used: Standard');
  // The record describes the button it belongs to.
  await expect(
    popup.page.getByRole('button', { name: /^Get a number in Indonesia, Standard,/ }),
  ).toHaveAccessibleDescription(/100% · \d+ s · 3 orders/);

  const sort = popup.page.getByTestId('offer-sort');
  await expect(sort.getByRole('radio', { name: 'Cheapest' })).toBeChecked();
  const cheapest = await countriesWith(popup, 'India');
  expect(cheapest.slice(0, 5)).toEqual([
    'India',
    'Indonesia',
    'Vietnam',
    'Philippines',
    'USA (virtual)',
  ]);

  await sort.getByRole('radio', { name: 'Best chance' }).check();
  // The last used offer stays on top; the offer that always delivered comes next; the
  // Philippines (1 code in 3) go below the countries never tried, cheapest first among them.
  await expect(popup.page.locator('.offers .country-name').nth(3)).toHaveText('USA (virtual)');
  const best = await countriesWith(popup, 'India');
  expect(best.slice(0, 4)).toEqual(['India', 'Indonesia', 'Vietnam', 'USA (virtual)']);
  expect(best.indexOf('Philippines')).toBeGreaterThan(best.indexOf('Thailand'));
  expect([...best].sort()).toEqual([...cheapest].sort());

  // Remembered: the next popup opens sorted the same way.
  await expect
    .poll(async () => (await storedPreferences(ext.worker))['offerSort'])
    .toBe('bestChance');
  await popup.page.reload();
  await expect(sort.getByRole('radio', { name: 'Best chance' })).toBeChecked();
  expect(await countriesWith(popup, 'India')).toEqual(best);

  // The history exports the same per offer, beside the unchanged order CSV.
  const [history] = await Promise.all([
    ext.context.waitForEvent('page'),
    popup.page.getByRole('button', { name: 'History' }).click(),
  ]);
  const stats = await downloadText(history, 'Export delivery stats');
  const lines = stats.trim().split('\r\n');
  expect(lines[0]).toBe('provider,service,country,band,orders,codes,delivery rate,median seconds');
  expect(lines.slice(1)).toEqual([
    expect.stringMatching(/^"CODASMS","Discord","Indonesia","standard","3","3","100%","\d+"$/),
    expect.stringMatching(/^"CODASMS","Discord","Philippines","standard","3","1","33.3%","\d+"$/),
    expect.stringMatching(/^"CODASMS","Discord","India","standard","1","1","100%","\d+"$/),
  ]);
  const orders = await downloadText(history, 'Export CSV');
  expect(orders.split('\r\n')[0]).toBe(
    'created,ended,service,site,country,tier,number,price,currency,outcome,code',
  );
  expect(orders.trim().split('\r\n')).toHaveLength(8);
});

test("5sim's offers say 5sim's own delivery rate, per tier", async ({
  ext,
  sandbox,
  control,
  demoUrl,
}) => {
  const key = `fivesim_e2e_${randomUUID().slice(0, 8)}`;
  await control.createAccount(key, 500);
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.saveAndTest({
    provider: 'fivesim',
    apiKey: key,
    baseUrl: sandbox.url,
    currency: 'USD',
  });
  await expect(options.status).toHaveText('Connected to 5sim. Balance: $5.00');
  await options.page.close();

  const url = demoUrl('discord');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
  );
  // The sandbox's 5sim price list publishes each operator's rate, as 5sim does.
  const prices = (await (
    await fetch(`${sandbox.url}/v1/guest/prices?country=indonesia&product=discord`)
  ).json()) as { indonesia: { discord: Record<string, { cost: number; rate: number }> } };
  const rates = Object.values(prices.indonesia.discord).sort((a, b) => a.cost - b.cost);
  const shown = (rate = 0) => `5sim: ${Math.floor(rate)}%`;
  const row = popup.offerRow('Indonesia');
  await expect(row.getByTestId('delivery-standard')).toHaveText(
    `Standard ${shown(rates[0]?.rate)}`,
  );
  await expect(row.getByTestId('delivery-priority')).toHaveText(
    `Priority ${shown(rates[1]?.rate)}`,
  );
});
