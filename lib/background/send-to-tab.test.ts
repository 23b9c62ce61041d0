import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { sendToTab } from './send-to-tab.ts';

const tabAnswering = (answer: unknown) => {
  const sent: unknown[] = [];
  const browser = {
    tabs: {
      sendMessage: async (...args: unknown[]) => {
        sent.push(args);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
  } as unknown as Browser;
  return { browser, sent };
};

describe('a message to a tab’s content script', () => {
  const ask = { type: 'bg.phoneStep', orderId: 'o1' } as const;

  it('goes to the top frame and resolves to the reply the map names', async () => {
    const tab = tabAnswering({ step: 'phone' });
    expect(await sendToTab(tab.browser, 5, ask)).toEqual({ step: 'phone' });
    expect(tab.sent).toEqual([[5, ask, { frameId: 0 }]]);
  });

  it('an answer out of shape is no answer', async () => {
    expect(await sendToTab(tabAnswering({ step: 'elsewhere' }).browser, 5, ask)).toBeUndefined();
    expect(await sendToTab(tabAnswering('phone').browser, 5, ask)).toBeUndefined();
  });

  it('no script in the page: rejects, so the caller injects it', async () => {
    const none = tabAnswering(new Error('Receiving end does not exist.'));
    await expect(sendToTab(none.browser, 5, { type: 'bg.poke' })).rejects.toThrow();
  });
});
