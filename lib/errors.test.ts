import { describe, expect, it } from 'vitest';
import { APP_ERROR_KINDS, AppError, isAppErrorKind, RETRYABLE_KINDS } from './errors.ts';
import { fail } from './background/reply.ts';
import { ProviderError } from './providers/types.ts';

describe('one list of error kinds', () => {
  it('names every kind once; the retryable ones are among them', () => {
    expect(new Set(APP_ERROR_KINDS).size).toBe(APP_ERROR_KINDS.length);
    for (const kind of RETRYABLE_KINDS) expect(isAppErrorKind(kind)).toBe(true);
    expect(isAppErrorKind('Not a site.')).toBe(false);
  });

  it('a provider error is retried exactly when its kind is in the one retryable list', () => {
    expect(new ProviderError('network', 'x').transient).toBe(true);
    expect(new ProviderError('in_progress', 'x').transient).toBe(true);
    expect(new ProviderError('bad_key', 'x').transient).toBe(false);
  });

  it("the extension's own refusals cross to the UI as their kind, not as English text", () => {
    expect(fail(new AppError('not_a_site'))).toEqual({
      ok: false,
      error: { kind: 'not_a_site', message: 'not_a_site' },
    });
    expect(fail(new TypeError('boom'))).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
