import { describe, expect, it } from 'vitest';
import { providerName } from '../catalog.ts';
import { customHostName, smsActivateHost } from './hosts.ts';

describe('how an SMS-Activate-protocol host is named', () => {
  it('a custom host by its host name, without "api." or "www." and never by its full address', () => {
    expect(customHostName('https://api.sms.example.com/stubs/handler_api.php')).toBe(
      'sms.example.com',
    );
    expect(customHostName('https://www.smsfoo.net')).toBe('smsfoo.net');
    // A bare two-label name keeps its "api." (nothing readable would be left).
    expect(customHostName('https://api.example')).toBe('api.example');
    expect(customHostName('http://127.0.0.1:8787')).toBe('127.0.0.1');
    expect(customHostName('not an address')).toBeNull();
    expect(smsActivateHost('custom', 'not an address').name).toBe('SMS-Activate-compatible host');
  });

  it('the name the user gave it wins; presets keep their brand names', () => {
    expect(smsActivateHost('custom', 'https://api.sms.example.com', ' My SMS ').name).toBe(
      'My SMS',
    );
    expect(smsActivateHost('custom', 'https://api.sms.example.com', '  ').name).toBe(
      'sms.example.com',
    );
    expect(smsActivateHost('herosms', 'https://mirror.example', 'ignored').name).toBe('HeroSMS');
    const settings = { providerId: 'smsactivate' as const, apiKey: 'k', hostPreset: 'custom' };
    expect(providerName({ ...settings, baseUrl: 'https://sms.example.com', name: 'Cheap' })).toBe(
      'Cheap',
    );
    expect(providerName({ ...settings, baseUrl: 'https://sms.example.com' })).toBe(
      'sms.example.com',
    );
  });
});
