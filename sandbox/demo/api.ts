// JSON API of the demo signup site: POST /api/send-code and POST /api/verify.
// Codes live in memory, keyed by site + phone; "sending" an SMS means asking the sandbox's
// control API to deliver the text to whichever open order holds the number.
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson, stringField } from './http-util.ts';
import { isoList, refusal, type SiteRejects } from './rejects.ts';
import type { Service } from './services.ts';

export const WRONG_CODE = 'Wrong code. Check the SMS and try again.';
export const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 5000;
const CONTROL_TIMEOUT_MS = 5000;

interface Pending {
  code: string;
  expiresAt: number;
  verified: boolean;
}

const pending = new Map<string, Pending>();

const keyOf = (service: Service, phone: string): string => `${service.key}|${phone}`;

/** Forget every stored code (tests). */
export function resetDemoCodes(): void {
  pending.clear();
}

export type PhoneCheck = { ok: true; phone: string } | { ok: false; error: string };

/** Normalise to E.164: drop spaces, dots, dashes, brackets; 00 prefix becomes +. */
export function normalizePhone(raw: string): PhoneCheck {
  let phone = raw.trim().replace(/[\s().\-\u00a0]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (phone === '') return { ok: false, error: 'Enter your phone number.' };
  if (!/^\+[1-9]\d{6,14}$/.test(phone)) {
    return {
      ok: false,
      error:
        'Enter your phone number in international format, starting with + and the country code (for example +1 555 123 4567).',
    };
  }
  return { ok: true, phone };
}

export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

type Delivery = { kind: 'sent' } | { kind: 'no_order' } | { kind: 'failed'; error: string };

async function deliverSms(controlBaseUrl: string, phone: string, text: string): Promise<Delivery> {
  const url = `${controlBaseUrl.replace(/\/+$/, '')}/control/sms`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'failed', error: `the SMS sandbox at ${controlBaseUrl} is not reachable` };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  const ok =
    typeof payload === 'object' && payload !== null && 'ok' in payload ? payload.ok : undefined;
  // 200 = delivered with a code; 202 = recorded (the sandbox could not extract a code).
  if (response.status >= 200 && response.status < 300 && ok === true) return { kind: 'sent' };
  if (response.status === 404 && ok === false) return { kind: 'no_order' };
  return { kind: 'failed', error: `the SMS sandbox answered HTTP ${response.status}` };
}

function fail(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  reason: string,
  error: string,
): void {
  sendJson(req, res, status, { ok: false, reason, error });
}

async function sendCode(
  req: IncomingMessage,
  res: ServerResponse,
  service: Service,
  controlBaseUrl: string,
  rejects: SiteRejects,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return fail(req, res, body.status, body.reason, body.error);
  const raw = stringField(body.value, 'phone');
  if (raw === undefined) return fail(req, res, 400, 'bad_phone', 'Enter your phone number.');
  const checked = normalizePhone(raw);
  if (!checked.ok) return fail(req, res, 400, 'bad_phone', checked.error);
  const { phone } = checked;
  // A number this site refuses (by its country or itself): no SMS is sent to it.
  const refused = refusal(rejects, phone, isoList(stringField(body.value, 'reject')));
  if (refused) return fail(req, res, 400, 'number_rejected', refused);

  const code = randomCode(service.codeLength);
  const delivery = await deliverSms(controlBaseUrl, phone, service.sms(code));
  if (delivery.kind === 'no_order') {
    return fail(req, res, 400, 'unusable_number', service.unusableNumber);
  }
  if (delivery.kind === 'failed') {
    console.warn(`[demo:${service.key}] SMS to ${phone} not sent: ${delivery.error}`);
    return fail(
      req,
      res,
      502,
      'sms_failed',
      `We couldn't send the SMS right now (${delivery.error}). Try again in a moment.`,
    );
  }

  const key = keyOf(service, phone);
  pending.delete(key); // re-insert so the Map stays in age order
  pending.set(key, { code, expiresAt: Date.now() + CODE_TTL_MS, verified: false });
  while (pending.size > MAX_PENDING) {
    const oldest = pending.keys().next().value;
    if (oldest === undefined) break;
    pending.delete(oldest);
  }
  sendJson(req, res, 200, { ok: true, phone, codeLength: service.codeLength });
}

async function verifyCode(
  req: IncomingMessage,
  res: ServerResponse,
  service: Service,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) return fail(req, res, body.status, body.reason, body.error);
  const checked = normalizePhone(stringField(body.value, 'phone') ?? '');
  if (!checked.ok) return fail(req, res, 400, 'bad_phone', checked.error);
  const code = (stringField(body.value, 'code') ?? '').replace(/[\s\-\u00a0]/g, '');
  if (code === '') return fail(req, res, 400, 'missing_code', 'Enter the code we sent you.');

  const entry = pending.get(keyOf(service, checked.phone));
  if (!entry) {
    return fail(
      req,
      res,
      400,
      'no_code',
      "We haven't sent a code to this number yet. Request a new code.",
    );
  }
  if (!entry.verified && Date.now() > entry.expiresAt) {
    return fail(req, res, 400, 'expired', 'This code has expired. Request a new code.');
  }
  if (code !== entry.code) return fail(req, res, 400, 'wrong_code', WRONG_CODE);
  entry.verified = true;
  sendJson(req, res, 200, { ok: true, verified: true, phone: checked.phone });
}

/** Handle /api/*; answers 404/405 for unknown endpoints and wrong methods. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  service: Service,
  controlBaseUrl: string,
  rejects: SiteRejects,
): Promise<void> {
  const endpoints: Record<string, () => Promise<void>> = {
    '/api/send-code': () => sendCode(req, res, service, controlBaseUrl, rejects),
    '/api/verify': () => verifyCode(req, res, service),
  };
  const endpoint = endpoints[path];
  if (!endpoint) {
    req.resume();
    return fail(req, res, 404, 'not_found', `No such API endpoint: ${path.slice(0, 200)}`);
  }
  if (req.method !== 'POST') {
    req.resume();
    sendJson(
      req,
      res,
      405,
      { ok: false, reason: 'method_not_allowed', error: `Use POST for ${path}.` },
      { allow: 'POST' },
    );
    return;
  }
  await endpoint();
}
