import { warn } from '../redact.ts';
import { defaultSleep } from '../providers/rate-budget.ts';
import type { Engine } from './engine.ts';
import { windowEndAt } from './calls.ts';
import type { Order } from './types.ts';

/** After the page shows its code field the SMS is imminent: poll fast for this long. */
export const FAST_WINDOW_MS = 3 * 60_000;
export const FAST_POLL_MS = 2_000;
export const SLOW_POLL_MS = 5_000;
/** Longest the loop sleeps, so window ends and cancels are never late by much. */
const MAX_SLEEP_MS = 5_000;
const MIN_SLEEP_MS = 250;

export interface SchedulerDeps {
  engine: Engine;
  now(): number;
  /** Requests per minute the provider allows per key (shared with every other call). */
  rateLimitPerMinute(): Promise<number>;
  /** Keeps a killed worker coming back while orders are open. */
  setBackstop(on: boolean): Promise<void>;
  /** Runs after each pass over open orders (the no-SMS watch); its failure is only logged. */
  afterPass?(): Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Poll interval for one order: fast while its page waits for the code, slow otherwise, and
 * never so fast that all open orders together exceed 80 % of the provider's limit.
 */
export function pollIntervalMs(
  order: Order,
  openCount: number,
  perMinute: number,
  codeFieldSeenAt: number | undefined,
  now: number,
): number {
  const wanted = isHot(codeFieldSeenAt, now) ? FAST_POLL_MS : SLOW_POLL_MS;
  // Leave room for offers, balance and cancels within the same budget.
  const budgetFloor = (Math.max(1, openCount) * 60_000) / Math.max(1, perMinute * 0.7);
  return Math.max(wanted, budgetFloor);
}

/** The page showed its code field a moment ago: the SMS is imminent, someone waits for it. */
function isHot(codeFieldSeenAt: number | undefined, now: number): boolean {
  return codeFieldSeenAt !== undefined && now - codeFieldSeenAt < FAST_WINDOW_MS;
}

/** What one scheduler keeps between passes and wake() calls; its functions below share it. */
interface SchedulerContext {
  deps: SchedulerDeps;
  sleep: (ms: number) => Promise<void>;
  lastPoll: Map<string, number>;
  codeFieldSeen: Map<string, number>;
  running: Promise<void> | null;
  wakeEarly: (() => void) | null;
  // Set by wake(): a pass that found nothing must not end the loop if an order just arrived.
  dirty: boolean;
  // Set when a code field appeared during a pass: the next pass starts at once, not after a
  // sleep planned before that order became urgent.
  urgentPending: boolean;
}

/** One pass over the open orders; when the next one is due, or null when none is open. */
async function schedulerPass(ctx: SchedulerContext): Promise<number | null> {
  const { deps, lastPoll, codeFieldSeen } = ctx;
  const open = await deps.engine.openOrders();
  if (open.length === 0) return null;
  const perMinute = await deps.rateLimitPerMinute();
  let nextAt = deps.now() + MAX_SLEEP_MS;
  const intervalOf = (order: Order) =>
    pollIntervalMs(order, open.length, perMinute, codeFieldSeen.get(order.id), deps.now());
  const isDue = (order: Order) => deps.now() >= (lastPoll.get(order.id) ?? 0) + intervalOf(order);
  const hot = (order: Order) => isHot(codeFieldSeen.get(order.id), deps.now());
  // Orders whose page waits for the code go first, and their polls are urgent: they may use
  // the rate budget's reserve instead of queueing behind everything else.
  const ordered = [...open.filter(hot), ...open.filter((o) => !hot(o))];
  const due = open.filter(isDue);
  // Where the provider has a bulk status call, one request covers every order due a poll.
  const bulk = await deps.engine.pollMany(
    due.map((o) => o.id),
    due.some(hot),
  );
  for (const order of ordered) {
    const interval = intervalOf(order);
    const pollDue = isDue(order);
    const before = order;
    const after = await deps.engine.step(order.id, pollDue && !bulk.has(order.id), hot(order));
    if (pollDue && after && (after.state !== 'ordering' || before.state !== 'ordering')) {
      lastPoll.set(order.id, deps.now());
    }
    // Plan from the order as it is now: the next poll counts from the one just made (else
    // a fast cadence would fall back to MAX_SLEEP_MS), with the latest backoff and window.
    const latest = after ?? before;
    const stepped = deps.now();
    const nextPoll = (lastPoll.get(order.id) ?? 0) + interval;
    const candidates = [nextPoll, latest.retryAt, windowEndAt(latest)];
    if (latest.cancelAllowedAt) candidates.push(latest.cancelAllowedAt);
    nextAt = Math.min(nextAt, ...candidates.filter((t) => t > stepped));
  }
  await deps.afterPass?.().catch((e: unknown) => warn('after the scheduler pass', e));
  return nextAt;
}

/** Passes until no order is open, sleeping between them unless woken early. */
async function runLoop(ctx: SchedulerContext) {
  const { deps, sleep } = ctx;
  await deps.setBackstop(true);
  for (;;) {
    let nextAt: number | null;
    ctx.dirty = false;
    ctx.urgentPending = false;
    try {
      nextAt = await schedulerPass(ctx);
    } catch (e) {
      warn('scheduler pass failed', e);
      nextAt = deps.now() + MAX_SLEEP_MS;
    }
    if (nextAt === null) {
      if (ctx.dirty) continue;
      await deps.setBackstop(false);
      // wake() while the alarm was being cleared: an order may have just been created.
      if (!ctx.dirty) return;
      await deps.setBackstop(true);
      continue;
    }
    if (ctx.urgentPending) continue;
    const ms = Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, nextAt - deps.now()));
    await Promise.race([sleep(ms), new Promise<void>((r) => (ctx.wakeEarly = r))]);
    ctx.wakeEarly = null;
  }
}

export function createScheduler(deps: SchedulerDeps) {
  const ctx: SchedulerContext = {
    deps,
    sleep: deps.sleep ?? ((ms: number) => defaultSleep(ms)),
    lastPoll: new Map<string, number>(),
    codeFieldSeen: new Map<string, number>(),
    running: null,
    wakeEarly: null,
    dirty: false,
    urgentPending: false,
  };

  return {
    /** Starts the loop if it is not running; wakes it if it sleeps. */
    wake(): Promise<void> {
      ctx.dirty = true;
      if (ctx.running) {
        ctx.wakeEarly?.();
        return ctx.running;
      }
      ctx.running = runLoop(ctx).finally(() => {
        ctx.running = null;
      });
      return ctx.running;
    },
    /** The page shows the code field: the SMS is imminent. */
    codeFieldVisible(orderId: string) {
      ctx.codeFieldSeen.set(orderId, deps.now());
      ctx.lastPoll.delete(orderId);
      ctx.urgentPending = true;
      ctx.wakeEarly?.();
    },
    get running() {
      return ctx.running !== null;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
