import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { providerSettingsItem } from '../../lib/storage.ts';

// SECURITY.md: the key stays on this device, in storage.local, never in storage.sync.
describe('where the API key is kept', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saved provider settings land in local storage and nothing reaches sync storage', async () => {
    const key = 'coda_live_secret_key_123';
    await providerSettingsItem.setValue([{ providerId: 'codasms', apiKey: key, baseUrl: '' }]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain(key);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
