import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp, MAX_CATALOG_REPLY_BYTES, MAX_REPLY_BYTES } from './http.ts';
import { createRateBudget } from './rate-budget.ts';
import { providerError } from '../../tests/support/providers/contract.ts';

// Real loopback servers: what a hostile or moved provider can send, against the real client.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

const http = (baseUrl: string) =>
  createHttp({ baseUrl, name: 'HostX', budget: createRateBudget({ perMinute: 1000 }) });
const askBalance = (baseUrl: string) =>
  http(baseUrl).send('get', '/stubs/handler_api.php', {
    searchParams: { api_key: 'secret_key_123', action: 'getBalance' },
  });

describe('provider HTTP: redirects', () => {
  it('never follows a redirect to another origin: the key does not travel there', async () => {
    const elsewhere = await serve((_req, res) => res.end('ACCESS_BALANCE:1.00'));
    const host = await serve((req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}${req.url}` }).end();
    });
    const e = await providerError(askBalance(host.url));
    expect(elsewhere.hits).toEqual([]);
    expect(e.kind).toBe('provider_down');
    expect(e.message).toContain(elsewhere.url);
    expect(e.message).not.toContain('secret_key_123');
  });

  it.each([301, 307, 308])('refuses a %i to plain http or another port as well', async (code) => {
    const host = await serve((req, res) => {
      res.writeHead(code, { location: `http://localhost:9${req.url}` }).end();
    });
    const e = await providerError(askBalance(host.url));
    expect(e.kind).toBe('provider_down');
    expect(e.message).not.toContain('secret_key_123');
  });

  it('a plain reply still comes through', async () => {
    const host = await serve((_req, res) => res.end('ACCESS_BALANCE:12.34'));
    expect((await askBalance(host.url)).body).toBe('ACCESS_BALANCE:12.34');
  });
});

describe('provider HTTP: reply size cap', () => {
  const big = 'A'.repeat(1024 * 1024);

  it.each([
    ['with a content-length', true],
    ['streamed without one', false],
  ])('a 1 MB reply %s is refused as malformed, quickly', async (_, declared) => {
    const host = await serve((_req, res) => {
      if (!declared) res.setHeader('transfer-encoding', 'chunked');
      else res.setHeader('content-length', String(big.length));
      for (let i = 0; i < 16; i++) res.write(big.slice(i * 65536, (i + 1) * 65536));
      res.end();
    });
    const started = performance.now();
    const e = await providerError(askBalance(host.url));
    expect(e.kind).toBe('malformed_reply');
    expect(e.transient).toBe(true);
    expect(e.message).toBe('HostX sent a reply larger than 64 KB; it was not read.');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a reply of exactly the cap is read whole, multi-byte text intact', async () => {
    const text = `${'é'.repeat(100)}${'x'.repeat(MAX_REPLY_BYTES - 200)}`;
    const host = await serve((_req, res) => res.end(text));
    expect((await askBalance(host.url)).body).toBe(text);
  });

  it('a catalog read (a full service list, ~90 KB) is read under the catalog cap, and refused past it', async () => {
    const list = JSON.stringify({
      services: Array.from({ length: 900 }, (_, i) => ({
        code: `s${i}`,
        name: `Service number ${i} with a long name`,
        from_cents: 10,
        stock: 5,
      })),
    });
    expect(list.length).toBeGreaterThan(MAX_REPLY_BYTES);
    const host = await serve((_req, res) => res.end(list));
    const catalog = () =>
      http(host.url).send('get', '/v1/services', { maxBytes: MAX_CATALOG_REPLY_BYTES });
    expect((await catalog()).json).toEqual(JSON.parse(list));
    const e = await providerError(http(host.url).send('get', '/v1/services', { maxBytes: 1024 }));
    expect(e.message).toBe('HostX sent a reply larger than 1 KB; it was not read.');
  });
});
