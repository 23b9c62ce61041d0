import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { listenToBackground } from './from-background.ts';

type Listener = (message: unknown, sender?: object) => unknown;

function fakeBrowser() {
  const listeners: Listener[] = [];
  const browser = {
    runtime: {
      id: 'ext',
      onMessage: {
        addListener: (fn: Listener) => void listeners.push(fn),
        removeListener: (fn: Listener) => void listeners.splice(listeners.indexOf(fn), 1),
      },
    },
  } as unknown as Browser;
  return { browser, listeners };
}

const BACKGROUND = { id: 'ext', url: 'chrome-extension://ext/background.js' };

describe('the content script answers the background through one listener', () => {
  const asked: string[] = [];
  const handlers = {
    'bg.poke': () => void asked.push('poke'),
    'bg.phoneStep': async (msg: { orderId: string }) => ({
      step: msg.orderId === 'o1' ? ('phone' as const) : ('unknown' as const),
    }),
  };

  it('dispatches by message type; a poke gets no answer', async () => {
    const fake = fakeBrowser();
    listenToBackground(fake.browser, new AbortController().signal, handlers);
    expect(fake.listeners).toHaveLength(1);
    const [listen] = fake.listeners;
    expect(await listen?.({ type: 'bg.phoneStep', orderId: 'o1' }, BACKGROUND)).toEqual({
      step: 'phone',
    });
    expect(listen?.({ type: 'bg.poke' }, BACKGROUND)).toBeUndefined();
    expect(asked).toEqual(['poke']);
  });

  it('drops a malformed message, one without a handler here, and one from anyone else', () => {
    const fake = fakeBrowser();
    listenToBackground(fake.browser, new AbortController().signal, handlers);
    const [listen] = fake.listeners;
    asked.length = 0;
    expect(listen?.({ type: 'bg.phoneStep', orderId: '' }, BACKGROUND)).toBeUndefined();
    expect(listen?.({ type: 'bg.readCountries' }, BACKGROUND)).toBeUndefined();
    expect(listen?.({ type: 'bg.poke' }, { id: 'another-extension' })).toBeUndefined();
    // Another tab's script of ours: never the background.
    expect(listen?.({ type: 'bg.poke' }, { id: 'ext', tab: { id: 3 } })).toBeUndefined();
    expect(listen?.({ type: 'bg.poke' })).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('stops listening when a newer script takes over', () => {
    const fake = fakeBrowser();
    const abort = new AbortController();
    listenToBackground(fake.browser, abort.signal, handlers);
    abort.abort();
    expect(fake.listeners).toHaveLength(0);
  });
});
