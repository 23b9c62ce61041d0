import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDemoCodes, WRONG_CODE } from './api.ts';
import { REJECTED_COUNTRY, REJECTED_NUMBER, createSiteRejects, refusal } from './rejects.ts';
import { KNOWN_SERVICES, resolveService } from './services.ts';
import { handleDemoSite } from './site.ts';

// Fake control API: records every SMS; numbers in ACCEPTED have an open order,
// FAILING makes it answer 500, anything else is 404 not_found.
const ACCEPTED = new Set(['+15551234567', '+6281234567890', '+447700900123']);
const FAILING = '+15550000500';
const RECORDED = '+15550000202';
const sent: { phone: string; text: string }[] = [];

let control: Server;
let demo: Server;
let demoPort = 0;
let controlUrl = '';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function call(
  method: string,
  path: string,
  options: { host?: string; body?: string; site?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      host: options.host ?? `discord.localhost:${demoPort}`,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.site !== undefined) headers['x-test-site'] = options.site;
    const req = request({ host: '127.0.0.1', port: demoPort, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (path: string, payload: unknown, host?: string): Promise<Reply> =>
  call('POST', path, { body: JSON.stringify(payload), host });

const json = (reply: Reply): Record<string, unknown> =>
  JSON.parse(reply.body) as Record<string, unknown>;

beforeAll(async () => {
  control = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { phone, text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        phone: string;
        text: string;
      };
      res.setHeader('content-type', 'application/json');
      if (req.url !== '/control/sms' || req.method !== 'POST') {
        res.writeHead(400).end('{"ok":false}');
      } else if (phone === RECORDED) {
        res.writeHead(202).end(JSON.stringify({ ok: true, order_id: 'o2', code: null }));
      } else if (phone === FAILING) {
        res.writeHead(500).end('{"ok":false,"reason":"boom"}');
      } else if (ACCEPTED.has(phone)) {
        sent.push({ phone, text });
        res.writeHead(200).end(JSON.stringify({ ok: true, order_id: 'o1', code: 'x' }));
      } else {
        res.writeHead(404).end('{"ok":false,"reason":"not_found"}');
      }
    });
  });
  controlUrl = `http://127.0.0.1:${await listen(control)}`;
  demo = createServer((req, res) => {
    const fromHeader = req.headers['x-test-site'];
    const site =
      typeof fromHeader === 'string' ? fromHeader : ((req.headers.host ?? '').split('.')[0] ?? '');
    void handleDemoSite(req, res, { site, controlBaseUrl: controlUrl });
  });
  demoPort = await listen(demo);
});

afterAll(async () => {
  await close(demo);
  await close(control);
});

beforeEach(() => {
  sent.length = 0;
  resetDemoCodes();
});

/** Send a code for `phone` and return the digits of the SMS that the fake control recorded. */
async function sendAndRead(phone: string, host?: string): Promise<{ text: string; code: string }> {
  const reply = await post('/api/send-code', { phone }, host);
  expect(reply.status, reply.body).toBe(200);
  const last = sent.at(-1);
  expect(last?.phone).toBe(phone.replace(/[\s-]/g, ''));
  const text = last?.text ?? '';
  return { text, code: text.replace(/\D/g, '') };
}

describe('pages', () => {
  it('serves the plain page with the labelled phone field and a hidden code step', async () => {
    const r = await call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('<h1>Create your Discord account</h1>');
    expect(r.body).toContain('<label for="phone">Phone number</label>');
    expect(r.body).toMatch(
      /<input id="phone" type="tel" name="phone" autocomplete="tel" placeholder="\+1 555 123 4567"/,
    );
    expect(r.body).toContain('>Send code</button>');
    expect(r.body).toMatch(/<section id="code-step"[^>]* hidden>/);
    expect(r.body).toContain('<label for="code">Verification code</label>');
    expect(r.body).toContain('autocomplete="one-time-code" inputmode="numeric"');
    expect(r.body).toContain('role="alert"');
    expect(r.body).toContain('role="status"');
    expect(r.body).toContain('<a href="/" aria-current="page">Plain</a>');
    expect(r.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // no external resources
  });

  it('serves a restricted-countries page, linked from the menu, that lists nine countries', async () => {
    const r = await call('GET', '/signup/restricted');
    expect(r.status).toBe(200);
    expect(r.body).toContain(
      '<a href="/signup/restricted" aria-current="page">Restricted countries</a>',
    );
    expect(r.body).toContain('<option value="">Select your country</option>');
    expect(r.body).toContain('<option value="GB" data-dial="+44">🇬🇧 United Kingdom (+44)</option>');
    expect(r.body.match(/<option value="[A-Z]{2}"/g)).toHaveLength(9);
    expect(r.body).not.toContain('Indonesia');
    const home = await call('GET', '/');
    expect(home.body).toContain('<a href="/signup/restricted">Restricted countries</a>');
  });

  it('serves the country page with a labelled dial-code select', async () => {
    const r = await call('GET', '/signup/country');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<label for="country">Country code</label>');
    expect(r.body).toContain('>Indonesia (+62)</option>');
    expect(r.body).toContain('value="+62"');
    expect(r.body).toMatch(
      /<input id="national" type="tel" name="national" autocomplete="tel-national"/,
    );
    const options = r.body.match(/<option /g) ?? [];
    expect(options.length).toBeGreaterThanOrEqual(25);
    for (const iso of [
      'ID',
      'US',
      'GB',
      'RU',
      'UA',
      'KZ',
      'PH',
      'MY',
      'VN',
      'PL',
      'IN',
      'CO',
      'CA',
    ]) {
      expect(r.body).toContain(`data-iso="${iso}"`);
    }
    for (const iso of ['DE', 'NL', 'TH', 'MX', 'ES', 'TR', 'BR', 'FR', 'IT']) {
      expect(r.body).toContain(`data-iso="${iso}"`);
    }
  });

  it('serves split boxes: a labelled group with one box per digit', async () => {
    const r = await call('GET', '/signup/split');
    expect(r.body).toContain('role="group" aria-label="Verification code"');
    expect(r.body.match(/maxlength="1"/g)).toHaveLength(6);
    expect(r.body.match(/autocomplete="one-time-code"/g)).toHaveLength(1);
    expect(r.body).toContain('aria-label="Digit 1"');
    expect(r.body).toContain('aria-label="Digit 6"');
    const telegram = await call('GET', '/signup/split', { host: 'telegram.localhost' });
    expect(telegram.body.match(/maxlength="1"/g)).toHaveLength(5);
  });

  it('serves the same SPA shell on both SPA paths', async () => {
    const a = await call('GET', '/signup/spa');
    const b = await call('GET', '/signup/spa/verify');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toBe(a.body);
    expect(a.body).toContain('<div id="app">');
    expect(a.body).toContain('history.pushState');
  });

  it('answers HEAD without a body, 204 for the favicon, 404 and 405 pages', async () => {
    const head = await call('HEAD', '/signup/split');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await call('GET', '/favicon.ico')).status).toBe(204);
    const missing = await call('GET', '/nope/<script>alert(1)</script>');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect(missing.body).not.toContain('<script>alert(1)');
    const wrong = await call('POST', '/', { body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD');
  });

  it('names unknown sites after their label and escapes everything it interpolates', async () => {
    const acme = await call('GET', '/', { host: 'acme.localhost' });
    expect(acme.body).toContain('Create your Acme account');
    const evil = await call('GET', '/', { site: '"><img src=x onerror=alert(1)>' });
    expect(evil.status).toBe(200);
    expect(evil.body).not.toContain('<img src=x');
    expect(evil.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('API', () => {
  it('sends the Discord SMS and verifies the right code, rejecting a wrong one', async () => {
    const { text, code } = await sendAndRead('+1 555 123 4567');
    expect(text).toMatch(/^Your Discord verification code is \d{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await post('/api/verify', { phone: '+15551234567', code: wrongCode });
    expect(wrong.status).toBe(400);
    expect(json(wrong)).toMatchObject({ ok: false, error: WRONG_CODE, reason: 'wrong_code' });
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    const right = await post('/api/verify', { phone: '+15551234567', code: spaced });
    expect(right.status).toBe(200);
    expect(json(right)).toMatchObject({ ok: true, verified: true, phone: '+15551234567' });
  });

  it("answers 400 with the site's own wording when no order holds the number", async () => {
    const r = await post('/api/send-code', { phone: '+15559876543' });
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({
      ok: false,
      reason: 'unusable_number',
      error: 'This phone number is invalid or cannot be used. Try another number.',
    });
    const tg = await post('/api/send-code', { phone: '+15559876543' }, 'telegram.localhost');
    expect(json(tg).error).toBe(resolveService('telegram').unusableNumber);
  });

  it('refuses a number from a country the page was told to reject (?reject=), inline, no SMS', async () => {
    const before = sent.length;
    const r = await post('/api/send-code', { phone: '+6281234567890', reject: 'my, id' });
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({
      ok: false,
      reason: 'number_rejected',
      error: REJECTED_COUNTRY,
    });
    expect(sent.length).toBe(before);
    const other = await post('/api/send-code', { phone: '+6281234567890', reject: 'MY' });
    expect(other.status).toBe(200);
  });

  it('says whether it refuses the number itself or its country', () => {
    const rejects = createSiteRejects();
    rejects.numbers.add('+6281234567890');
    rejects.countries.add('MY');
    expect(refusal(rejects, '+6281234567890', [])).toBe(REJECTED_NUMBER);
    expect(refusal(rejects, '+60123456789', [])).toBe(REJECTED_COUNTRY);
    expect(refusal(rejects, '+6281234567891', ['ID'])).toBe(REJECTED_COUNTRY);
    expect(refusal(rejects, '+6281234567891', [])).toBeNull();
  });

  it('treats a 202 "recorded" reply from the control API as sent', async () => {
    const r = await post('/api/send-code', { phone: RECORDED });
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: true, phone: RECORDED, codeLength: 6 });
  });

  it('answers 502 when the control API fails or is unreachable', async () => {
    const r = await post('/api/send-code', { phone: FAILING });
    expect(r.status).toBe(502);
    expect(json(r).error).toMatch(/couldn't send the SMS.*HTTP 500/);
    const offline = createServer((req, out) => {
      void handleDemoSite(req, out, { site: 'discord', controlBaseUrl: 'http://127.0.0.1:1' });
    });
    const saved = demoPort;
    demoPort = await listen(offline);
    let res: Reply;
    try {
      res = await post('/api/send-code', { phone: '+15551234567' });
    } finally {
      demoPort = saved;
      await close(offline);
    }
    expect(res.status).toBe(502);
    expect(json(res).error).toMatch(/not reachable/);
  });

  it('uses each service wording: Telegram 5 digits, WhatsApp 123-456, Google G- prefix', async () => {
    const tg = await sendAndRead('+15551234567', 'telegram.localhost');
    expect(tg.text).toMatch(
      /^Telegram code: \d{5}\n\nDo not give this code to anyone, even if they say they are from Telegram!$/,
    );
    const wa = await sendAndRead('+15551234567', 'whatsapp.localhost');
    expect(wa.text).toMatch(
      /^Your WhatsApp code: \d{3}-\d{3}\n\nDon't share this code with others$/,
    );
    const dashed = /(\d{3}-\d{3})/.exec(wa.text)?.[1] ?? '';
    const ok = await post(
      '/api/verify',
      { phone: '+15551234567', code: dashed },
      'whatsapp.localhost',
    );
    expect(ok.status).toBe(200);
    const g = await sendAndRead('+15551234567', 'google.localhost');
    expect(g.text).toMatch(/^G-\d{6} is your Google verification code\.$/);
    // Codes are per site: the Google code does not verify Discord.
    const cross = await post('/api/verify', { phone: '+15551234567', code: g.code });
    expect(cross.status).toBe(400);
  });

  it('has at least 15 known services whose SMS holds a code of the right length', () => {
    expect(KNOWN_SERVICES.length).toBeGreaterThanOrEqual(15);
    for (const s of KNOWN_SERVICES) {
      const code = '9'.repeat(s.codeLength);
      expect(s.sms(code).replace(/\D/g, ''), s.key).toContain(code);
      expect(s.unusableNumber.length, s.key).toBeGreaterThan(10);
    }
    expect(resolveService('twitter').name).toBe('X');
    expect(resolveService('acme').sms('123456')).toBe('Your Acme verification code is 123456');
  });

  it('rejects bad JSON, bad phones, missing codes, wrong methods and unknown endpoints', async () => {
    const bad = await call('POST', '/api/send-code', { body: '{nope' });
    expect(bad.status).toBe(400);
    expect(json(bad)).toMatchObject({ ok: false, reason: 'bad_json' });
    expect(bad.body).not.toMatch(/at .*\.ts/);
    const notObject = await post('/api/send-code', ['+15551234567']);
    expect(json(notObject).reason).toBe('bad_phone');
    const local = await post('/api/send-code', { phone: '5551234567' });
    expect(json(local).error).toMatch(/international format/);
    const noCode = await post('/api/verify', { phone: '+15551234567', code: ' ' });
    expect(json(noCode).reason).toBe('missing_code');
    const neverSent = await post('/api/verify', { phone: '+447700900123', code: '123456' });
    expect(json(neverSent).reason).toBe('no_code');
    const get = await call('GET', '/api/send-code');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const unknown = await post('/api/nope', {});
    expect(unknown.status).toBe(404);
    const huge = await call('POST', '/api/verify', {
      body: JSON.stringify({ x: 'a'.repeat(40000) }),
    });
    expect(huge.status).toBe(413);
    expect(sent).toHaveLength(0);
  });

  it('resend replaces the code: the old one stops working', async () => {
    const first = await sendAndRead('+6281234567890');
    const second = await sendAndRead('+6281234567890');
    if (first.code !== second.code) {
      const old = await post('/api/verify', { phone: '+6281234567890', code: first.code });
      expect(json(old).reason).toBe('wrong_code');
    }
    const ok = await post('/api/verify', { phone: '+6281234567890', code: second.code });
    expect(ok.status).toBe(200);
  });
});
