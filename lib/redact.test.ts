import { describe, expect, it, vi } from 'vitest';
import { redactSecrets, warn } from './redact.ts';

describe('redactSecrets', () => {
  it('hides an SMS-Activate api_key in a URL', () => {
    const msg =
      'Could not reach https://hero-sms.com/stubs/handler_api.php?api_key=AbC123xyz&action=getBalance';
    const out = redactSecrets(msg);
    expect(out).not.toContain('AbC123xyz');
    expect(out).toContain('action=getBalance');
  });

  it('hides bearer tokens, CODASMS keys and any key it is told about', () => {
    expect(redactSecrets('Authorization: Bearer eyJ.abc-123')).not.toContain('eyJ.abc-123');
    expect(redactSecrets('key coda_live_9f8e7d6c5b')).not.toContain('9f8e7d6c5b');
    expect(redactSecrets('token 5sim-XYZ-123456 failed', ['5sim-XYZ-123456'])).toBe(
      'token [redacted] failed',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('No numbers for Discord in Indonesia')).toBe(
      'No numbers for Discord in Indonesia',
    );
  });
});

describe('warn', () => {
  it('logs an error without the key it carries', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warn(
      'poll failed',
      new Error('GET https://h.example/stubs/handler_api.php?api_key=SeCrEt99&action=getStatus'),
    );
    const logged = spy.mock.calls.flat().join(' ');
    spy.mockRestore();
    expect(logged).toContain('poll failed');
    expect(logged).not.toContain('SeCrEt99');
  });
});
