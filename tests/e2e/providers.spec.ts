import { randomUUID } from 'node:crypto';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { OptionsPage, openPopup, tabIdOf } from '../support/extension.ts';

const newKey = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

test.describe('setting up providers in the options', () => {
  test('CODASMS: a wrong key is rejected in words, the right key shows its balance', async ({
    ext,
    sandbox,
    control,
  }) => {
    const key = newKey('coda_live_e2e');
    await control.createAccount(key, START_BALANCE_CENTS);
    const options = await OptionsPage.open(ext.context, ext.extensionId);

    await options.saveAndTest({ apiKey: 'coda_live_wrong', baseUrl: sandbox.url });
    await expect(options.alert).toHaveText('This key was rejected by CODASMS.');

    // An address with the API's path in it reaches the host, not the API: said so.
    await options.saveAndTest({ apiKey: key, baseUrl: `${sandbox.url}/v1` });
    await expect(options.alert).toContainText(
      `${sandbox.url}/v1 answered, but not as the CODASMS API does. Check the API address`,
    );

    await options.saveAndTest({ apiKey: key, baseUrl: sandbox.url });
    await expect(options.status).toHaveText('Connected to CODASMS. Balance: $5.00');
    await expect(options.alert).toHaveCount(0);
  });

  test('an SMS-Activate-protocol host: a wrong key is rejected, the right key shows its balance', async ({
    ext,
    sandbox,
    control,
  }) => {
    const key = newKey('hero_e2e');
    await control.createAccount(key, 1234);
    const options = await OptionsPage.open(ext.context, ext.extensionId);
    const hero = { provider: 'smsactivate', host: 'herosms', baseUrl: sandbox.url } as const;

    await options.saveAndTest({ ...hero, apiKey: 'not-a-key' });
    await expect(options.alert).toHaveText('This key was rejected by HeroSMS.');

    await options.saveAndTest({ ...hero, apiKey: key });
    await expect(options.status).toHaveText('Connected to HeroSMS. Balance: $12.34');
  });

  test('5sim: the right key shows its balance in the account currency', async ({
    ext,
    sandbox,
    control,
  }) => {
    const key = newKey('fivesim_e2e');
    await control.createAccount(key, 250);
    const options = await OptionsPage.open(ext.context, ext.extensionId);
    await options.saveAndTest({
      provider: 'fivesim',
      apiKey: key,
      baseUrl: sandbox.url,
      currency: 'USD',
    });
    await expect(options.status).toHaveText('Connected to 5sim. Balance: $2.50');
    await expect(options.page.getByRole('region', { name: 'Your providers' })).toContainText(
      '5sim',
    );
  });
});

test('a custom SMS-Activate-protocol host is named as the user named it, else by its host name', async ({
  ext,
  sandbox,
  control,
}) => {
  const key = newKey('custom_e2e');
  await control.createAccount(key, 300);
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const custom = { provider: 'smsactivate', host: 'custom', apiKey: key, baseUrl: sandbox.url };
  await options.saveAndTest({ ...custom, provider: 'smsactivate', currency: 'USD' });
  await expect(options.status).toHaveText('Connected to 127.0.0.1. Balance: $3.00');
  const list = options.page.getByRole('region', { name: 'Your providers' });
  await expect(list).toContainText(`127.0.0.1 (SMS-Activate protocol, ${sandbox.url})`);

  await list.getByRole('button', { name: 'Edit 127.0.0.1' }).click();
  await options.page.getByLabel(/^Name shown in the popup/).fill('Cheap SMS');
  await options.page.getByLabel('API key').fill(key);
  await options.page.getByRole('button', { name: 'Save and test' }).click();
  await expect(options.status).toHaveText('Connected to Cheap SMS. Balance: $3.00');
  await expect(list).toContainText(`Cheap SMS (SMS-Activate protocol, ${sandbox.url})`);
});

test.describe('several providers', () => {
  test('the popup labels each price with its provider and orders from the one shown', async ({
    ext,
    sandbox,
    control,
    demoUrl,
  }) => {
    const codaKey = newKey('coda_live_e2e');
    const heroKey = newKey('hero_e2e');
    await control.createAccount(codaKey, START_BALANCE_CENTS);
    await control.createAccount(heroKey, START_BALANCE_CENTS);
    const options = await OptionsPage.open(ext.context, ext.extensionId);
    await options.saveAndTest({ apiKey: codaKey, baseUrl: sandbox.url });
    await expect(options.status).toContainText('Connected to CODASMS');
    await options.saveAndTest({
      provider: 'smsactivate',
      host: 'herosms',
      apiKey: heroKey,
      baseUrl: sandbox.url,
    });
    await expect(options.status).toContainText('Connected to HeroSMS');

    const url = demoUrl('discord');
    const site = await ext.context.newPage();
    await site.goto(url);
    const popup = new PopupPage(
      await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
    );
    await expect(popup.service).toHaveText('Discord');
    // CODASMS is the default: its balance is shown, and it wins ties on price.
    await expect(popup.balance).toHaveText('$5.00');
    const indonesia = popup.offerRow('Indonesia');
    const standard = indonesia.getByRole('button', { name: /Standard/ });
    const priority = indonesia.getByRole('button', { name: /Priority/ });
    await expect(standard).toHaveAccessibleName(/from CODASMS$/);
    // HeroSMS's Priority is a price cap on the same pool, shown as such, and cheaper here.
    await expect(priority).toHaveAccessibleName(/Priority, up to \$[\d.]+ from HeroSMS$/);
    // What Priority means, said once and only for the offers shown: every Priority on show is
    // HeroSMS's here, so one line on its price cap (no CODASMS explanation beside it).
    const note = popup.page.getByTestId('priority-note');
    await expect(note).toHaveCount(1);
    await expect(note).toHaveText(/^“Up to” prices are a higher price cap on the same numbers/);

    await popup.getNumber('Indonesia', 'Priority');
    await popup.expectStatus('Waiting for the SMS');
    expect((await control.ledger(heroKey)).orders).toHaveLength(1);
    expect((await control.ledger(codaKey)).orders).toHaveLength(0);
  });
});
