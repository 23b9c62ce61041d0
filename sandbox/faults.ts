/**
 * Fault injection for provider-face requests (never control or demo):
 * - latency: 1-3 s delay, then the normal reply;
 * - 5xx: 502/503 with an HTML error page, the request is NOT processed (the proxy failed);
 * - malformed: the request IS processed, then a 200 with a truncated or garbage body;
 * - 429: the face's own rate-limit reply, NOT processed;
 * - drop: the request IS processed, then the socket is destroyed without a reply.
 */
import type { Reply } from './http.ts';
import { mulberry32, randInt, randomSeed, type Rng } from './random.ts';

export const FAULT_KINDS = ['latency', '5xx', 'malformed', '429', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export class Faults {
  rate = 0;
  kinds: FaultKind[] = [...FAULT_KINDS];
  private rng: Rng = mulberry32(randomSeed());

  configure(rate: number, kinds: readonly FaultKind[] | undefined, seed: number | undefined): void {
    this.rate = rate;
    this.kinds = kinds && kinds.length > 0 ? [...new Set(kinds)] : [...FAULT_KINDS];
    if (seed !== undefined) this.rng = mulberry32(seed);
  }

  /** The fault for this request, or null. */
  pick(): FaultKind | null {
    if (this.rate <= 0 || this.rng() >= this.rate) return null;
    return this.kinds[Math.floor(this.rng() * this.kinds.length)] ?? null;
  }

  latencyMs(): number {
    return randInt(this.rng, 1000, 3000);
  }

  retryAfterSeconds(): number {
    return randInt(this.rng, 1, 5);
  }

  gatewayError(): Reply {
    const status = this.rng() < 0.5 ? 502 : 503;
    const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
    return {
      status,
      headers: { 'content-type': 'text/html', server: 'nginx' },
      body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    };
  }

  /** A 200 whose body no longer parses: JSON cut short, or text replaced by garbage. */
  malformed(reply: Reply): Reply {
    const isJson = (reply.headers['content-type'] ?? '').includes('json');
    let body: string;
    if (isJson && reply.body.length > 1) {
      // Any strict prefix of a JSON object or array is invalid JSON.
      body = reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2)));
    } else {
      const garbage = [
        '',
        '<!DOCTYPE html><html><head><title>',
        '\u0000\u001f\ufffd\ufffdPK',
        'null\u0000',
      ];
      body = garbage[Math.floor(this.rng() * garbage.length)] ?? '';
    }
    return { status: 200, headers: reply.headers, body };
  }
}
