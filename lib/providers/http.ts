import ky, { type KyInstance } from 'ky';
import type { z } from 'zod';
import { ProviderError } from './types.ts';
import type { Priority, RateBudget } from './rate-budget.ts';
import { defaultSleep } from './rate-budget.ts';

export interface RawReply {
  status: number;
  body: string;
  json: unknown;
  retryAfterMs: number | null;
}

export interface HttpOptions {
  baseUrl: string;
  headers?: Record<string, string>;
  budget: RateBudget;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * An error's message without query strings: ky's messages quote the URL, and an
 * SMS-Activate-protocol URL carries the API key (`?api_key=`), which must never reach the UI or
 * a log.
 */
function describe(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return what.replace(/\?\S*/g, '');
}

/** One HTTP client per provider key: timeouts, the shared rate budget, no automatic retry. */
export function createHttp(opts: HttpOptions) {
  const client: KyInstance = ky.create({
    prefixUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: opts.headers,
    timeout: opts.timeoutMs ?? 15_000,
    retry: 0,
    throwHttpErrors: false,
    fetch: opts.fetch,
  });

  async function send(
    method: 'get' | 'post',
    path: string,
    init: {
      json?: unknown;
      searchParams?: Record<string, string>;
      headers?: Record<string, string>;
      /** Urgent requests may use the rate budget's reserve (rate-budget.ts). */
      priority?: Priority;
    },
  ): Promise<RawReply> {
    const { priority, ...request } = init;
    await opts.budget.take(undefined, priority);
    let res: Response;
    try {
      // ky treats an explicit `headers: undefined` as "no headers" and drops the instance's
      // Authorization, so pass only what is set.
      const options = Object.fromEntries(
        Object.entries(request).filter(([, v]) => v !== undefined),
      );
      res = await client(path.replace(/^\//, ''), { method, ...options });
    } catch (e) {
      throw new ProviderError('network', `Could not reach ${opts.baseUrl}: ${describe(e)}`);
    }
    let body: string;
    try {
      body = await res.text();
    } catch (e) {
      throw new ProviderError('network', `The connection to ${opts.baseUrl} broke: ${describe(e)}`);
    }
    let json: unknown = undefined;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      status: res.status,
      body,
      json,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    };
  }
  return { send };
}

export type Http = ReturnType<typeof createHttp>;

/** Parses a reply with a schema or fails as a malformed reply, never a cast. */
export function parseReply<S extends z.ZodType>(
  schema: S,
  json: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ProviderError('malformed_reply', `The provider's ${what} reply was not understood.`);
  }
  return parsed.data;
}

/**
 * Retries an operation that is safe to repeat (a read, a status check, an order carrying its
 * idempotency key) on transient failures, with exponential backoff and jitter.
 */
export async function withRetry<T>(
  op: () => Promise<T>,
  { attempts = 3, baseMs = 400, maxWaitMs = 5_000, sleep = defaultSleep } = {},
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof ProviderError) || !e.transient || i >= attempts) throw e;
      // A long pause is the scheduler's business, not a reason to hold this call open.
      if ((e.retryAfterMs ?? 0) > maxWaitMs) throw e;
      const backoff = e.retryAfterMs ?? baseMs * 2 ** (i - 1) * (0.5 + Math.random());
      await sleep(backoff);
    }
  }
}
