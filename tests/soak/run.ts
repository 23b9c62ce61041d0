/**
 * `npm run soak -- --orders <N> --faults <rate> [--kills <K>] [--json]`
 *
 * Many concurrent orders through the real engine, scheduler and adapters against an in-process
 * sandbox with a short window and provider faults at the given rate; SMS early, late, never,
 * racing a cancel; "try another number". With --kills, K more orders through the built test
 * extension in Chromium, its service worker killed at random moments. Then the sandbox ledger
 * is compared with the engine's records. Ends with exactly one summary line (or one JSON
 * object with --json); exits non-zero on any violation.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../sandbox/server.ts';
import { mulberry32, randomSeed } from '../../sandbox/random.ts';
import type { ProviderId } from '../../lib/providers/types.ts';
import { providerFactories } from '../../lib/providers/registry.ts';
import { DEFAULT_LIMITS } from '../../lib/orders/limits.ts';
import { audit, type Verdict } from './audit.ts';
import { runChromiumKills } from './chromium-kills.ts';
import { createLane, type Lane } from './lane.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '200' },
    faults: { type: 'string', default: '0.2' },
    kills: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    window: { type: 'string', default: '20' },
    lanes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '6' },
    seed: { type: 'string' },
    providers: { type: 'string', default: 'codasms,smsactivate,fivesim' },
    verbose: { type: 'boolean', default: false },
  },
});

const orders = Math.max(0, Number(values.orders) | 0);
const faultRate = Math.min(1, Math.max(0, Number(values.faults) || 0));
const kills = Math.max(0, Number(values.kills) | 0);
const windowSeconds = Math.max(5, Number(values.window) | 0);
const seed = values.seed ? Number(values.seed) : randomSeed();
const started = Date.now();
// The human-readable progress goes to stderr, so --json leaves stdout to the one object.
const say = (line: string) => {
  if (!values.json) console.log(line);
  else if (values.verbose) console.error(line);
};
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

const providerIds = values.providers
  .split(',')
  .map((p) => p.trim())
  .filter((p): p is ProviderId => Object.hasOwn(providerFactories, p));

async function main(): Promise<number> {
  const sb = await startSandbox({
    port: 0,
    seed,
    windowSeconds,
    earlyCancelSeconds: 3,
    rateLimitPerMinute: 100_000,
  });
  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${sb.url}/control/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const laneCount = Math.max(1, Math.min(Number(values.lanes) | 0, Math.ceil(orders / 10) || 1));
  const concurrency = Math.max(1, Number(values.concurrency) | 0);
  const pairs = sb.ledger.catalog
    .offers()
    .filter((o) => o.standardStock >= 300 && o.priorityStock >= 100)
    .filter((o) => ['ds', 'tg', 'wa', 'go', 'ig'].includes(o.service))
    .map((o) => ({
      service: o.service,
      country: o.country,
      cents: { standard: o.standardCents, priority: o.priorityCents },
    }));
  const smsResults = new Map<number, number>();
  const lanes: Lane[] = [];
  for (let i = 0; i < laneCount; i++) {
    const key = `coda_live_soak_${randomUUID().slice(0, 8)}`;
    await control('accounts', { key, balance_cents: 10_000_000 });
    lanes.push(
      createLane({
        key,
        providerId: providerIds[i % providerIds.length] ?? 'codasms',
        sandboxUrl: sb.url,
        windowMs: windowSeconds * 1000,
        rng: mulberry32(seed + i + 1),
        pairs,
        log: (line) => values.verbose && console.error(line),
        // Every fifth key has tight limits, so they bind during the run.
        limits: (currency) =>
          i % 5 === 4
            ? { dailyCap: { cents: 600, currency }, balanceFloor: null, ordersPerVisit: 2 }
            : { ...DEFAULT_LIMITS, dailyCap: null },
        sms: async (phone, code) => {
          const r = await control('sms', {
            phone,
            text: `Your verification code is ${code}`,
            code,
          });
          smsResults.set(r.status, (smsResults.get(r.status) ?? 0) + 1);
        },
      }),
    );
  }
  await control('faults', { rate: faultRate, seed });
  say(
    `soak: ${orders} orders over ${laneCount} keys (${lanes.map((l) => l.providerId).join(',')}), ` +
      `${concurrency} at a time per key, window ${windowSeconds}s, faults ${faultRate}, seed ${seed}`,
  );

  // Each key (a "browser") keeps `concurrency` user orders going until its share is done.
  let next = 0;
  let createFailures = 0;
  let shownAt = Date.now();
  const progress = () => {
    if (Date.now() - shownAt < 10_000) return;
    shownAt = Date.now();
    say(`  ${elapsed()}: ${next}/${orders} ordered`);
  };
  await Promise.all(
    lanes.map(async (lane) => {
      let refusedInARow = 0;
      for (;;) {
        if (next >= orders) return;
        progress();
        if ((await lane.open()) >= concurrency) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        next++;
        const placed = await lane.order().catch(() => {
          createFailures++;
          return true;
        });
        // A refused order is not one of the run's orders: the other keys place it. A key whose
        // limits refuse everything (its daily cap is spent) stops ordering.
        if (!placed) {
          next--;
          refusedInARow++;
          if (refusedInARow >= 20) return;
        } else refusedInARow = 0;
      }
    }),
  );
  // Let every order end: the longest is a window plus a cancel retried under faults.
  const deadline = Date.now() + windowSeconds * 4_000 + 60_000;
  for (;;) {
    const open = (await Promise.all(lanes.map((l) => l.open()))).reduce((a, b) => a + b, 0);
    if (open === 0 || Date.now() > deadline) break;
    progress();
    await Promise.all(lanes.map((l) => l.scheduler.wake()));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await control('faults', { rate: 0 });

  const verdicts: Verdict[] = [];
  const rows: string[][] = [];
  for (const lane of lanes) {
    const account = sb.ledger.account(lane.key);
    const records = sb.ledger.ordersOf(lane.key);
    const mine = [...lane.store.orders.values()];
    const v = audit(
      mine,
      records,
      {
        heldCents: account?.heldCents ?? 0,
        chargedCents: account?.chargedCents ?? 0,
        refundedCents: account?.refundedCents ?? 0,
      },
      await lane.limits(),
    );
    verdicts.push(v);
    const count = (s: string) => mine.filter((o) => o.state === s).length;
    rows.push([
      lane.key.slice(-8),
      lane.providerId,
      String(v.orders),
      String(count('completed')),
      String(count('refunded')),
      String(count('failed')),
      String(v.open),
      String(account?.chargedCents ?? 0),
      String(account?.refundedCents ?? 0),
      String(v.lostCodes),
      String(v.doubleOrders),
      String(v.ledgerDiffCents),
    ]);
    for (const n of v.notes) say(`  ! ${lane.key}: ${n}`);
  }

  const killed =
    kills > 0
      ? await runChromiumKills({
          sandbox: sb,
          kills,
          say,
          faultRate,
          faults: (rate) => control('faults', { rate }),
        })
      : null;
  await sb.close();
  if (killed) verdicts.push(killed.verdict);

  const total = (f: (v: Verdict) => number) => verdicts.reduce((s, v) => s + f(v), 0);
  const summary = {
    orders,
    open: total((v) => v.open),
    lostCodes: total((v) => v.lostCodes),
    doubleOrders: total((v) => v.doubleOrders),
    ledgerDiffCents: total((v) => v.ledgerDiffCents),
    kills: killed?.kills ?? 0,
    orphans: total((v) => v.orphans),
    overCap: total((v) => v.overCap),
    refused: lanes.reduce((s, l) => s + l.refused(), 0),
  };
  const head = ['key', 'provider', 'orders', 'done', 'refund', 'failed', 'open'];
  const table = [[...head, 'charged¢', 'refunded¢', 'lost', 'double', 'diff¢'], ...rows];
  if (killed) table.push(killed.row);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  for (const r of table) say(r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
  const scenarios = new Map<string, number>();
  for (const l of lanes)
    for (const [s, n] of l.scenarios) scenarios.set(s, (scenarios.get(s) ?? 0) + n);
  say(`scenarios: ${[...scenarios].map(([s, n]) => `${s}=${n}`).join(' ')}`);
  say(`sms replies: ${[...smsResults].map(([s, n]) => `HTTP ${s} x${n}`).join(', ')}`);
  say(`orders the provider refused to create: ${createFailures}; time ${elapsed()}`);
  const violations =
    summary.open +
    summary.lostCodes +
    summary.doubleOrders +
    summary.ledgerDiffCents +
    summary.orphans +
    summary.overCap;
  if (values.json) console.log(JSON.stringify(summary));
  else
    console.log(
      `soak: orders=${summary.orders} open=${summary.open} lost_codes=${summary.lostCodes} ` +
        `double_orders=${summary.doubleOrders} ledger_diff_cents=${summary.ledgerDiffCents} ` +
        `kills=${summary.kills} orphans=${summary.orphans} over_cap=${summary.overCap} ` +
        `refused_by_limits=${summary.refused}`,
    );
  return violations === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('soak: crashed', e);
    process.exit(2);
  },
);
