import { describe, expect, it } from 'vitest';
import { createRateBudget } from '../providers/rate-budget.ts';
import { ProviderError } from '../providers/types.ts';
import { createOffersProgress } from './offers-progress.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the offers requests the popup still waits for', () => {
  it('lists each provider with a request open for the service, since its oldest one', async () => {
    const clock = { t: 1_000 };
    const progress = createOffersProgress(() => clock.t);
    const coda = { name: 'CODASMS' };
    const fivesim = { name: '5sim' };
    const offers = deferred<number>();
    const balance = deferred<number>();
    const slow = deferred<number>();
    const tracked = progress.track('ds', coda, offers.promise);
    clock.t = 2_000;
    const trackedBalance = progress.tracker('ds')(coda, balance.promise);
    const trackedSlow = progress.track('ds', fivesim, slow.promise);
    expect(progress.waitingFor('ds')).toEqual([
      { provider: 'CODASMS', since: 1_000, limitedUntil: null },
      { provider: '5sim', since: 2_000, limitedUntil: null },
    ]);
    expect(progress.waitingFor('tg')).toEqual([]);

    offers.resolve(1);
    balance.resolve(2);
    expect([await tracked, await trackedBalance]).toEqual([1, 2]);
    expect(progress.waitingFor('ds').map((w) => w.provider)).toEqual(['5sim']);

    // A failure is named after its provider for the popup's words.
    slow.reject(new ProviderError('network', 'timed out'));
    await expect(trackedSlow).rejects.toMatchObject({ kind: 'network', provider: '5sim' });
    expect(progress.waitingFor('ds')).toEqual([]);
  });

  it('says until when a provider limits requests (its budget paused by a 429)', () => {
    const clock = { t: 10_000 };
    const budget = createRateBudget({ perMinute: 60, now: () => clock.t });
    const progress = createOffersProgress(() => clock.t);
    void progress.track('ds', { name: 'HeroSMS', budget }, new Promise(() => undefined));
    expect(progress.waitingFor('ds')[0]?.limitedUntil).toBeNull();
    budget.pause(30_000);
    expect(progress.waitingFor('ds')[0]?.limitedUntil).toBe(40_000);
    clock.t = 40_000;
    expect(progress.waitingFor('ds')[0]?.limitedUntil).toBeNull();
  });
});
