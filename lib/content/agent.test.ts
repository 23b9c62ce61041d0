// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { startFillAgent } from './agent.ts';
import { listenToBackground } from './from-background.ts';

type Listener = (message: unknown, sender: { id: string }) => unknown;

/** The page side's browser: messages it sends, and the background's messages to it. */
const NO_ORDER = { orderId: null, phone: null, code: null, fillPhone: false, fillCode: false };

function fakeBrowser(hello: object = NO_ORDER) {
  let listener: Listener | null = null;
  const sent: { type: string; countries?: unknown }[] = [];
  const browser = {
    runtime: {
      id: 'ext',
      sendMessage: async (m: { type: string }) => {
        sent.push(m);
        return m.type === 'content.hello' ? hello : true;
      },
      onMessage: {
        addListener: (fn: Listener) => void (listener = fn),
        removeListener: () => void (listener = null),
      },
    },
  } as unknown as Browser;
  return { browser, sent, receive: (m: unknown) => listener?.(m, { id: 'ext' }) };
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
    listenToBackground(
      fake.browser,
      abort.signal,
      startFillAgent({ browser: fake.browser, signal: abort.signal }),
    );
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
    listenToBackground(
      fake.browser,
      abort.signal,
      startFillAgent({ browser: fake.browser, signal: abort.signal }),
    );
    await settle();
    expect(fake.sent[0]).toEqual({ type: 'content.siteCountries', countries: null });
  });
});

describe('a number that replaces a refused one', () => {
  const PHONE = '+6281234567890';
  const order = (focusSubmit: boolean) => ({
    ...NO_ORDER,
    orderId: 'o2',
    phone: PHONE,
    fillPhone: true,
    focusSubmit,
  });

  async function fillOn(focusSubmit: boolean) {
    document.body.innerHTML = `<form onsubmit="return false"><label for="tel">Phone number</label>
<input id="tel" type="tel" autocomplete="tel"><button type="button">Cancel</button>
<button type="submit">Send code</button></form>`;
    abort = new AbortController();
    const events: string[] = [];
    document.addEventListener('click', () => events.push('click'), { signal: abort.signal });
    startFillAgent({ browser: fakeBrowser(order(focusSubmit)).browser, signal: abort.signal });
    const input = document.getElementById('tel') as HTMLInputElement;
    await expect.poll(() => input.value.replace(/\D/g, '')).toBe('6281234567890');
    await settle();
    return { active: document.activeElement?.textContent ?? null, events };
  }

  it('is filled, then the page\'s "Send code" button has the focus, not pressed', async () => {
    const { active, events } = await fillOn(true);
    expect(active).toBe('Send code');
    expect(events).toEqual([]);
  });

  it('a first number is only filled: the focus stays where the user left it', async () => {
    expect((await fillOn(false)).active).not.toBe('Send code');
  });
});
