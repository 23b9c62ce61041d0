/**
 * A rate budget shared by every call made with one provider key, so polling, offers and
 * orders together stay inside the provider's per-minute limit.
 */
/**
 * `urgent`: a request someone is waiting on right now (a purchase, a cancel, the offers just
 * before an order). Only urgent requests may use the budget's reserve.
 * `code`: a status read that brings a code: the poll for an order whose page shows its code
 * field, or the read after a cancel refused because a code came in. It may also use
 * `codeReserve`, which no other request can touch: purchases made just before (three orders'
 * worth of urgent requests) must not hold the code back.
 */
export type Priority = 'code' | 'urgent' | 'normal';

export interface RateBudget {
  /** Resolves when a request may be sent. */
  take(signal?: AbortSignal, priority?: Priority): Promise<void>;
  /** The provider said "too many": stop sending for this long. */
  pause(ms: number): void;
  /** Requests that may be sent now at that priority (default normal). */
  available(priority?: Priority): number;
  /**
   * Until when the provider itself asked us to stop (its HTTP 429 or rate-limit reply, see
   * pause); 0 when it did not, or that time has passed. Our own pacing is not counted.
   */
  limitedUntil(): number;
}

export interface RateBudgetOptions {
  perMinute: number;
  /** Share of the limit we allow ourselves; the rest is headroom for clock skew. */
  share?: number;
  /**
   * Requests per minute of the share that normal traffic leaves free for urgent requests, so
   * an urgent one never queues behind offers, orders and routine polls. Default 0.
   */
  reserve?: number;
  /**
   * Requests per minute beyond the share that only `code` polls may use, taken from the
   * headroom the share leaves below the provider's limit. Default 0.
   */
  codeReserve?: number;
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
  const reserve = Math.min(allowed - 1, Math.max(0, Math.floor(opts.reserve ?? 0)));
  // Never the provider's whole limit: a request or two of headroom stays for clock skew.
  const codeReserve = Math.min(
    Math.max(0, Math.floor(opts.codeReserve ?? 0)),
    Math.max(0, Math.floor(opts.perMinute) - allowed - 1),
  );
  const limitOf = (priority: Priority) =>
    priority === 'code'
      ? allowed + codeReserve
      : priority === 'urgent'
        ? allowed
        : allowed - reserve;
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
    async take(signal, priority = 'normal') {
      const limit = limitOf(priority);
      for (;;) {
        const t = now();
        prune(t);
        // Full: wait until enough of the minute's sends age out to leave one slot.
        const full = sent.length >= limit ? (sent[sent.length - limit] ?? t) + WINDOW_MS - t : 0;
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
      // The provider says the window is full: resume at the steady rate, not with a burst
      // (not even of code polls, whose limit is the highest).
      assumeSpent(limitOf('code'), pausedUntil);
    },
    available(priority = 'normal') {
      const t = now();
      prune(t);
      return t < pausedUntil ? 0 : Math.max(0, limitOf(priority) - sent.length);
    },
    limitedUntil() {
      return now() < pausedUntil ? pausedUntil : 0;
    },
  };
}
