// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { startFillAgent } from './agent.ts';

type Listener = (message: unknown) => unknown;

/** The page side's browser: messages it sends, and the background's messages to it. */
function fakeBrowser() {
  let listener: Listener | null = null;
  const sent: { type: string; countries?: unknown }[] = [];
  const browser = {
    runtime: {
      sendMessage: async (m: { type: string }) => {
        sent.push(m);
        // No order for this tab.
        return m.type === 'content.hello'
          ? { orderId: null, phone: null, code: null, fillPhone: false, fillCode: false }
          : true;
      },
      onMessage: {
        addListener: (fn: Listener) => void (listener = fn),
        removeListener: () => void (listener = null),
      },
    },
  } as unknown as Browser;
  return { browser, sent, receive: (m: unknown) => listener?.(m) };
}

const settle = () => new Promise((r) => setTimeout(r, 10));
let abort = new AbortController();
afterEach(() => {
  abort.abort();
  document.body.innerHTML = '';
});

describe('the fill script reports the page’s country selector', () => {
  it('on start, and again only as a reading when the background asks for one', async () => {
    document.body.innerHTML = `<label for="cc">Country code</label>
<select id="cc" autocomplete="tel-country-code"><option value="">Select</option>
<option value="+44">United Kingdom (+44)</option><option value="+49">Germany (+49)</option></select>
<label for="tel">Phone number</label><input id="tel" type="tel" autocomplete="tel-national">`;
    abort = new AbortController();
    const fake = fakeBrowser();
    startFillAgent({ browser: fake.browser, signal: abort.signal });
    await settle();
    expect(fake.sent).toEqual([
      { type: 'content.siteCountries', countries: ['DE', 'GB'] },
      { type: 'content.hello' },
    ]);

    // The page changed its list; the popup asks again: a reading, no check-in for an order.
    document.querySelector('option[value="+49"]')?.remove();
    fake.receive({ type: 'bg.readCountries' });
    await settle();
    expect(fake.sent.slice(2)).toEqual([{ type: 'content.siteCountries', countries: ['GB'] }]);

    // Anything but the background's two messages is ignored.
    fake.receive({ type: 'content.siteCountries', countries: ['FR'] });
    fake.receive({ type: 'bg.read' });
    await settle();
    expect(fake.sent).toHaveLength(3);
  });

  it('sends null for a page without a selector', async () => {
    document.body.innerHTML = `<label for="tel">Phone</label><input id="tel" type="tel">`;
    abort = new AbortController();
    const fake = fakeBrowser();
    startFillAgent({ browser: fake.browser, signal: abort.signal });
    await settle();
    expect(fake.sent[0]).toEqual({ type: 'content.siteCountries', countries: null });
  });
});
