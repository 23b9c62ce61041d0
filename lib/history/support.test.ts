import { discordOrder } from '../../tests/support/orders.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { useMessages } from '../../tests/support/messages.ts';
import { setMessages } from '../i18n.ts';
import { money } from '../money.ts';
import { transition } from '../orders/machine.ts';
import { REFUND_CONFIRM_MS } from '../orders/refund.ts';
import { supportFacts } from './support.ts';

const T0 = Date.UTC(2026, 11, 5, 7, 30, 0);
afterEach(() => setMessages('en', null));

describe('the block for the provider’s support', () => {
  it('holds the provider, its order id, number, service, site, times and every reply', async () => {
    await useMessages('en');
    let order = discordOrder(T0, { idempotencyKey: 'secret-idem' });
    const placed = {
      id: '1000123',
      phone: '+6281234567890',
      price: money(27),
      tier: 'standard' as const,
      expiresAt: T0 + 1_200_000,
      cancelAllowedAt: T0,
    };
    const steps: [Parameters<typeof transition>[1], number][] = [
      [{ type: 'placed', placed }, T0],
      [{ type: 'cancel', reason: 'user' }, T0 + 60_000],
      [{ type: 'status', status: { kind: 'cancelled' }, via: 'cancel' }, T0 + 61_000],
      [{ type: 'status', status: { kind: 'cancelled' } }, T0 + 66_000],
      [{ type: 'status', status: { kind: 'cancelled' } }, T0 + 76_000],
      [{ type: 'tick' }, T0 + 61_000 + REFUND_CONFIRM_MS],
    ];
    for (const [e, at] of steps) order = transition(order, e, at).order;
    const block = supportFacts(order);
    expect(block).toContain('CODASMS');
    expect(block).toContain('1000123');
    expect(block).toContain('+6281234567890');
    expect(block).toContain('Discord (ds)');
    expect(block).toContain('discord.com');
    expect(block).toContain('$0.27');
    expect(block).toContain('2026-12-05T07:30:00Z  placed');
    expect(block).toContain('2026-12-05T07:31:01Z  cancelled (');
    expect(block).toContain('2026-12-05T07:31:06Z – 2026-12-05T07:31:16Z  cancelled ×2');
    expect(block).toContain('2026-12-05T07:36:01Z');
    expect(block).not.toContain('secret-idem');
    await useMessages('ru');
    expect(supportFacts(order)).toContain('Номер заказа у провайдера: 1000123');
  });
});
