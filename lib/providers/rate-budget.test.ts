import { describe, expect, it, vi } from 'vitest';
import { createRateBudget, type RateBudget } from './rate-budget.ts';

/** A budget on a simulated clock: sleeping advances the clock instead of waiting. */
function simulated(perMinute: number, share?: number, reserve?: number, codeReserve?: number) {
  const clock = { t: 1_800_000_000_000, slept: 0 };
  const budget = createRateBudget({
    perMinute,
    share,
    reserve,
    codeReserve,
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
      clock.slept += ms;
    },
  });
  return { clock, budget };
}

/** The most sends that fell into any one sliding minute (t - 60 s, t]. */
function worstMinute(times: number[]): number {
  let worst = 0;
  for (const t of times) {
    worst = Math.max(worst, times.filter((x) => x > t - 60_000 && x <= t).length);
  }
  return worst;
}

async function takeMany(budget: RateBudget, clock: { t: number }, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await budget.take();
    times.push(clock.t);
  }
  return times;
}

describe('rate budget', () => {
  it('never sends more than its share of the limit in any minute, from a cold start', async () => {
    const { clock, budget } = simulated(60);
    const times = await takeMany(budget, clock, 200);
    expect(worstMinute(times)).toBeLessThanOrEqual(48);
  });

  it('never exceeds the share after an idle spell (no double burst)', async () => {
    const { clock, budget } = simulated(60);
    clock.t += 10 * 60_000; // a long quiet period: a naive bucket would now be full
    const times = await takeMany(budget, clock, 200);
    // 60/min is CODASMS's hard limit; 48 is our 80 % share of it.
    expect(worstMinute(times)).toBeLessThanOrEqual(48);
  });

  it('keeps up the full share over a long run (does not starve callers)', async () => {
    const { clock, budget } = simulated(60);
    const start = clock.t;
    const times = await takeMany(budget, clock, 48 * 5);
    // 240 requests at 48/min need about five minutes, not much more.
    expect(times.at(-1)! - start).toBeLessThanOrEqual(5 * 60_000 + 1_000);
  });

  it('a restarted worker starts half spent: about half the share is free at once', async () => {
    const { clock, budget } = simulated(60);
    expect(budget.available()).toBe(24);
    const start = clock.t;
    await takeMany(budget, clock, 24);
    expect(clock.t).toBe(start);
    await budget.take();
    expect(clock.t).toBeGreaterThan(start);
  });

  it('pause() stops sending until the provider said, then resumes at a steady rate', async () => {
    const { clock, budget } = simulated(60);
    const start = clock.t;
    expect(budget.limitedUntil()).toBe(0);
    budget.pause(30_000);
    expect(budget.available()).toBe(0);
    // Said to the user as "<provider> is limiting requests" until then.
    expect(budget.limitedUntil()).toBe(start + 30_000);
    const times = await takeMany(budget, clock, 5);
    expect(times[0]).toBeGreaterThanOrEqual(start + 30_000);
    // After a 429 we come back slowly: no burst of five at once.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4 * (60_000 / 48) - 1);
    expect(worstMinute(times)).toBeLessThanOrEqual(48);
    expect(budget.limitedUntil()).toBe(0);
  });

  it('after a pause, code polls come back at a steady rate too, not in a burst', async () => {
    const { clock, budget } = simulated(60, undefined, 6, 6);
    const start = clock.t;
    budget.pause(30_000);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await budget.take(undefined, 'code');
      times.push(clock.t);
    }
    expect(times[0]).toBeGreaterThanOrEqual(start + 30_000);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(2 * (60_000 / 54) - 1);
  });

  it('a tiny limit still lets one request a minute through', async () => {
    const { clock, budget } = simulated(1);
    const times = await takeMany(budget, clock, 3);
    expect(worstMinute(times)).toBe(1);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(120_000);
  });

  it('take() gives up when its signal aborts while waiting', async () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.pause(60_000);
    const controller = new AbortController();
    const taking = budget.take(controller.signal);
    controller.abort(new Error('popup closed'));
    await expect(taking).rejects.toThrow('popup closed');
  });

  it('normal traffic leaves the reserve free: an urgent request goes at once, within the share', async () => {
    const { clock, budget } = simulated(60, undefined, 6);
    clock.t += 10 * 60_000;
    // Offers, orders and routine polls as fast as the budget lets them, for three minutes.
    const normal = await takeMany(budget, clock, 42 * 3);
    expect(worstMinute(normal)).toBeLessThanOrEqual(42);
    expect(budget.available()).toBe(0);
    expect(budget.available('urgent')).toBe(6);
    const before = clock.t;
    for (let i = 0; i < 6; i++) await budget.take(undefined, 'urgent');
    expect(clock.t).toBe(before);
    // Urgent ones beyond the reserve wait like anyone else; nothing exceeds the share.
    const more: number[] = [];
    for (let i = 0; i < 20; i++) {
      await budget.take(undefined, 'urgent');
      more.push(clock.t);
    }
    expect(worstMinute([...normal, ...Array(6).fill(before), ...more])).toBeLessThanOrEqual(48);
  });

  it('purchases and normal traffic at the full share still leave code polls their own slots', async () => {
    const { clock, budget } = simulated(60, undefined, 6, 6);
    clock.t += 10 * 60_000;
    // Offers and routine polls (42), then three purchases' urgent requests (6): a full share.
    const sent = await takeMany(budget, clock, 42);
    for (let i = 0; i < 6; i++) {
      await budget.take(undefined, 'urgent');
      sent.push(clock.t);
    }
    expect(budget.available('urgent')).toBe(0);
    expect(budget.available('code')).toBe(6);
    // The three code fields appear: their polls go at once.
    const before = clock.t;
    for (let i = 0; i < 3; i++) {
      await budget.take(undefined, 'code');
      sent.push(clock.t);
    }
    expect(clock.t).toBe(before);
    // Code polls beyond their share wait; the provider's own limit (60) is never reached.
    for (let i = 0; i < 20; i++) {
      await budget.take(undefined, 'code');
      sent.push(clock.t);
    }
    expect(worstMinute(sent)).toBeLessThanOrEqual(54);
  });

  it('keeps a request of headroom below the provider limit whatever the code share asked', () => {
    const budget = createRateBudget({ perMinute: 10, codeReserve: 50, now: () => 0 });
    // Starts half spent (4 of the 8 allowed): 9 of the 10 a minute at most for code polls.
    expect(budget.available('code')).toBe(5);
  });

  it('an urgent request waiting for a slot goes before normal ones that waited longer', async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    try {
      const budget = createRateBudget({ perMinute: 60, reserve: 6 });
      for (let i = 0; i < 24; i++) {
        await budget.take(undefined, 'urgent');
        vi.advanceTimersByTime(100);
      }
      const order: string[] = [];
      const normal = budget.take().then(() => order.push('normal'));
      const urgent = budget.take(undefined, 'urgent').then(() => order.push('urgent'));
      await vi.advanceTimersByTimeAsync(120_000);
      await Promise.all([normal, urgent]);
      expect(order).toEqual(['urgent', 'normal']);
    } finally {
      vi.useRealTimers();
    }
  });
});
