import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { OptionsPage, openPopup, tabIdOf } from '../support/extension.ts';

// 5sim lowers an account's rating with each cancel (0.1) and each unanswered order (0.15) and
// blocks it for 24 hours at 0: the options page shows the rating and warns when it is near 0.

test('the options page shows the 5sim rating, and warns when it is close to 0', async ({
  ext,
  sandbox,
  control,
  demoUrl,
}) => {
  const key = `fivesim_e2e_${randomUUID().slice(0, 8)}`;
  await control.createAccount(key, 500);
  await control.rating(key, 0.5);
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.saveAndTest({
    provider: 'fivesim',
    apiKey: key,
    baseUrl: sandbox.url,
    currency: 'USD',
  });
  await expect(options.status).toHaveText('Connected to 5sim. Balance: $5.00');
  const standing = options.page.getByTestId('standing-fivesim');
  await expect(standing).toContainText('Account rating: 0.5');
  await expect(standing).toContainText(
    'Each cancel lowers it by 0.1, each order that runs out by 0.15.',
  );
  await expect(standing.getByRole('alert')).toHaveText(/Your rating is close to 0/);

  // The popup warns too, before the user orders (and maybe cancels) from 5sim.
  const url = demoUrl('discord');
  const site = await ext.context.newPage();
  await site.goto(url);
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
  );
  await expect(popup.page.getByTestId('rating-warning')).toHaveText(/Your rating is close to 0/);
  // ...and beside Cancel once a number is ordered, before a cancel lowers it again.
  await popup.getCheapestNumber();
  await popup.expectStatus('Waiting for the SMS');
  await expect(popup.currentOrder.getByTestId('rating-warning')).toHaveText(
    /Your rating is close to 0/,
  );

  // A healthy account: the rating, no warning.
  await control.rating(key, 96);
  await options.page.reload();
  await expect(options.page.getByTestId('standing-fivesim')).toContainText('Account rating: 96');
  await expect(options.page.getByTestId('standing-fivesim').getByRole('alert')).toHaveCount(0);
});
