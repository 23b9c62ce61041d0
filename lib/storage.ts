import { storage } from 'wxt/utils/storage';
import type { Order } from './orders/types.ts';
import type { OrderStore } from './orders/engine.ts';
import type { ProviderSettings } from './providers/registry.ts';
import type { Tier } from './providers/types.ts';

// Every storage item, declared once. The API key lives in `local:` only: never sync, never a
// page, never a log.

export const ordersItem = storage.defineItem<Record<string, Order>>('local:orders', {
  fallback: {},
  version: 1,
});

/**
 * The providers the user set up, the default (first) one first. Version 1 held one CODASMS
 * setting or null; several providers may be configured since version 2.
 */
export const providerSettingsItem = storage.defineItem<ProviderSettings[]>(
  'local:providerSettings',
  {
    fallback: [],
    version: 2,
    migrations: {
      2: (old: ProviderSettings | null): ProviderSettings[] => (old ? [old] : []),
    },
  },
);

export interface Preferences {
  /** Last country ordered, shown first. */
  lastCountry: string | null;
  tier: Tier;
}

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { lastCountry: null, tier: 'standard' },
  version: 1,
});

/** Orders live in one record; the engine serialises writes, so read-modify-write is safe. */
export function createOrderStore(item = ordersItem): OrderStore {
  return {
    async all() {
      return Object.values(await item.getValue());
    },
    async get(id) {
      return (await item.getValue())[id] ?? null;
    },
    async put(order) {
      const all = await item.getValue();
      await item.setValue({ ...all, [order.id]: order });
    },
  };
}
