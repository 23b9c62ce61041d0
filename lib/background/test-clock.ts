import { storage } from 'wxt/utils/storage';

/**
 * The worker's clock. A test cannot fake time inside an MV3 service worker (Playwright's
 * clock reaches pages only), so a TEST build reads an offset from storage and adds it to
 * Date.now(); a production build never looks at it.
 */
export const testClockOffsetItem = storage.defineItem<number>('local:testClockOffsetMs', {
  fallback: 0,
});

export interface WorkerClock {
  now(): number;
  /** Resolves once the offset is known: start-up work waits for it. */
  ready: Promise<void>;
}

export function createWorkerClock(
  mode: string = import.meta.env.MODE,
  item = testClockOffsetItem,
): WorkerClock {
  if (mode !== 'test') return { now: Date.now, ready: Promise.resolve() };
  let offset = 0;
  const set = (v: number | null) => {
    offset = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  item.watch(set);
  return {
    now: () => Date.now() + offset,
    ready: item.getValue().then(set, () => undefined),
  };
}
