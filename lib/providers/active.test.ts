import { describe, expect, it } from 'vitest';
import { createProviderResolver } from './active.ts';
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
