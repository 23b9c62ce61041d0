/**
 * A Discord order from Indonesia, the one most unit tests start from: its new-order input,
 * the order created from it, and the provider's "placed" reply for it.
 */
import { money } from '../../lib/money.ts';
import { createOrder, type OrderEvent } from '../../lib/orders/machine.ts';
import type { NewOrder, Order } from '../../lib/orders/types.ts';

export function discordInput(overrides: Partial<NewOrder> = {}): NewOrder {
  const id = overrides.id ?? 'o1';
  return {
    id,
    idempotencyKey: `k-${id}`,
    providerId: 'codasms',
    service: { code: 'ds', name: 'Discord' },
    country: { code: '6', name: 'Indonesia', iso: 'ID' },
    tier: 'standard',
    maxPrice: null,
    site: { tabId: 1, origin: 'https://discord.com', domain: 'discord.com' },
    ...overrides,
  };
}

/** The order as created at `at` (state `ordering`). */
export function discordOrder(at: number, overrides: Partial<NewOrder> = {}): Order {
  return createOrder(discordInput(overrides), at);
}

/** The provider placed it: 35 cents held, a 20-minute window, cancel allowed after 2. */
export function placedAt(
  at: number,
  cancelAfterMs = 120_000,
): Extract<OrderEvent, { type: 'placed' }> {
  return {
    type: 'placed',
    placed: {
      id: 'p1',
      phone: '+6281234567890',
      price: money(35),
      tier: 'standard',
      expiresAt: at + 1_200_000,
      cancelAllowedAt: at + cancelAfterMs,
    },
  };
}
