import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { ProviderError } from './types.ts';
import type { Priority, RateBudget } from './rate-budget.ts';
import { defaultSleep } from './rate-budget.ts';

export interface RawReply {
  status: number;
  body: string;
  json: unknown;
  retryAfterMs: number | null;
  /** A reply header (DaisySMS sends a rental's price in X-Price). */
  header?(name: string): string | null;
}

export interface HttpOptions {
  baseUrl: string;
  /** The provider's name for error messages ("HeroSMS"); the address otherwise. */
  name?: string;
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

/** The most of a reply body read; anything larger is refused before parsing. */
export const MAX_REPLY_BYTES = 64 * 1024;

/**
 * The cap for catalog replies (service lists, price and country tables), which are large by
 * nature: CODASMS's full service list is about 90 KB and an SMS-Activate host's unfiltered
 * getPrices runs to megabytes. They are asked for by the popup and options page, never on the
 * polling and refund path that the 64 KB cap protects, and they are still capped.
 */
export const MAX_CATALOG_REPLY_BYTES = 4 * 1024 * 1024;

/**
 * The body as text, refused once it passes `limit` bytes: a hostile or broken host sending
 * megabytes must not hold the worker (and every other provider's polls and refunds) while it is
 * decoded and parsed. Null when the reply is too large.
 */
export async function readCapped(res: Response, limit = MAX_REPLY_BYTES): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Where a redirect points, as an origin only (never its query: it may echo the key). */
function redirectTarget(res: Response, base: string): string | null {
  const location = res.headers.get('location');
  if (!location) return null;
  try {
    return new URL(location, base).origin;
  } catch {
    return null;
  }
}

const isRedirect = (res: Response) =>
  res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);

/**
 * One HTTP client per provider key: timeouts, the shared rate budget, no automatic retry, no
 * redirects followed (the SMS-Activate protocol carries the key in the query string, so a
 * redirect to another origin or to plain http would hand it over), replies capped at 64 KB.
 */
export function createHttp(opts: HttpOptions) {
  const who = opts.name ?? opts.baseUrl;
  const client: KyInstance = ky.create({
    prefixUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: opts.headers,
    timeout: opts.timeoutMs ?? 15_000,
    retry: 0,
    throwHttpErrors: false,
    redirect: 'manual',
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
      /** The reply cap: MAX_REPLY_BYTES unless the call is a catalog read. */
      maxBytes?: number;
    },
  ): Promise<RawReply> {
    const { priority, maxBytes = MAX_REPLY_BYTES, ...request } = init;
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
    if (isRedirect(res)) {
      await res.body?.cancel().catch(() => undefined);
      const target = redirectTarget(res, opts.baseUrl);
      throw new ProviderError(
        'provider_down',
        `${who} sent the request on to ${target ?? 'another address'}; it was not followed, so ` +
          'your key stays with the address you set. Check the address in the settings.',
      );
    }
    let body: string | null;
    try {
      body = await readCapped(res, maxBytes);
    } catch (e) {
      throw new ProviderError('network', `The connection to ${who} broke: ${describe(e)}`);
    }
    if (body === null) {
      throw new ProviderError(
        'malformed_reply',
        `${who} sent a reply larger than ${Math.round(maxBytes / 1024)} KB; it was not read.`,
      );
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
      header: (name) => res.headers.get(name),
    };
  }
  return { send };
}

export type Http = ReturnType<typeof createHttp>;

/** Parses a reply with a schema or fails as a malformed reply, never a cast. */
export function parseReply<S extends z.ZodMiniType>(
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
