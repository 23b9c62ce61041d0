import { describe, expect, it } from 'vitest';
import { BackgroundError } from '../shared/background.ts';
import { retryOffers } from './offers-query.ts';

describe('the popup asks for offers again only when the background did not answer', () => {
  it('a provider failure the background already retried shows at once', () => {
    for (const kind of ['network', 'rate_limited', 'provider_down', 'bad_key'] as const) {
      expect(retryOffers(0, new BackgroundError(kind, 'x', null, null, '5sim'))).toBe(false);
    }
  });

  it('no answer from the background: asked once more, then shown', () => {
    expect(retryOffers(0, new BackgroundError('internal', 'The extension did not answer.'))).toBe(
      true,
    );
    expect(retryOffers(0, new Error('Could not establish connection'))).toBe(true);
    expect(retryOffers(1, new Error('Could not establish connection'))).toBe(false);
  });
});
