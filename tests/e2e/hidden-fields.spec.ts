import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { openPopup, tabIdOf } from '../support/extension.ts';

// Hidden fields never get the number or the code (issue 17, SECURITY.md): a page full of
// traps that each claim to be the phone or code field, placed before the real ones.
const TRAPS = readFileSync(resolve('tests/e2e/html/hidden-traps.html'), 'utf8');

test('no trap field gets the number or the code; the fields the user sees do', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const url = demoUrl('discord', '/traps');
  const site = await ext.context.newPage();
  await site.route(url, (route) => route.fulfill({ contentType: 'text/html', body: TRAPS }));
  await site.goto(url);
  const popup = new PopupPage(
    await openPopup(ext.context, ext.extensionId, await tabIdOf(ext.worker, url)),
  );
  await popup.getNumber('Indonesia');

  const phone = site.getByRole('textbox', { name: 'Phone number', exact: true });
  const code = site.getByRole('textbox', { name: 'Verification code', exact: true }).last();
  await expect(phone).toHaveValue(/^\+62/);
  await control.sms(await phone.inputValue(), 'Your Discord verification code is 482913');
  await expect(code).toHaveValue('482913', { timeout: 30_000 });

  const filledTraps = await site
    .locator('[data-trap]')
    .evaluateAll((els) =>
      els
        .filter((e) => e instanceof HTMLInputElement && e.value !== '')
        .map((e) => `${e.getAttribute('data-trap')} (${e.getAttribute('name')})`),
    );
  expect(filledTraps).toEqual([]);
});
