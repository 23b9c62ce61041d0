import { describe, expect, it } from 'vitest';
import { createProviderResolver, upsert } from './active.ts';
import type { ProviderSettings } from './registry.ts';

const settings: ProviderSettings[] = [
  { providerId: 'codasms', apiKey: 'coda_live_a', baseUrl: '' },
  { providerId: 'smsactivate', apiKey: 'k', baseUrl: '', hostPreset: 'daisysms' },
  { providerId: 'fivesim', apiKey: '', baseUrl: '' },
  { providerId: 'codasms', apiKey: 'coda_live_b', baseUrl: '' },
];

describe('provider resolver', () => {
  it('without an id gives the default (first) provider; with one, that provider', async () => {
    const resolve = createProviderResolver(async () => settings);
    expect((await resolve())?.name).toBe('CODASMS');
    expect((await resolve('smsactivate'))?.name).toBe('DaisySMS');
    // Set up without a key: not usable, so an order placed with it finds nothing to call.
    expect(await resolve('fivesim')).toBeNull();
  });

  it('lists every usable provider once, the default first', async () => {
    const resolve = createProviderResolver(async () => settings);
    expect((await resolve.all()).map((p) => p.id)).toEqual(['codasms', 'smsactivate']);
    expect(await createProviderResolver(async () => [])()).toBeNull();
  });
});

describe('an order keeps the settings it was placed with', () => {
  function memoryPins() {
    const pins = new Map<string, ProviderSettings>();
    return {
      get: async (id: string) => pins.get(id) ?? null,
      set: async (id: string, s: ProviderSettings) => void pins.set(id, s),
    };
  }
  const withKey = (apiKey: string): ProviderSettings[] => [
    { providerId: 'smsactivate', apiKey, baseUrl: 'https://a.example', hostPreset: 'custom' },
  ];

  it('uses its first key after the user saved another key, or removed the provider', async () => {
    let saved = withKey('old-key');
    const resolve = createProviderResolver(async () => saved, Date.now, memoryPins());
    const placed = await resolve('smsactivate', 'order-1');
    saved = withKey('new-key');
    const later = await resolve('smsactivate', 'order-1');
    // One account, one rate budget: the cache hands out the same budget per key.
    expect(later?.budget).toBe(placed?.budget);
    // A new order takes the new key.
    expect((await resolve('smsactivate', 'order-2'))?.budget).not.toBe(placed?.budget);
    saved = [];
    expect((await resolve('smsactivate', 'order-1'))?.budget).toBe(placed?.budget);
    expect(await resolve('smsactivate', 'order-3')).toBeNull();
  });
});

describe('upsert', () => {
  it('replaces a family in place, keeping the default first, or appends a new one', () => {
    const next = upsert(settings.slice(0, 2), { providerId: 'codasms', apiKey: 'z', baseUrl: '' });
    expect(next.map((s) => s.apiKey)).toEqual(['z', 'k']);
    expect(upsert([], settings[2]!).map((s) => s.providerId)).toEqual(['fivesim']);
  });
});
