import { HeroSMSClient } from 'hero-sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl } from '../../../sandbox/control-client.ts';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';

// A published client of the protocol (npm hero-sms, MIT) against the sandbox: proof that the
// sandbox speaks the real protocol, not only the one our adapter expects.

const clock = { t: 1_800_000_000_000 };
const now = () => clock.t;
let hero: Sandbox;
let classic: Sandbox;
let keys = 0;

beforeAll(async () => {
  hero = await startSandbox({ port: 0, now, seed: 21, dialect: 'herosms' });
  classic = await startSandbox({ port: 0, now, seed: 22, dialect: 'classic' });
});
afterAll(async () => {
  await hero.close();
  await classic.close();
});

async function client(on: Sandbox, cents = 1000) {
  const apiKey = `compat_${++keys}`;
  await sandboxControl(on.url).createAccount(apiKey, cents);
  return new HeroSMSClient({ apiKey, baseUrl: `${on.url}/stubs/handler_api.php` });
}

/** What an HTTP error carried (hero-sms leaves non-2xx replies to axios, which throws). */
async function httpError(p: Promise<unknown>): Promise<{ status?: number; data?: unknown }> {
  try {
    await p;
  } catch (e) {
    const response = (e as { response?: { status?: number; data?: unknown } }).response;
    return { status: response?.status, data: response?.data };
  }
  throw new Error('expected the request to fail');
}

describe('npm hero-sms against the sandbox (herosms dialect)', () => {
  it('balance, a number, ready, waiting, the code with its text, the listing, complete', async () => {
    const c = await client(hero);
    expect(await c.getBalance()).toBe(10);
    const v2 = await c.getNumberV2({ service: 'ds', country: 6 });
    expect(v2).toMatchObject({
      activationId: expect.any(String),
      phoneNumber: expect.stringMatching(/^62\d+$/),
      activationCost: expect.any(Number),
      countryCode: 6,
    });
    expect(await c.getBalance()).toBeCloseTo(10 - v2.activationCost, 2);
    // Its V2 types the id as a string, its other calls take a number: as a user of it would.
    const id = Number(v2.activationId);
    expect(await c.markReady(id)).toBe('ACCESS_READY');
    expect(await c.getStatus(id)).toEqual({ status: 'STATUS_WAIT_CODE' });

    await sandboxControl(hero.url).sms(`+${v2.phoneNumber}`, 'Your Discord code is 271828');
    expect(await c.getStatus(id)).toEqual({ status: 'STATUS_OK', code: '271828' });
    expect((await c.getStatusV2(id)).sms).toMatchObject({
      code: '271828',
      text: 'Your Discord code is 271828',
    });
    const listed = await c.getActiveActivations();
    expect(listed.data.map((a) => a.activationId)).toEqual([v2.activationId]);
    expect(await c.complete(id)).toBe('ACCESS_ACTIVATION');
  });

  it('errors come as its JSON envelopes with their HTTP status', async () => {
    const broke = await client(hero, 0);
    expect(await httpError(broke.getNumberV2({ service: 'ds', country: 6 }))).toEqual({
      status: 402,
      data: { title: 'NO_BALANCE', details: 'Insufficient balance' },
    });
    const c = await client(hero);
    const { activationId } = await c.getNumberV2({ service: 'ds', country: 6 });
    expect(await httpError(c.cancel(Number(activationId)))).toMatchObject({
      status: 409,
      data: { title: 'EARLY_CANCEL_DENIED' },
    });
    expect(await httpError(c.getStatus(999))).toMatchObject({
      status: 404,
      data: { title: 'NO_ACTIVATION' },
    });
  });

  it('reference lists in the shapes its types describe', async () => {
    const c = await client(hero);
    const prices = await c.getPrices({ service: 'ds', country: 6 });
    expect(prices['6']?.ds).toMatchObject({ cost: expect.any(Number), count: expect.any(Number) });
    expect((await c.getCountries())['6']).toMatchObject({ id: 6, eng: 'Indonesia' });
    const services = await c.getServicesList();
    expect(services.status).toBe('success');
    expect(services.services).toContainEqual({ code: 'ds', name: 'Discord' });
  });
});

describe('npm hero-sms against the classic dialect', () => {
  it('the legacy number, a refused early cancel, then a cancel with the money back', async () => {
    const c = await client(classic);
    const { activationId, phoneNumber } = await c.getNumber({ service: 'tg', country: 6 });
    expect(phoneNumber).toMatch(/^62\d+$/);
    await expect(c.cancel(activationId)).rejects.toMatchObject({
      code: 'EARLY_CANCEL_DENIED',
    });
    clock.t += 121_000;
    expect(await c.cancel(activationId)).toBe('ACCESS_CANCEL');
    expect(await c.getStatus(activationId)).toEqual({ status: 'STATUS_CANCEL' });
    expect(await c.getBalance()).toBe(10);
    await expect(c.getStatus(999)).rejects.toMatchObject({ code: 'NO_ACTIVATION' });
  });
});
