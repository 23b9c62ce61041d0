import { Catalog } from '../../sandbox/catalog.ts';
import { expect, test } from './fixtures.ts';
import { setPreferences } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import {
  expectOpensOptions,
  configureProvider,
  openPopup,
  openSignupWithPopup,
  tabIdOf,
} from '../support/extension.ts';

test.describe('a site the catalog does not know', () => {
  test('the user finds its service in the provider list, orders, and the popup remembers the choice', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    // "zorbly" is no catalog service's domain: the popup cannot guess.
    const url = demoUrl('zorbly');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await expect(popup.service).toHaveText('Unknown service');
    await popup.chooseService('sig', 'Signal');
    await expect(popup.balance).toHaveText('$5.00');
    await expect(popup.offerRow('Indonesia')).toBeVisible();

    // Opened again on the same site: the choice stands.
    await popupPage.close();
    const tabId = await tabIdOf(ext.worker, url);
    const again = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId));
    await expect(again.service).toHaveText('Signal');
    await expect(again.page.getByText('your choice for this site')).toBeVisible();

    // The user changes their mind, and the order is for the new service.
    await again.changeService('open', 'OpenAI');
    await again.getNumber('Indonesia');
    await again.expectStatus('Waiting for the SMS');
    await expect(new SignupPage(site).phone).toHaveValue(/^\+62/);
    const ledger = await control.ledger(apiKey);
    expect(ledger.orders.map((o) => o.service)).toEqual(['dr']);

    await again.page.close();
    const third = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId));
    await expect(third.service).toHaveText('OpenAI');
  });

  test('a detected service can be changed too', async ({ ext, apiKey, demoUrl }) => {
    expect(apiKey).toBeTruthy();
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await expect(popup.service).toHaveText('Discord');
    // A service the provider does not list: its "Other" numbers, one click away.
    await popup.page.getByRole('button', { name: 'Change service' }).click();
    await popup.serviceSearch.fill('zorbly');
    await expect(popup.page.getByText('No service matches “zorbly”.')).toBeVisible();
    await popup.page.getByRole('button', { name: 'Not listed? Use “Other (any service)”' }).click();
    await expect(popup.service).toHaveText('Other (any service)');
    await expect(popup.offerRow('Indonesia')).toBeVisible();
  });
});

test.describe('the offer list', () => {
  test('the default country is on top, the search finds countries by name, the price cap hides dearer ones until asked', async ({
    ext,
    apiKey,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    await setPreferences(ext.worker, { defaultCountry: '16' });
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await expect(popup.offerRow('Indonesia')).toBeVisible();
    expect((await popup.countries())[0]).toBe('United Kingdom');

    await popup.countrySearch.fill('ind');
    await expect.poll(async () => (await popup.countries()).sort()).toEqual(['India', 'Indonesia']);
    await popup.countrySearch.fill('');
    await expect(popup.offerRow('Germany')).toBeVisible();

    // A price cap set in the options: Discord numbers above 30 cents leave the list.
    const cap = 30;
    const dearer = new Catalog().offers({ service: 'ds' }).filter((o) => o.standardCents > cap);
    expect(dearer.length).toBeGreaterThan(1);
    await setPreferences(ext.worker, { maxPriceCents: cap });
    await expect(popup.capNote).toContainText(
      `${dearer.length} countries hidden above your price cap`,
    );
    await expect(popup.offerRow('Germany')).toHaveCount(0);
    await expect(popup.offerRow('Indonesia')).toBeVisible();

    await popup.capNote.getByRole('button', { name: 'Show them' }).click();
    await expect(popup.offerRow('Germany')).toBeVisible();
    await popup.capNote.getByRole('button', { name: 'Hide them again' }).click();
    await expect(popup.offerRow('Germany')).toHaveCount(0);
  });
});

test.describe('errors that say what to do next', () => {
  test('an empty balance: the offers ask for a top-up instead of ordering', async ({
    ext,
    sandbox,
    control,
    demoUrl,
  }) => {
    const key = `coda_live_e2e_empty_${Date.now()}`;
    await control.createAccount(key, 0);
    await configureProvider(ext.context, ext.extensionId, { apiKey: key, baseUrl: sandbox.url });
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await expect(popup.balance).toHaveText('$0.00');
    const row = popup.offerRow('Indonesia');
    const topUp = row.getByRole('link', {
      name: /^Top up to get a number in Indonesia, Standard, /,
    });
    await expect(topUp).toHaveAttribute('href', new URL(sandbox.url).origin);
    await expect(topUp).toContainText('Top up');
    await expect(row.getByRole('button', { name: /^Get a number in Indonesia/ })).toHaveCount(0);
    expect((await control.ledger(key)).orders).toHaveLength(0);
  });

  test('a key the provider rejects: the popup says so and leads to the settings', async ({
    ext,
    sandbox,
    demoUrl,
  }) => {
    // The options save only a key that passes its test, so this is a key the provider revoked
    // after it was saved: stored as the options page stores settings (version 2).
    await ext.worker.evaluate(async (baseUrl) => {
      await chrome.storage.local.set({
        providerSettings: [{ providerId: 'codasms', apiKey: 'coda_live_revoked', baseUrl }],
        providerSettings$: { v: 2 },
      });
    }, sandbox.url);
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    await expect(popup.problem).toContainText('CODASMS rejected your API key.');
    await expectOpensOptions(ext.context, () =>
      popup.problem.getByRole('button', { name: 'Check the API key' }).click(),
    );
  });
});

test('the popup speaks the language chosen in the options', async ({ ext, apiKey, demoUrl }) => {
  expect(apiKey).toBeTruthy();
  await setPreferences(ext.worker, { language: 'ru' });
  const { popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
  await expect(popupPage.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(popupPage.getByText('Баланс')).toBeVisible();
  await expect(popupPage.getByTestId('balance')).toHaveText('5,00 $');
  await expect(
    popupPage.getByRole('button', { name: /^Взять номер, Индонезия, Обычный, / }),
  ).toBeVisible();
  await expect(popupPage.getByRole('searchbox', { name: 'Поиск страны' })).toBeVisible();
});

test.describe('a provider that fails or limits requests is named', () => {
  test('not answering: the popup says which provider at once, and Try again works once it is back', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    expect(apiKey).toBeTruthy();
    // Every provider request is taken, then its connection dropped without a reply.
    await control.faults({ rate: 1, kinds: ['drop'] });
    const started = Date.now();
    const { popupPage } = await openSignupWithPopup(ext, demoUrl('telegram'));
    const popup = new PopupPage(popupPage);
    await expect(popup.problem).toHaveText(/^CODASMS is not answering\./);
    // The background's own retries only, not a second round of them from the popup.
    expect(Date.now() - started).toBeLessThan(10_000);
    await control.faults({ rate: 0 });
    await popup.problem.getByRole('button', { name: 'Try again' }).click();
    await expect(popup.offerRow('Indonesia')).toBeVisible();
  });

  test('limiting requests: the prices shown stay, with who limits and from when the prices are', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    test.slow(); // the prices must come due for a refresh (half a minute)
    expect(apiKey).toBeTruthy();
    const url = demoUrl('discord');
    const { popupPage } = await openSignupWithPopup(ext, url);
    await expect(new PopupPage(popupPage).offerRow('Indonesia')).toBeVisible();
    await popupPage.close();
    // The sandbox now allows one request a minute per key; this key spent more than that.
    await control.settings({ rate_limit: 1 });
    await new Promise((done) => setTimeout(done, 31_000));

    const popup = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
    );
    await expect(popup.offerRow('Indonesia')).toBeVisible();
    await expect(
      popup.page.getByText(/^CODASMS is limiting requests; prices from \d{1,2}:\d\d/),
    ).toBeVisible();
    // Not the generic line of before.
    await expect(popup.page.getByText('Providers limit how often')).toHaveCount(0);
  });
});
