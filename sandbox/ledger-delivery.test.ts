import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl } from './control-client.ts';
import { Ledger, type Order } from './ledger.ts';
import { startSandbox, type Sandbox } from './server.ts';

// An SMS that comes late or never (/control/delivery), per order: the site believes it sent
// the code; the order keeps waiting, and ends refunded when nothing came.
const KEY = 'k1';

function setup() {
  const clock = { t: 1_700_000_000_000 };
  const ledger = new Ledger({
    now: () => clock.t,
    windowSeconds: 1200,
    earlyCancelSeconds: 0,
    seed: 11,
    timers: false,
  });
  ledger.deposit(KEY, 500);
  const buy = (): Readonly<Order> => {
    const r = ledger.order(KEY, { service: 'ds', country: '6', band: 'standard' });
    if (!r.ok) throw new Error(r.reason);
    return r.order;
  };
  return { clock, ledger, buy };
}

describe('SMS delivered late or never', () => {
  it('never: the SMS is taken and dropped; only the planned order is affected', () => {
    const { ledger, buy } = setup();
    ledger.deliveryPlan = [{ kind: 'never' }];
    const silent = buy();
    const normal = buy();
    expect(ledger.deliver(silent.number, 'Your code is 123456', '123456').kind).toBe('held');
    expect(silent).toMatchObject({ state: 'waiting', code: null });
    expect(ledger.deliver(normal.number, 'Your code is 654321', '654321').kind).toBe('delivered');
    // Nothing came: the cancel refunds it in full.
    expect(ledger.cancel(KEY, silent.id).kind).toBe('refunded');
    expect(silent.movements.map((m) => m.type)).toEqual(['hold', 'refund']);
    expect(normal.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.audit(KEY)).toBe(true);
  });

  it('late: the code arrives the given seconds after it was sent, charged then', () => {
    const { clock, ledger, buy } = setup();
    ledger.deliveryPlan = [{ kind: 'late', seconds: 90 }];
    const order = buy();
    expect(ledger.deliver(order.number, 'Your code is 123456', '123456').kind).toBe('held');
    clock.t += 89_000;
    expect(ledger.getOrder(KEY, order.id)).toMatchObject({ state: 'waiting', code: null });
    clock.t += 1_000;
    expect(ledger.getOrder(KEY, order.id)).toMatchObject({ state: 'delivered', code: '123456' });
    expect(order.movements.map((m) => m.type)).toEqual(['hold', 'charge']);
    expect(ledger.audit(KEY)).toBe(true);
  });

  it('late past the window: never comes, the window end refunds', () => {
    const { clock, ledger, buy } = setup();
    ledger.deliveryPlan = [{ kind: 'late', seconds: 1500 }];
    const order = buy();
    ledger.deliver(order.number, 'Your code is 123456', '123456');
    clock.t += 1_600_000;
    expect(ledger.getOrder(KEY, order.id)?.state).toBe('refunded');
    expect(order.code).toBeNull();
  });
});

describe('/control/delivery', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, seed: 3 });
  });
  afterAll(() => sb.close());

  it('plans the next orders; an SMS held back is still "sent" (202) to the demo site', async () => {
    const control = sandboxControl(sb.url);
    await control.createAccount(KEY, 500);
    expect(await control.delivery({ mode: 'never', orders: 2 })).toMatchObject({ planned: 2 });
    expect(await control.delivery({ mode: 'now' })).toMatchObject({ planned: 0 });
    await control.delivery({ mode: 'never' });
    const r = sb.ledger.order(KEY, { service: 'ds', country: '6', band: 'standard' });
    if (!r.ok) throw new Error(r.reason);
    const res = await fetch(`${sb.url}/control/sms`, {
      method: 'POST',
      body: JSON.stringify({ phone: r.order.number, text: 'Your code is 123456' }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ ok: true, held: true, code: null });
    const ledger = await control.ledger(KEY);
    expect(ledger.orders[0]).toMatchObject({ state: 'waiting', code: null });
    await expect(control.delivery({ mode: 'late', seconds: 0 })).rejects.toThrow(/HTTP 400/);
  });
});
