/**
 * The local sandbox provider server: CODASMS v1 (/v1/...), 5sim (/v1/user/..., /v1/guest/...),
 * the SMS-Activate protocol (/stubs/handler_api.php) and the control API (/control/...) over one ledger, plus the demo
 * signup sites on <name>.localhost. node:http only; no handler may crash the process or leak a
 * stack trace.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleDemoSite } from './demo/site.ts';
import { handleControl } from './control.ts';
import { createSiteRejects } from './demo/rejects.ts';
import { codasmsFace } from './faces/codasms.ts';
import type { Face, FaceContext } from './faces/face.ts';
import { fivesimFace, isFivesimPath } from './faces/fivesim.ts';
import { createSmsActivateFace } from './faces/sms-activate.ts';
import { DIALECTS, type DialectName } from './dialects/index.ts';
import { Faults } from './faults.ts';
import {
  BodyTooLargeError,
  jsonReply,
  preflightReply,
  readBody,
  sendReply,
  sleep,
  withCors,
  type ApiRequest,
  type Reply,
} from './http.ts';
import { Ledger } from './ledger.ts';
import type { Quirks } from './quirks.ts';
import type { SimulationSettings } from './ledger-types.ts';
import { RateLimiter } from './rate-limit.ts';

export interface SandboxOptions {
  port?: number; // default 8787; 0 = pick a free port
  host?: string; // default '127.0.0.1'
  windowSeconds?: number; // default 1200
  earlyCancelSeconds?: number; // default 120
  rateLimitPerMinute?: number; // default 60, per API key, shared by all faces
  now?: () => number; // injectable clock (ms), default Date.now
  log?: (line: string) => void;
  /** Simulated delivery (off by default): true, or settings with `enabled`. */
  simulate?: boolean | Partial<SimulationSettings>;
  /** Seed for numbers, ids and simulation (random by default). */
  seed?: number;
  /** Which host the SMS-Activate face speaks like (sandbox/dialects/); default `classic`. */
  dialect?: DialectName;
}

export interface Sandbox {
  url: string;
  port: number;
  ledger: Ledger;
  close(): Promise<void>;
}

/** `discord` for Host `discord.localhost:8787`; null when the host is not a localhost subdomain. */
export function demoSiteFromHost(host: string | undefined): string | null {
  if (!host) return null;
  const name = host.trim().toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');
  if (!name.endsWith('.localhost')) return null;
  const first = name.slice(0, -'.localhost'.length).split('.')[0];
  return first ? first : null;
}

function isLoopback(address: string | undefined): boolean {
  return (
    !!address &&
    (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
  );
}

function faceFor(path: string, smsActivateFace: Face): Face | null {
  // 5sim shares the /v1 prefix with CODASMS; its /v1/user and /v1/guest trees are its own.
  if (isFivesimPath(path)) return fivesimFace;
  if (path === '/v1' || path.startsWith('/v1/')) return codasmsFace;
  if (path === '/stubs/handler_api.php') return smsActivateFace;
  return null;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const simulation =
    typeof opts.simulate === 'boolean' ? { enabled: opts.simulate } : opts.simulate;
  const ledger = new Ledger({
    now,
    windowSeconds: opts.windowSeconds,
    earlyCancelSeconds: opts.earlyCancelSeconds,
    seed: opts.seed,
    simulation: simulation && { enabled: true, ...simulation },
  });
  const limiter = new RateLimiter(opts.rateLimitPerMinute ?? 60, now);
  const faults = new Faults();
  const quirks: Quirks = new Set();
  const siteRejects = createSiteRejects();
  const smsActivateFace = createSmsActivateFace(DIALECTS[opts.dialect ?? 'classic']);
  let baseUrl = '';

  async function handleFace(
    face: Face,
    req: IncomingMessage,
    res: ServerResponse,
    api: Omit<ApiRequest, 'body'>,
  ): Promise<string> {
    if (req.method === 'OPTIONS') {
      sendReply(res, preflightReply());
      return '';
    }
    const fault = faults.pick();
    if (fault === '5xx') {
      sendReply(res, withCors(faults.gatewayError()));
      return ' [fault 5xx]';
    }
    if (fault === '429') {
      sendReply(res, withCors(face.rateLimited(faults.retryAfterSeconds())));
      return ' [fault 429]';
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      sendReply(res, withCors(face.badRequest('request body too large')));
      return '';
    }
    const latencyMs = fault === 'latency' ? faults.latencyMs() : 0;
    let paused = false;
    const ctx: FaceContext = {
      ledger,
      quirks,
      admit: (key) => limiter.hit(key),
      pause: async () => {
        if (paused || latencyMs === 0) return;
        paused = true;
        await sleep(latencyMs);
      },
    };
    let reply: Reply;
    try {
      reply = await face.handle({ ...api, body }, ctx);
    } catch (e) {
      log(`error in ${api.url.pathname}: ${describe(e)}`);
      reply = face.internalError();
    }
    await ctx.pause(); // latency also for replies that returned before pausing
    if (fault === 'drop') {
      req.socket.destroy();
      return ' [fault drop]';
    }
    if (fault === 'malformed') reply = faults.malformed(reply);
    sendReply(res, withCors(reply));
    return fault ? ` [fault ${fault}]` : '';
  }

  async function handleControlRequest(
    req: IncomingMessage,
    res: ServerResponse,
    api: Omit<ApiRequest, 'body'>,
  ): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendReply(res, jsonReply(403, { ok: false, reason: 'forbidden' }));
      return;
    }
    if (req.method === 'OPTIONS') {
      sendReply(res, preflightReply());
      return;
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      sendReply(
        res,
        withCors(
          jsonReply(413, { ok: false, reason: 'invalid_request', message: 'body too large' }),
        ),
      );
      return;
    }
    sendReply(
      res,
      withCors(handleControl({ ...api, body }, { ledger, faults, limiter, quirks, siteRejects })),
    );
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    let note = '';
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('finish', () =>
      log(`${method} ${path} ${res.statusCode} ${Date.now() - started}ms${note}`),
    );
    try {
      ledger.sweep();
      const site = demoSiteFromHost(req.headers.host);
      if (site !== null) {
        note = ` [demo ${site}]`;
        await handleDemoSite(req, res, { site, controlBaseUrl: baseUrl, rejects: siteRejects });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const api = { method, url, headers: req.headers };
      const face = faceFor(url.pathname, smsActivateFace);
      if (face) {
        note = await handleFace(face, req, res, api);
        if (note === ' [fault drop]') log(`${method} ${path} dropped (fault)`);
      } else if (url.pathname.startsWith('/control/')) {
        await handleControlRequest(req, res, api);
      } else if (url.pathname === '/' && method === 'GET') {
        sendReply(
          res,
          withCors(
            jsonReply(200, {
              ok: true,
              name: 'sms sandbox',
              codasms: '/v1',
              fivesim: '/v1/user, /v1/guest',
              sms_activate: '/stubs/handler_api.php',
              control: '/control',
            }),
          ),
        );
      } else {
        sendReply(res, withCors(jsonReply(404, { ok: false, reason: 'not_found' })));
      }
    } catch (e) {
      log(`error in ${path}: ${describe(e)}`);
      if (res.headersSent) res.destroy();
      else if (!res.writableEnded)
        sendReply(res, jsonReply(500, { ok: false, reason: 'internal_error' }));
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => res.destroy());
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox: no TCP address');
  const { port } = address;
  const urlHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${urlHost}:${port}`;

  return {
    url: baseUrl,
    port,
    ledger,
    close: () =>
      new Promise<void>((resolve) => {
        ledger.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
