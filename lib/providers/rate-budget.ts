/**
 * A token bucket shared by every call made with one provider key, so polling, offers and
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

export function createRateBudget(opts: RateBudgetOptions): RateBudget {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const capacity = Math.max(1, Math.floor(opts.perMinute * (opts.share ?? 0.8)));
  const refillPerMs = capacity / 60_000;
  // Start half full: a restarted worker cannot know what its predecessor spent.
  let tokens = capacity / 2;
  let last = now();
  let pausedUntil = 0;

  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + (t - last) * refillPerMs);
    last = t;
  };

  return {
    async take(signal) {
      for (;;) {
        refill();
        const wait = Math.max(pausedUntil - now(), tokens >= 1 ? 0 : (1 - tokens) / refillPerMs);
        if (wait <= 0) {
          tokens -= 1;
          return;
        }
        await sleep(Math.ceil(wait), signal);
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      tokens = 0;
    },
    available() {
      refill();
      return now() < pausedUntil ? 0 : Math.floor(tokens);
    },
  };
}
