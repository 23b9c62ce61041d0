/**
 * `npm run bench [-- --json] [-- --no-build] [-- --orders 30]`: speed and size against the
 * sandbox on loopback. Printed as a table (or one JSON object); never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../sandbox/server.ts';
import { launchWithExtension } from '../support/chromium.ts';
import { configureProvider } from '../support/extension.ts';
import { sandboxControl } from '../support/sandbox-client.ts';
import {
  classify2000,
  codeToFill,
  popupFirstPaint,
  requestsPerMinute,
  unrelatedPage,
} from './browser.ts';
import { bundleSizes } from './sizes.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    orders: { type: 'string', default: '30' },
    'rpm-seconds': { type: 'string', default: '60' },
  },
});
const say = (line: string) => {
  if (!values.json) console.log(line);
};

function build(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npx', ['wxt', 'build', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

async function main() {
  if (!values['no-build']) {
    say('building production and test builds…');
    build([]);
    build(['--mode', 'test'], { WXT_TEST_BUILD: '1' });
  }
  const sizes = bundleSizes();

  const providerRequests: number[] = [];
  const sandbox = await startSandbox({
    port: 0,
    rateLimitPerMinute: 60,
    log: (line) => {
      if (/^(GET|POST) \/(v1|stubs)\//.test(line)) providerRequests.push(Date.now());
    },
  });
  const ext = await launchWithExtension({ extensionDir: resolve('.output/chrome-mv3-test') });
  try {
    const control = sandboxControl(sandbox.url);
    const apiKey = `coda_live_bench_${randomUUID().slice(0, 8)}`;
    await control.createAccount(apiKey, 100_000);
    await configureProvider(ext.context, ext.extensionId, { apiKey, baseUrl: sandbox.url });
    const ctx = {
      ext,
      providerRequests,
      demoUrl: (site: string, path = '/') => `http://${site}.localhost:${sandbox.port}${path}`,
    };
    say('popup first paint…');
    const popupFirstPaintMs = await popupFirstPaint(ctx);
    say('unrelated page…');
    const unrelated = await unrelatedPage(ext.context, ctx.demoUrl('unrelated'), ext.extensionId);
    say('classifying a page of 2,000 fields…');
    const classify2000Ms = await classify2000(ctx);
    say(`code to fill over ${values.orders} orders, 3 open at once…`);
    const codeToFillMs = await codeToFill(ctx, Number(values.orders));
    say(`provider requests per minute while 3 orders wait (${values['rpm-seconds']} s)…`);
    const rpm = await requestsPerMinute(ctx, Number(values['rpm-seconds']));

    const result = {
      codeToFillMs: { p50: codeToFillMs.p50, p95: codeToFillMs.p95 },
      requestsPerMinute: rpm,
      unrelatedPageInjectedBytes: unrelated.injectedBytes,
      unrelatedPageLongTasks: unrelated.longTasks,
      popupFirstPaintMs,
      classify2000Ms,
      ...sizes,
    };
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    const rows: [string, string, string][] = [
      ['codeToFillMs p50', String(result.codeToFillMs.p50), '<= 1000'],
      ['codeToFillMs p95', String(result.codeToFillMs.p95), '<= 2500'],
      ['requestsPerMinute', String(rpm), '<= 48'],
      ['unrelatedPageInjectedBytes', String(unrelated.injectedBytes), '0'],
      ['unrelatedPageLongTasks', String(unrelated.longTasks), '0'],
      ['popupFirstPaintMs', String(popupFirstPaintMs), '<= 100'],
      ['classify2000Ms', String(classify2000Ms), '<= 20'],
      ['popupJsGzipBytes', String(sizes.popupJsGzipBytes), '<= 150000'],
      ['backgroundJsGzipBytes', String(sizes.backgroundJsGzipBytes), '<= 120000'],
      ['contentJsGzipBytes', String(sizes.contentJsGzipBytes), ''],
    ];
    console.log('\n| metric | value | goal |\n| --- | ---: | --- |');
    for (const [m, v, g] of rows) console.log(`| ${m} | ${v} | ${g} |`);
  } finally {
    await ext.close();
    await sandbox.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
