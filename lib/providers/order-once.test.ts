import { describe, expect, it } from 'vitest';
import { createOrderMemo, orderOnce, type OrderOnceOps } from './order-once.ts';
import { providerError } from '../../tests/support/providers/contract.ts';
import { ProviderError } from './types.ts';

// The purchase guard on its own: a fake host whose ledger is a list of sold ids and a balance.

function host(opts: { listing: boolean; startCents?: number }) {
  const sold: string[] = [];
  let balance = opts.startCents ?? 1000;
  const calls: string[] = [];
  // Listing and balance failures count only once a purchase was tried (after the note).
  const failures = {
    buyReplyLost: 0,
    buyBeforeSale: 0,
    balance: 0,
    listing: 0,
    listingFirst: 0,
    adopt: 0,
  };
  const bought = () => calls.includes('buy');
  const ops = (key: string): OrderOnceOps<{ id: string }> => ({
    memo,
    idempotencyKey: key,
    name: 'HostX',
    sleep: async () => undefined,
    async listOpen() {
      calls.push('list');
      if (!opts.listing) return null;
      const failing = bought() ? failures.listing > 0 : failures.listingFirst > 0;
      if (failing) {
        if (bought()) failures.listing--;
        else failures.listingFirst--;
        throw new ProviderError('provider_down', 'HTTP 502');
      }
      return sold.map((id) => ({ id, matches: true }));
    },
    async balance() {
      calls.push('balance');
      if (failures.balance > 0 && failures.balance--) throw new ProviderError('network', 'reset');
      return balance;
    },
    async buy() {
      calls.push('buy');
      if (failures.buyBeforeSale > 0 && failures.buyBeforeSale--)
        throw new ProviderError('provider_down', 'HTTP 502 before the sale');
      const id = `n${sold.length + 1}`;
      sold.push(id);
      balance -= 100;
      if (failures.buyReplyLost > 0 && failures.buyReplyLost--)
        throw new ProviderError('network', 'socket hang up');
      return { id };
    },
    async adopt(id) {
      if (failures.adopt > 0 && failures.adopt--) throw new ProviderError('network', 'reset');
      return { id };
    },
  });
  const memo = createOrderMemo();
  return { sold, calls, failures, ops, refund: (c: number) => (balance += c) };
}

describe('order once without a listing: the balance guards the purchase', () => {
  it('a sale whose reply was lost is never bought again, in words', async () => {
    const h = host({ listing: false });
    h.failures.buyReplyLost = 1;
    const e = await providerError(orderOnce(h.ops('k1')));
    expect(h.sold).toEqual(['n1']);
    expect(e.kind).toBe('unavailable');
    expect(e.transient).toBe(false);
    expect(e.message).toMatch(/HostX took the price .* not bought again/);
    // The retry the engine may make with the same key buys nothing either.
    expect(h.calls.filter((c) => c === 'buy')).toHaveLength(1);
  });

  it('a failure before the sale (balance unchanged) is bought once on the retry', async () => {
    const h = host({ listing: false });
    h.failures.buyBeforeSale = 1;
    expect(await orderOnce(h.ops('k2'))).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('when the balance cannot be read after a lost reply, the next try with the key checks first', async () => {
    const h = host({ listing: false });
    h.failures.buyReplyLost = 1;
    h.failures.balance = 3;
    const e = await providerError(orderOnce(h.ops('k3')));
    expect(e.transient).toBe(true);
    const again = await providerError(orderOnce(h.ops('k3')));
    expect(again.kind).toBe('unavailable');
    expect(h.sold).toEqual(['n1']);
  });
});

describe('order once with a listing', () => {
  it('a listing that fails before buying does not stop the order: the balance stands in', async () => {
    const h = host({ listing: true });
    h.failures.listingFirst = 3;
    expect(await orderOnce(h.ops('k4'))).toEqual({ id: 'n1' });
    expect(h.calls.slice(0, 4)).toEqual(['list', 'list', 'list', 'balance']);
  });

  it('a lost reply is found in the listing even after several failed listings', async () => {
    const h = host({ listing: true });
    h.failures.buyReplyLost = 1;
    h.failures.listing = 4;
    expect(await orderOnce(h.ops('k5'))).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('adopting the found order fails for a while: the next try adopts it, never buys again', async () => {
    // The soak's orphan: the note was dropped before adopting, so the retry counted the order
    // as old and bought a second number.
    const h = host({ listing: true });
    h.failures.buyReplyLost = 1;
    h.failures.adopt = 3;
    expect((await providerError(orderOnce(h.ops('k6')))).transient).toBe(true);
    expect(await orderOnce(h.ops('k6'))).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('the listing failed before buying and the reply was lost: the balance shows the sale, the listing finds it', async () => {
    const h = host({ listing: true });
    h.failures.listingFirst = 3;
    h.failures.buyReplyLost = 1;
    expect(await orderOnce(h.ops('k7'))).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('the listing failed before buying, the reply was lost and refunds raised the balance: the listing finds the sale, nothing is bought again', async () => {
    // The soak's last orphan: other orders of the key were refunded while the lost sale was
    // checked, so the balance rose (+143 ¢ over a 53 ¢ sale) and a second number was bought.
    const h = host({ listing: true });
    h.failures.listingFirst = 3;
    h.failures.buyReplyLost = 1;
    const ops = h.ops('k8');
    const buy = ops.buy;
    ops.buy = async () => {
      try {
        return await buy();
      } finally {
        h.refund(150);
      }
    };
    expect(await orderOnce(ops)).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('the same, but the listing still fails after the lost reply: no second purchase until it answers', async () => {
    const h = host({ listing: true });
    h.failures.listingFirst = 3;
    h.failures.buyReplyLost = 1;
    h.failures.listing = 6;
    const ops = h.ops('k9');
    const buy = ops.buy;
    ops.buy = async () => {
      try {
        return await buy();
      } finally {
        h.refund(150);
      }
    };
    expect((await providerError(orderOnce(ops))).transient).toBe(true);
    expect(h.sold).toEqual(['n1']);
    // The engine's next try with the key: the listing answers and the sale is adopted.
    expect(await orderOnce(ops)).toEqual({ id: 'n1' });
    expect(h.sold).toEqual(['n1']);
  });

  it('an open order the records already hold is never taken for this purchase (a fresh memo after a restart)', async () => {
    const h = host({ listing: true });
    await orderOnce(h.ops('k10'));
    // A restart: the memo is new, the record of n1 is not. The listing fails before buying and
    // the buy fails before any sale: n1 is open and unclaimed in this memo, yet not ours.
    const restarted = { ...h.ops('k11'), memo: createOrderMemo(), held: ['n1'] };
    h.failures.listing = 3;
    h.failures.buyBeforeSale = 1;
    expect(await orderOnce(restarted)).toEqual({ id: 'n2' });
    // And a lost sale beside a held order is found, not mistaken for two candidates.
    const again = { ...h.ops('k12'), memo: createOrderMemo(), held: ['n1', 'n2'] };
    h.failures.listing = 3;
    h.failures.buyReplyLost = 1;
    expect(await orderOnce(again)).toEqual({ id: 'n3' });
    expect(h.sold).toEqual(['n1', 'n2', 'n3']);
  });
});
