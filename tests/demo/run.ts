/**
 * `npm run demo [-- --headed] [-- --no-build]`: builds the extension, starts the sandbox
 * provider and demo site, launches Chromium with the extension and plays three stories:
 * (a) a code arrives and is charged, (b) no SMS comes and the order is refunded, (c) the site
 * rejects the first number, one click swaps it (refunded) for a second whose code is charged.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import {
  findChromium,
  INSTALL_HINT,
  launchWithExtension,
  type LaunchedExtension,
} from '../support/chromium.ts';
import { configureProvider } from '../support/extension.ts';
import { sandboxControl } from '../support/sandbox-client.ts';
import { checkLedger } from './ledger-check.ts';
import { storyCodeArrives, storyNoSms, storyRejected } from './stories.ts';

const { values } = parseArgs({
  options: {
    headed: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    window: { type: 'string', default: '15' },
  },
});

const started = Date.now();
/** `[  3.4s] line`; a story's line keeps its tag in front: `(a) [  3.4s] ...`. */
const step = (line: string) => {
  const time = `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
  const story = /^(\([a-z]\)) (.*)$/s.exec(line);
  console.log(story ? `${story[1]} ${time} ${story[2]}` : `${time} ${line}`);
};
const fail: (reason: string) => never = (reason) => {
  console.log(`demo: FAILED - ${reason}`);
  process.exit(1);
};

async function main() {
  const chromiumPath = findChromium();
  if (!chromiumPath) fail(INSTALL_HINT);
  if (!values['no-build']) {
    step('building the extension (test build: may reach the local demo hosts)');
    const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], {
      env: { ...process.env, WXT_TEST_BUILD: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      fail('the build failed (see above)');
    }
  }
  const headed = values.headed && !!process.env.DISPLAY;
  if (values.headed && !headed) step('no display here: running headless');

  let sandbox: Sandbox | undefined;
  let ext: LaunchedExtension | undefined;
  try {
    sandbox = await startSandbox({ port: 0, log: () => undefined });
    step(`sandbox provider and demo site on ${sandbox.url}`);
    const control = sandboxControl(sandbox.url);
    const apiKey = `coda_live_demo_${randomUUID().slice(0, 8)}`;
    await control.createAccount(apiKey, 500);
    step(`account ${apiKey} with $5.00`);

    ext = await launchWithExtension({
      extensionDir: resolve('.output/chrome-mv3-test'),
      headless: !headed,
      executablePath: chromiumPath ?? undefined,
    });
    step(`Chromium started with the extension (${ext.extensionId})`);
    const shown = await configureProvider(ext.context, ext.extensionId, {
      apiKey,
      baseUrl: sandbox.url,
    });
    if (!shown.includes('Connected')) fail(`options page: ${shown}`);
    step(`options page: ${shown}`);

    const port = sandbox.port;
    const ctx = {
      ext,
      control,
      step,
      demoUrl: (site: string, path = '/') => `http://${site}.localhost:${port}${path}`,
    };
    await storyCodeArrives(ctx);
    await storyNoSms(ctx, Number(values.window));
    await storyRejected(ctx);

    // Charged: (a) and (c)'s second number; refunded: (b) and (c)'s refused number.
    const summary = checkLedger(await control.ledger(apiKey), 500, { charged: 2, refunded: 2 });
    if (!summary.ok) fail(summary.reason);
    console.log(`demo: ok - ${summary.line}`);
  } catch (e) {
    if (process.env.DEMO_DEBUG) console.error(e);
    fail(e instanceof Error ? (e.message.split('\n')[0] ?? String(e)) : String(e));
  } finally {
    await ext?.close();
    await sandbox?.close();
  }
}

void main().then(() => process.exit(0));
