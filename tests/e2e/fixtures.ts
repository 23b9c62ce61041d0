import { test as base } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { launchWithExtension, type LaunchedExtension } from '../support/chromium.ts';
import { configureProvider } from '../support/extension.ts';
import { sandboxControl, type SandboxControl } from '../support/sandbox-client.ts';

export const TEST_BUILD_DIR = resolve('.output/chrome-mv3-test');
export const START_BALANCE_CENTS = 500;

interface TestFixtures {
  ext: LaunchedExtension;
  /** A fresh sandbox account, already set up in the extension's options. */
  apiKey: string;
  control: SandboxControl;
  /** `http://<site>.localhost:<port>` of the demo site. */
  demoUrl: (site: string, path?: string) => string;
}

interface WorkerFixtures {
  sandbox: Sandbox;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // SANDBOX_LOG=1 prints every request the extension made, with its time, to debug a test.
      const log = process.env.SANDBOX_LOG
        ? (line: string) => console.log(`sandbox ${new Date().toISOString()} ${line}`)
        : () => undefined;
      const sandbox = await startSandbox({ port: 0, log });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  control: async ({ sandbox }, use) => {
    const control = sandboxControl(sandbox.url);
    // Every test starts from the defaults; a test shortens windows for itself.
    await control.settings({ window_seconds: 1200, early_cancel_seconds: 120, rate_limit: 60 });
    await control.faults({ rate: 0 });
    await control.refunds({ mode: 'now' });
    await control.delivery({ mode: 'now' });
    await use(control);
  },
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const ext = await launchWithExtension({ extensionDir: TEST_BUILD_DIR });
    await use(ext);
    await ext.close();
  },
  apiKey: async ({ ext, sandbox, control }, use) => {
    const key = `coda_live_e2e_${randomUUID().slice(0, 8)}`;
    await control.createAccount(key, START_BALANCE_CENTS);
    const shown = await configureProvider(ext.context, ext.extensionId, {
      apiKey: key,
      baseUrl: sandbox.url,
    });
    if (!shown.includes('Connected')) throw new Error(`provider setup failed: ${shown}`);
    await use(key);
  },
  demoUrl: async ({ sandbox }, use) => {
    await use((site, path = '/') => `http://${site}.localhost:${sandbox.port}${path}`);
  },
});

export { expect } from '@playwright/test';
