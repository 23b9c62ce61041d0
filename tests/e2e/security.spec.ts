import { expect, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { fillAgentsIn } from '../support/content-worlds.ts';
import { openPopup, openSignupWithPopup, tabIdOf } from '../support/extension.ts';

// A hostile page tries every channel a page has towards an extension. None may order,
// cancel, read the key or read a code; see SECURITY.md.
test.describe('a hostile page', () => {
  test('cannot order, cancel, read the key or a code through messages or DOM events', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    // A real order is open on the signup site, so the fill script runs there.
    const url = demoUrl('discord');
    const { site, popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(new SignupPage(site).phone).toHaveValue(/^\+62/);
    const orderId = await ext.worker.evaluate(async () => {
      const { orders } = await chrome.storage.local.get('orders');
      return Object.keys((orders ?? {}) as Record<string, unknown>)[0] ?? '';
    });

    // The same page (where our fill script lives) and an unrelated page both attack.
    const evil = await ext.context.newPage();
    await evil.goto(demoUrl('evil'));
    for (const page of [site, evil]) {
      const seen = await page.evaluate(
        async ({ extensionId, orderId }) => {
          const messages = [
            { type: 'popup.createOrder', tabId: 1, service: 'ds', country: '6', tier: 'standard' },
            { type: 'popup.cancelOrder', orderId },
            { type: 'popup.getState', tabId: 1 },
            {
              type: 'options.saveProvider',
              settings: { providerId: 'codasms', apiKey: 'x', baseUrl: '' },
            },
            { type: 'content.hello' },
            { type: 'bg.poke' },
          ];
          for (const m of messages) {
            window.postMessage(m, '*');
            document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
            window.dispatchEvent(new MessageEvent('message', { data: m }));
          }
          // Without externally_connectable a page has no runtime to message us with.
          const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } })
            .chrome?.runtime;
          let externalReply = 'no runtime';
          if (typeof runtime?.sendMessage === 'function') {
            externalReply = await new Promise<string>((resolve) => {
              try {
                (runtime.sendMessage as (id: string, m: unknown, cb: (r: unknown) => void) => void)(
                  extensionId,
                  messages[0],
                  (r) => resolve(JSON.stringify(r ?? null)),
                );
              } catch (e) {
                resolve(`threw: ${String(e)}`);
              }
            });
          }
          await new Promise((r) => setTimeout(r, 1500));
          return { externalReply, html: document.documentElement.outerHTML };
        },
        { extensionId: ext.extensionId, orderId },
      );
      expect(seen.externalReply).toMatch(/no runtime|threw|null/);
      expect(seen.html).not.toContain(apiKey);
    }

    const ledger = await control.ledger(apiKey);
    expect(ledger.orders).toHaveLength(1);
    expect(ledger.orders[0]?.state).toBe('waiting');
    await popup.expectStatus('Waiting for the SMS');
  });

  test('shows SMS text as text: markup in an SMS never becomes HTML', async ({
    ext,
    apiKey,
    control,
    demoUrl,
  }) => {
    const url = demoUrl('discord');
    const { popupPage } = await openSignupWithPopup(ext, url);
    const popup = new PopupPage(popupPage);
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    const phone = `+${(await popup.number.textContent())?.replace(/\D/g, '')}`;
    const hostile =
      '<img src=x onerror="document.title=\'pwned\'"><b>Your Discord code is 482913</b>';
    await control.sms(phone, hostile);

    await popup.expectStatus('Code received');
    await expect(popup.code).toHaveText('482913');
    await expect(popup.currentOrder.getByText('<img src=x', { exact: false })).toBeVisible();
    expect(await popup.page.locator('img, b').count()).toBe(0);
    expect(await popup.page.title()).not.toBe('pwned');
    expect((await control.ledger(apiKey)).orders[0]?.code).toBe('482913');
  });
});

test('a code bound to another host by its SMS is not filled, and the popup says why', async ({
  ext,
  apiKey,
  control,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const url = demoUrl('discord');
  const { site, popupPage } = await openSignupWithPopup(ext, url);
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  await popup.expectStatus('Waiting for the SMS');
  const phone = `+${(await popup.number.textContent())?.replace(/\D/g, '')}`;
  // An SMS whose origin-bound line names another host arrives for this order...
  await control.sms(phone, 'Your code is 731904\n\n@evil.localhost #731904');
  await popup.expectStatus('Code received');
  await expect(popup.currentOrder.getByRole('alert')).toContainText('meant for evil.localhost');
  // ...and when the page shows its code field, the code does not go in.
  await site.evaluate(() => {
    const step = document.querySelector<HTMLElement>('#code-step');
    if (step) step.hidden = false;
  });
  const signup = new SignupPage(site);
  await expect(signup.code).toBeVisible();
  await site.waitForTimeout(3000);
  await expect(signup.code).toHaveValue('');
});

test('a page cannot learn the extension id from the fill script, nor stop it by forging its start', async ({
  ext,
  apiKey,
  demoUrl,
}) => {
  expect(apiKey).toBeTruthy();
  const site = await ext.context.newPage();
  // The page records every message and DOM event it can see from its first script on.
  await site.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
  });
  await site.goto(demoUrl('discord'));
  const popupPage = await openPopup(
    ext.context,
    ext.extensionId,
    await tabIdOf(ext.worker, site.url()),
  );
  const popup = new PopupPage(popupPage);
  await popup.getNumber('Indonesia');
  const signup = new SignupPage(site);
  await expect(signup.phone).toHaveValue(/^\+62/);

  const seen = await site.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.join('\n')).not.toContain(ext.extensionId);

  // A page that learned the id anyway forges "a newer fill script started", on every channel
  // WXT used for it.
  await site.evaluate((extensionId) => {
    for (const type of [
      `${extensionId}:content:wxt:content-script-started`,
      'wxt:content-script-started',
    ]) {
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }
  }, ext.extensionId);

  // The fill script still listens (before, the forged start stopped it until the background
  // injected a new one)...
  await site.waitForTimeout(500);
  expect(await fillAgentsIn(site, ext.extensionId)).toBe(1);
  // ...sees the code field appear, and fills the code when the SMS comes.
  await signup.sendCode();
  await signup.expectCodeFilled();
});
