/** Helpers for the sandbox's HTTP tests: a started sandbox on a fake clock and small clients. */
import { startSandbox, type Sandbox, type SandboxOptions } from './server.ts';

export interface TestSandbox {
  sb: Sandbox;
  clock: { t: number };
  /** CODASMS request: JSON reply (or null when the body is not JSON). */
  coda(
    path: string,
    init?: {
      key?: string | null;
      body?: unknown;
      rawBody?: string;
      method?: string;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; json: unknown; headers: Headers; text: string }>;
  /** SMS-Activate request (GET with query params). */
  sa(params: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }>;
  control(path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  account(key: string, cents: number): Promise<void>;
}

export async function startTestSandbox(opts: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = { t: 1_800_000_000_000 };
  const sb = await startSandbox({ port: 0, now: () => clock.t, seed: 1, ...opts });
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  };
  const t: TestSandbox = {
    sb,
    clock,
    async coda(path, init = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...init.headers,
      };
      if (init.key !== null) headers.authorization = `Bearer ${init.key ?? 'coda_live_test'}`;
      const body =
        init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      const res = await fetch(`${sb.url}${path}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
      });
      const text = await res.text();
      return { status: res.status, json: parse(text), headers: res.headers, text };
    },
    async sa(params) {
      const res = await fetch(`${sb.url}/stubs/handler_api.php?${new URLSearchParams(params)}`);
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    async control(path, body) {
      const res = await fetch(`${sb.url}/control/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: parse(await res.text()) };
    },
    async account(key, cents) {
      await t.control('accounts', { key, balance_cents: cents });
    },
  };
  return t;
}

/** Reads a string field of an unknown JSON value (test convenience; fails loudly otherwise). */
export function field(json: unknown, name: string): string {
  if (typeof json === 'object' && json !== null && name in json) {
    const v: unknown = Reflect.get(json, name);
    if (typeof v === 'string') return v;
  }
  throw new Error(`no string field ${name} in ${JSON.stringify(json)}`);
}

/** A CODASMS order id: a number on the wire (the official client sends it back as one). */
export function codaId(json: unknown): number {
  const v: unknown =
    typeof json === 'object' && json !== null ? Reflect.get(json, 'order_id') : undefined;
  if (typeof v === 'number') return v;
  throw new Error(`no numeric order_id in ${JSON.stringify(json)}`);
}
