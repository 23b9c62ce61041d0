/** Small HTTP helpers shared by the faces, the control API and the server. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A reply not yet written: faults may rewrite or drop it after the handler produced it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a face or the control API sees of a request (body already read). */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
  'access-control-expose-headers': 'Retry-After',
  'access-control-max-age': '600',
};

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function textReply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function preflightReply(): Reply {
  return { status: 204, headers: { ...CORS_HEADERS }, body: '' };
}

export function withCors(reply: Reply): Reply {
  return { ...reply, headers: { ...CORS_HEADERS, ...reply.headers } };
}

/** First value of a request header. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
  }
}

/** Reads the whole body as UTF-8, refusing more than `limitBytes`. */
export function readBody(req: IncomingMessage, limitBytes = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON.parse without throwing; an empty body parses as undefined. */
export function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === '') return { ok: true, value: undefined };
  try {
    const value: unknown = JSON.parse(body);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-length': String(Buffer.byteLength(reply.body)),
    'cache-control': 'no-store',
  });
  res.end(reply.body);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** "YYYY-MM-DD HH:mm:ss" in UTC (the SMS-Activate time format). */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Integer cents as a dollar string with 2 decimals: 1234 -> "12.34". */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.345" dollars -> 1234 cents (extra decimals truncated); null if not a plain decimal. */
export function parseDollarsToCents(input: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d*))?\s*$/.exec(input);
  if (!m) return null;
  const whole = Number(m[1]);
  const fraction = Number((m[2] ?? '').padEnd(2, '0').slice(0, 2));
  return whole * 100 + fraction;
}
