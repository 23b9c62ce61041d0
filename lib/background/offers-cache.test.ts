import { describe, expect, it } from 'vitest';
import { createOffersCache } from './offers-cache.ts';

describe('offers cache', () => {
  it('answers from memory within its time, asks again after it or after clear()', async () => {
    let t = 0;
    let loads = 0;
    const cache = createOffersCache<number>(30_000, () => t);
    const load = async () => ++loads;
    expect(await cache.get('ds', load)).toBe(1);
    t = 29_000;
    expect(await cache.get('ds', load)).toBe(1);
    t = 31_000;
    expect(await cache.get('ds', load)).toBe(2);
    cache.clear();
    expect(await cache.get('ds', load)).toBe(3);
    expect(await cache.get('tg', load)).toBe(4);
  });

  it('forgets one service and keeps the others', async () => {
    let loads = 0;
    const cache = createOffersCache<number>(30_000, () => 0);
    const load = async () => ++loads;
    await cache.get('ds', load);
    await cache.get('tg', load);
    cache.forget('ds');
    expect(await cache.get('tg', load)).toBe(2);
    expect(await cache.get('ds', load)).toBe(3);
    expect(cache.peekLast('ds', 60_000)?.value).toBe(3);
  });

  it('does not remember a failure', async () => {
    const cache = createOffersCache<number>(30_000, () => 0);
    await expect(cache.get('ds', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('ds', async () => 7)).toBe(7);
  });

  it('peeks at a fresh, loaded answer only, without loading', async () => {
    let t = 0;
    const cache = createOffersCache<number>(30_000, () => t);
    expect(cache.peek('ds')).toBeNull();
    let resolve = (_: number) => {};
    const pending = cache.get('ds', () => new Promise<number>((r) => (resolve = r)));
    expect(cache.peek('ds')).toBeNull();
    t = 1_000;
    resolve(5);
    await pending;
    expect(cache.peek('ds')).toEqual({ at: 0, value: 5 });
    t = 30_000;
    expect(cache.peek('ds')).toBeNull();
    cache.clear();
    expect(cache.peek('tg')).toBeNull();
  });

  it('keeps the last answer through clear() and a failed load, for a while', async () => {
    let t = 0;
    const cache = createOffersCache<number>(30_000, () => t);
    await cache.get('ds', async () => 5);
    cache.clear();
    t = 60_000;
    await expect(cache.get('ds', () => Promise.reject(new Error('429')))).rejects.toThrow();
    expect(cache.peek('ds')).toBeNull();
    expect(cache.peekLast('ds', 10 * 60_000)).toEqual({ at: 0, value: 5 });
    t = 10 * 60_000;
    expect(cache.peekLast('ds', 10 * 60_000)).toBeNull();
  });
});
