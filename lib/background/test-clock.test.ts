import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWorkerClock, testClockOffsetItem } from './test-clock.ts';

describe('the worker clock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a test build adds the stored offset, and follows changes to it', async () => {
    await testClockOffsetItem.setValue(3_600_000);
    const clock = createWorkerClock('test');
    await clock.ready;
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(3_599_000);
    await testClockOffsetItem.setValue(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
  });

  it('a production build never reads it', async () => {
    await testClockOffsetItem.setValue(3_600_000);
    const clock = createWorkerClock('production');
    await clock.ready;
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
  });
});
