/**
 * `npm run bench [-- --json] [-- --no-build] [-- --orders 30] [-- --only popup,classify]`:
 * speed and size against the sandbox on loopback. Printed as a table (or one JSON object);
 * never asserted in tests. `--only` runs just the named measurements (popup, unrelated,
 * classify, fill, rpm, extract); sizes are always read.
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
import { extractWorst1MB } from './extract.ts';
import { bundleSizes } from './sizes.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    orders: { type: 'string', default: '30' },
    'rpm-seconds': { type: 'string', default: '60' },
    only: { type: 'string', default: 'popup,unrelated,classify,fill,rpm,extract' },
  },
});
const MEASUREMENTS = ['popup', 'unrelated', 'classify', 'fill', 'rpm', 'extract'] as const;
const only = new Set(values.only.split(',').map((s) => s.trim()));
for (const name of only) {
  if (!MEASUREMENTS.some((m) => m === name)) throw new Error(`--only: unknown ${name}`);
}
/** Runs a measurement when `--only` names it; a skipped one reads as null. */
async function measure<T>(name: (typeof MEASUREMENTS)[number], run: () => Promise<T>) {
  return only.has(name) ? run() : null;
}
const shown = (v: unknown) => (v === null || v === undefined ? '–' : String(v));
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
    const popupFirstPaintMs = await measure('popup', () => {
      say('popup first paint…');
      return popupFirstPaint(ctx);
    });
    const unrelated = await measure('unrelated', () => {
      say('unrelated page…');
      return unrelatedPage(ext.context, ctx.demoUrl('unrelated'), ext.extensionId);
    });
    const classify = await measure('classify', () => {
      say('classifying a page of 2,000 fields…');
      return classify2000(ctx);
    });
    const codeToFillMs = await measure('fill', () => {
      say(`code to fill over ${values.orders} orders, 3 open at once…`);
      return codeToFill(ctx, Number(values.orders));
    });
    const rpm = await measure('rpm', () => {
      say(`provider requests per minute while 3 orders wait (${values['rpm-seconds']} s)…`);
      return requestsPerMinute(ctx, Number(values['rpm-seconds']));
    });

    const extractWorst = await measure('extract', async () => {
      say('code extraction over hostile 1 MB SMS texts…');
      return extractWorst1MB();
    });

    const result = {
      codeToFillMs: codeToFillMs && { p50: codeToFillMs.p50, p95: codeToFillMs.p95 },
      requestsPerMinute: rpm,
      unrelatedPageInjectedBytes: unrelated?.injectedBytes ?? null,
      unrelatedPageLongTasks: unrelated?.longTasks ?? null,
      popupFirstPaintMs,
      classify2000Ms: classify?.ms ?? null,
      classify2000Ratio: classify?.ratio ?? null,
      extractWorst1MBMs: extractWorst?.ms ?? null,
      ...sizes,
    };
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    const rows: [string, string, string][] = [
      ['codeToFillMs p50', shown(result.codeToFillMs?.p50), '<= 1000'],
      ['codeToFillMs p95', shown(result.codeToFillMs?.p95), '<= 2500'],
      ['requestsPerMinute', shown(rpm), '<= 48'],
      ['unrelatedPageInjectedBytes', shown(result.unrelatedPageInjectedBytes), '0'],
      ['unrelatedPageLongTasks', shown(result.unrelatedPageLongTasks), '0'],
      ['popupFirstPaintMs', shown(popupFirstPaintMs), '<= 100'],
      ['classify2000Ms', shown(result.classify2000Ms), '<= 20'],
      ['classify2000Ratio', shown(result.classify2000Ratio), '<= 3'],
      ['extractWorst1MBMs', shown(result.extractWorst1MBMs), '<= 20'],
      ['popupJsGzipBytes', String(sizes.popupJsGzipBytes), '<= 110000'],
      ['backgroundJsGzipBytes', String(sizes.backgroundJsGzipBytes), '<= 100000'],
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
