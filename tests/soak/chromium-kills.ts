/**
 * The soak's --kills part: the built test extension in Chromium against the soak's sandbox.
 * Each order is placed through the popup on a demo signup page; the service worker is killed
 * (CDP) at a random moment while the SMS comes or does not; then the extension's stored orders
 * are audited against the sandbox ledger like the engine's.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import type { Order } from '../../lib/orders/types.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { PopupPage } from '../e2e/pages/popup.ts';
import { SignupPage } from '../e2e/pages/signup.ts';
import {
  currentWorker,
  killServiceWorker,
  launchWithExtension,
  type LaunchedExtension,
} from '../support/chromium.ts';
import { configureProvider, openPopup, tabIdOf } from '../support/extension.ts';
import { DEFAULT_LIMITS } from '../../lib/orders/limits.ts';
import { audit, type Verdict } from './audit.ts';

const BUILD_DIR = resolve('.output/chrome-mv3-test');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface KillsResult {
  kills: number;
  verdict: Verdict;
  row: string[];
}

function ensureBuild(say: (line: string) => void) {
  if (existsSync(resolve(BUILD_DIR, 'manifest.json'))) return;
  say('building the test extension for --kills');
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], {
    env: { ...process.env, WXT_TEST_BUILD: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`test build failed: ${build.stderr}`);
}

async function storedOrders(ext: LaunchedExtension): Promise<Order[]> {
  // Opening an extension page wakes the worker if a kill left none.
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const worker = await currentWorker(ext.context);
  const orders = await worker.evaluate(async () => {
    const { orders } = await chrome.storage.local.get('orders');
    return JSON.stringify(Object.values(orders ?? {}));
  });
  await page.close();
  return JSON.parse(orders) as Order[];
}

export async function runChromiumKills(opts: {
  sandbox: Sandbox;
  kills: number;
  say: (line: string) => void;
  /** Switches the sandbox's provider faults (off while the extension is set up). */
  faults: (rate: number) => Promise<unknown>;
  faultRate: number;
}): Promise<KillsResult> {
  const { sandbox, say } = opts;
  ensureBuild(say);
  const key = `coda_live_kills_${randomUUID().slice(0, 8)}`;
  sandbox.ledger.deposit(key, 1_000_000);
  const ext = await launchWithExtension({ extensionDir: BUILD_DIR });
  let kills = 0;
  try {
    const shown = await configureProvider(ext.context, ext.extensionId, {
      apiKey: key,
      baseUrl: sandbox.url,
    });
    if (!shown.includes('Connected')) throw new Error(`provider setup failed: ${shown}`);
    await opts.faults(opts.faultRate);
    for (let i = 0; i < opts.kills; i++) {
      const withSms = i % 3 !== 2;
      const url = `http://discord.localhost:${sandbox.port}/?attempt=${i}`;
      const site = await ext.context.newPage();
      await site.goto(url);
      const signup = new SignupPage(site);
      const worker = await currentWorker(ext.context);
      const popup = new PopupPage(
        await openPopup(ext.context, ext.extensionId, await tabIdOf(worker, url)),
      );
      await popup.getNumber('Indonesia');
      await expect(signup.phone).toHaveValue(/^\+62/, { timeout: 30_000 });
      await popup.page.close();
      if (withSms) await signup.sendCode();
      // Kill at a random moment around the SMS (before it, while it is polled, after it).
      await sleep(Math.random() * 2_500);
      await killServiceWorker(ext.context, site);
      kills++;
      if (withSms) {
        await signup.expectCodeFilled(60_000).catch(async (e: unknown) => {
          // What each side believes, for whoever debugs this.
          const mine = await storedOrders(ext);
          const alarms = await (
            await currentWorker(ext.context)
          ).evaluate(() => chrome.alarms.getAll());
          say(
            `  stored: ${JSON.stringify(mine.map((o) => [o.state, o.code, o.codeFilled, o.site.tabId, o.lastError?.kind]))}`,
          );
          say(`  alarms: ${JSON.stringify(alarms)}`);
          say(
            `  ledger: ${JSON.stringify(sandbox.ledger.ordersOf(key).map((o) => [o.state, o.code]))}`,
          );
          throw e;
        });
      } else {
        // Nothing wakes the worker but its alarm: the window ends, the order is refunded.
        const tabId = await tabIdOf(await currentWorker(ext.context), url).catch(() => null);
        const check = new PopupPage(await openPopup(ext.context, ext.extensionId, tabId ?? -1));
        await check.expectStatus('Refunded', 90_000);
        await check.page.close();
      }
      await site.close();
      say(`  kills: order ${i + 1}/${opts.kills} ${withSms ? 'code filled' : 'refunded'}`);
    }
    // Let the last completions settle before the audit.
    await opts.faults(0);
    await sleep(3_000);
    const mine = await storedOrders(ext);
    const account = sandbox.ledger.account(key);
    // The extension runs with the default spending limits: they must hold too.
    const verdict = audit(
      mine,
      sandbox.ledger.ordersOf(key),
      {
        heldCents: account?.heldCents ?? 0,
        chargedCents: account?.chargedCents ?? 0,
        refundedCents: account?.refundedCents ?? 0,
      },
      DEFAULT_LIMITS,
    );
    for (const n of verdict.notes) say(`  ! chromium: ${n}`);
    const count = (s: string) => mine.filter((o) => o.state === s).length;
    const row = [
      key.slice(-8),
      'chromium',
      String(verdict.orders),
      String(count('completed')),
      String(count('refunded')),
      String(count('failed')),
      String(verdict.open),
      String(account?.chargedCents ?? 0),
      String(account?.refundedCents ?? 0),
      String(verdict.lostCodes),
      String(verdict.doubleOrders),
      String(verdict.ledgerDiffCents),
    ];
    // The kill orders are extra to --orders: count them as such, not in `orders`.
    return { kills, verdict: { ...verdict, orders: 0 }, row };
  } finally {
    await ext.close();
  }
}
