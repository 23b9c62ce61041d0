import { describe, expect, it } from 'vitest';
import { draftFor, originPattern, toSettings } from '@/components/options/provider-form.ts';
import { CODASMS_DEFAULT_BASE_URL, FIVESIM_DEFAULT_BASE_URL } from '@/lib/providers/catalog.ts';
import { SMS_ACTIVATE_HOSTS, smsActivateHost } from '@/lib/providers/sms-activate/hosts.ts';

// The options page asks the browser for the provider's origin when a provider is saved
// (OptionsApp allowOrigin). The origin asked must be the one the client then calls, or the
// first request fails for lack of access.

const hostOf = (pattern: string) => new URL(pattern.replace('/*', '/')).hostname;

describe('provider origins asked when a provider is saved', () => {
  it('CODASMS and 5sim: the public API host, or the address typed in', () => {
    expect(originPattern(draftFor('codasms', []))).toBe(
      `https://${new URL(CODASMS_DEFAULT_BASE_URL).hostname}/*`,
    );
    expect(originPattern(draftFor('fivesim', []))).toBe(
      `https://${new URL(FIVESIM_DEFAULT_BASE_URL).hostname}/*`,
    );
    const custom = { ...draftFor('codasms', []), baseUrl: 'http://127.0.0.1:8787/' };
    // No port in a match pattern: it covers every port of that host.
    expect(originPattern(custom)).toBe('http://127.0.0.1/*');
  });

  it('each SMS-Activate preset: the host its client calls', () => {
    for (const preset of SMS_ACTIVATE_HOSTS) {
      const draft = { ...draftFor('smsactivate', []), hostPreset: preset.id, apiKey: 'k' };
      const settings = toSettings(draft, 0);
      const called = smsActivateHost(settings.hostPreset, settings.baseUrl).baseUrl;
      expect(hostOf(originPattern(draft)), preset.id).toBe(new URL(called).hostname);
    }
  });

  it('a custom SMS-Activate address: its own host, whatever path was pasted', () => {
    const draft = {
      ...draftFor('smsactivate', []),
      hostPreset: 'custom',
      baseUrl: 'https://sms.example.net/stubs/handler_api.php?api_key=x',
    };
    expect(originPattern(draft)).toBe('https://sms.example.net/*');
  });
});
