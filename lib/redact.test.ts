import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.ts';

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
