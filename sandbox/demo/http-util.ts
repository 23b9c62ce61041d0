import type { IncomingMessage, ServerResponse } from 'node:http';

/** Escape a value for use in HTML text or a double- or single-quoted attribute. */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': contentType,
    'content-length': String(buf.length),
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

export function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  extra?: Record<string, string>,
): void {
  send(req, res, status, 'text/html; charset=utf-8', html, extra);
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  payload: unknown,
  extra?: Record<string, string>,
): void {
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(payload), extra);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...COMMON_HEADERS });
  res.end();
}

export type JsonBody =
  { ok: true; value: unknown } | { ok: false; status: number; error: string; reason: string };

/** Read and parse a JSON request body of at most `limit` bytes. Never throws. */
export function readJsonBody(req: IncomingMessage, limit = 16 * 1024): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () =>
      resolve({
        ok: false,
        status: 400,
        error: 'Could not read the request body.',
        reason: 'bad_body',
      }),
    );
    req.on('end', () => {
      if (tooLarge) {
        resolve({
          ok: false,
          status: 413,
          error: `Request body is too large (limit ${limit} bytes).`,
          reason: 'too_large',
        });
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({
          ok: false,
          status: 400,
          error: 'Request body must be valid JSON, e.g. {"phone":"+15551234567"}.',
          reason: 'bad_json',
        });
      }
    });
  });
}

/** Read a string-ish field from a parsed JSON body (numbers are accepted and stringified). */
export function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
