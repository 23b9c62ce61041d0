import { randomUUID } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { DialectName } from '../../sandbox/dialects/index.ts';
import { expect, START_BALANCE_CENTS, test } from './fixtures.ts';
import { PopupPage } from './pages/popup.ts';
import { SignupPage } from './pages/signup.ts';
import { configureProvider, openSignupWithPopup } from '../support/extension.ts';

/** The same fixtures, with the sandbox's SMS-Activate face speaking a real host's dialect. */
const speaking = (dialect: DialectName) =>
  test.extend<object, { sandbox: Sandbox }>({
    sandbox: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const sandbox = await startSandbox({ port: 0, log: () => undefined, dialect });
        await use(sandbox);
        await sandbox.close();
      },
      { scope: 'worker' },
    ],
  });

speaking('smsbower')(
  'SMSBower, which has no open-orders listing: one order, the phone and the code fill, charged once',
  async ({ ext, sandbox, control, demoUrl }) => {
    const key = `bower_e2e_${randomUUID().slice(0, 8)}`;
    await control.createAccount(key, START_BALANCE_CENTS);
    const shown = await configureProvider(ext.context, ext.extensionId, {
      provider: 'smsactivate',
      host: 'smsbower',
      apiKey: key,
      baseUrl: sandbox.url,
    });
    expect(shown).toBe('Connected to SMSBower. Balance: $5.00');

    const { site, popupPage } = await openSignupWithPopup(ext, demoUrl('discord'));
    const popup = new PopupPage(popupPage);
    const signup = new SignupPage(site);
    await expect(popup.service).toHaveText('Discord');
    await popup.getNumber('Indonesia');
    await popup.expectStatus('Waiting for the SMS');
    await expect(signup.phone).toHaveValue(/^\+62/);

    await signup.sendCode();
    await expect(signup.code).toHaveValue(/^\d{6}$/, { timeout: 30_000 });
    await signup.verify();
    await signup.expectVerified();
    await popup.expectStatus('Code received');

    const ledger = await control.ledger(key);
    expect(ledger.orders).toHaveLength(1);
    expect(ledger.orders[0]?.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.held_cents).toBe(0);
  },
);
