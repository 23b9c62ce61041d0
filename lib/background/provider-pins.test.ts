import { describe, expect, it } from 'vitest';
import type { Order } from '../orders/types.ts';
import type { ProviderSettings } from '../providers/registry.ts';
import { createProviderPins } from './provider-pins.ts';

const settings = (apiKey: string): ProviderSettings => ({
  providerId: 'codasms',
  apiKey,
  baseUrl: '',
});

describe('provider pins', () => {
  it('keep an open order’s settings and drop those of ended orders on the next pin', async () => {
    let stored: Record<string, ProviderSettings> = {};
    const store = {
      getValue: async () => stored,
      setValue: async (v: Record<string, ProviderSettings>) => void (stored = v),
    };
    const orders: Pick<Order, 'id' | 'state'>[] = [
      { id: 'a', state: 'waiting' },
      { id: 'b', state: 'refunded' },
    ];
    const pins = createProviderPins(store, async () => orders as Order[]);
    await pins.set('a', settings('key-a'));
    await pins.set('b', settings('key-b'));
    expect((await pins.get('a'))?.apiKey).toBe('key-a');
    // Not stored yet (being created): kept.
    await pins.set('c', settings('key-c'));
    expect(Object.keys(stored).sort()).toEqual(['a', 'c']);
    expect(await pins.get('b')).toBeNull();
  });
});
