import { describe, expect, it } from 'vitest';
import { topUpUrl } from './top-up.ts';

describe('topUpUrl', () => {
  it('is the provider site behind the API address', () => {
    expect(topUpUrl({ providerId: 'codasms', apiKey: 'k', baseUrl: '' })).toBe(
      'https://codasms.com',
    );
    expect(topUpUrl({ providerId: 'fivesim', apiKey: 'k', baseUrl: '' })).toBe('https://5sim.net');
    expect(
      topUpUrl({ providerId: 'smsactivate', apiKey: 'k', baseUrl: '', hostPreset: 'grizzlysms' }),
    ).toBe('https://grizzlysms.com');
    expect(
      topUpUrl({ providerId: 'smsactivate', apiKey: 'k', baseUrl: '', hostPreset: 'herosms' }),
    ).toBe('https://hero-sms.com');
  });

  it('follows a custom address (a sandbox or mirror), keeping its port', () => {
    expect(
      topUpUrl({ providerId: 'codasms', apiKey: 'k', baseUrl: 'http://127.0.0.1:8787/v1' }),
    ).toBe('http://127.0.0.1:8787');
  });

  it('is null for an address that is not a web address', () => {
    expect(topUpUrl({ providerId: 'codasms', apiKey: 'k', baseUrl: 'not a url' })).toBeNull();
    expect(topUpUrl({ providerId: 'codasms', apiKey: 'k', baseUrl: 'ftp://x.example' })).toBeNull();
  });
});
