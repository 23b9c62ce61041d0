import type { ProviderPins } from '../providers/active.ts';
import type { ProviderSettings } from '../providers/registry.ts';
import { OPEN_STATES, type Order } from '../orders/types.ts';

export interface PinStore {
  getValue(): Promise<Record<string, ProviderSettings>>;
  setValue(value: Record<string, ProviderSettings>): Promise<void>;
}

/**
 * Keeps the settings each order was placed with. A pin outlives its settings in the options
 * (edited, removed) and goes when its order has ended; an order not stored yet (being
 * created) keeps its pin.
 */
export function createProviderPins(store: PinStore, orders: () => Promise<Order[]>): ProviderPins {
  return {
    async get(orderId) {
      return (await store.getValue())[orderId] ?? null;
    },
    async set(orderId, settings) {
      const [pins, all] = await Promise.all([store.getValue(), orders()]);
      const ended = new Set(all.filter((o) => !OPEN_STATES.has(o.state)).map((o) => o.id));
      const kept = Object.entries(pins).filter(([id]) => id !== orderId && !ended.has(id));
      await store.setValue({ ...Object.fromEntries(kept), [orderId]: settings });
    },
  };
}
