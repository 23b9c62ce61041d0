import { startSandbox } from '../../sandbox/server.ts';
import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { openSignupWithPopup } from '../support/extension.ts';
import type { Page } from '@playwright/test';

// Site binding (issue 17, SECURITY.md): an order fills on the origin it was placed from. Its
// own tab may take it on to another host of the same site during the signup (www. ->
// accounts.), but not to another port, scheme or unrelated host.

const showCodeStep = (page: Page) =>
  page.evaluate(() => {
    const step = document.querySelector<HTMLElement>('#code-step');
    if (step) step.hidden = false;
  });

test('the code is not filled on another port of the ordering host, and is on accounts. of the site', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  // The same demo site served on a second port: another origin on the same host name.
  const otherPort = await startSandbox({ port: 0, log: () => undefined });
  try {
    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await popup.getNumber('Indonesia');
    await expect(signup.phone).toHaveValue(/^\+62/);
    const phone = await signup.phone.inputValue();

    // The order's tab goes to another port of discord.localhost; the code arrives.
    await site.goto(`http://discord.localhost:${otherPort.port}/`);
    await showCodeStep(site);
    await expect(signup.code).toBeVisible();
    await control.sms(phone, 'Your Discord verification code is 482913');
    await popup.expectStatus('Code received');
    await site.waitForTimeout(3000);
    await expect(signup.code).toHaveValue('');

    // The same tab goes on to another host of the site, on the ordering port: it follows.
    await site.goto(demoUrl('accounts.discord'));
    await showCodeStep(site);
    await expect(signup.code).toHaveValue('482913', { timeout: 15_000 });
  } finally {
    await otherPort.close();
  }
});
