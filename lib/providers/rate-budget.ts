/**
 * A rate budget shared by every call made with one provider key, so polling, offers and
 * orders together stay inside the provider's per-minute limit.
 */
export interface RateBudget {
  /** Resolves when a request may be sent. */
  take(signal?: AbortSignal): Promise<void>;
  /** The provider said "too many": stop sending for this long. */
  pause(ms: number): void;
  /** Tokens available now (for the scheduler's cadence). */
  available(): number;
}

export interface RateBudgetOptions {
  perMinute: number;
  /** Share of the limit we allow ourselves; the rest is headroom for clock skew. */
  share?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

const WINDOW_MS = 60_000;

export function createRateBudget(opts: RateBudgetOptions): RateBudget {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const allowed = Math.max(1, Math.floor(opts.perMinute * (opts.share ?? 0.8)));
  // Send times within the last minute: a sliding window, like the provider's own limit. (A
  // token bucket holding a minute's worth of tokens lets a full bucket plus a minute of refill,
  // twice the share, through in one minute after an idle spell.)
  let sent: number[] = [];
  let pausedUntil = 0;

  /** Pretends `count` requests went out evenly over the minute before `until`. */
  const assumeSpent = (count: number, until: number) => {
    const step = WINDOW_MS / Math.max(1, count);
    sent = Array.from({ length: count }, (_, i) => until - WINDOW_MS + (i + 1) * step);
  };
  const prune = (t: number) => {
    while (sent.length > 0 && (sent[0] ?? t) <= t - WINDOW_MS) sent.shift();
  };

  // Start half spent: a restarted worker cannot know what its predecessor spent.
  assumeSpent(Math.floor(allowed / 2), now());

  return {
    async take(signal) {
      for (;;) {
        const t = now();
        prune(t);
        const full = sent.length >= allowed ? (sent[0] ?? t) + WINDOW_MS - t : 0;
        const wait = Math.max(pausedUntil - t, full);
        if (wait <= 0) {
          sent.push(t);
          return;
        }
        await sleep(Math.ceil(wait), signal);
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      // The provider says the window is full: resume at the steady rate, not with a burst.
      assumeSpent(allowed, pausedUntil);
    },
    available() {
      const t = now();
      prune(t);
      return t < pausedUntil ? 0 : Math.max(0, allowed - sent.length);
    },
  };
}
