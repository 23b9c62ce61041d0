// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { findPhoneTarget } from '../fill/index.ts';
import { startFillAgent } from './agent.ts';
import { listenToBackground } from './from-background.ts';
import { phoneStepOf } from './phone-step.ts';

// The background swaps a number by itself (no SMS came) only while the page is still on the
// phone step of that number: its phone field there, empty or holding it.
const ours = '+6281234567890';
const PAGE = `<form><label for="tel">Phone number</label><input id="tel" type="tel">
<button>Send code</button></form>
<div id="code-step"><label for="code">Verification code</label>
<input id="code" autocomplete="one-time-code"></div>`;

const field = () => document.getElementById('tel') as HTMLInputElement;
const step = () => phoneStepOf(findPhoneTarget(document), ours);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('phoneStepOf', () => {
  it('the phone field holds our number, as filled or as the page formatted it', () => {
    document.body.innerHTML = PAGE;
    field().value = ours;
    expect(step()).toBe('phone');
    field().value = '0812-3456-7890';
    expect(step()).toBe('phone');
  });

  it('an empty field, or one with only the dial code the page put there, is still the step', () => {
    document.body.innerHTML = PAGE;
    expect(step()).toBe('phone');
    field().value = '+62 ';
    expect(step()).toBe('phone');
  });

  it('a number the user typed instead: the page moved on from ours', () => {
    document.body.innerHTML = PAGE;
    field().value = '+6289999999999';
    expect(step()).toBe('moved');
  });

  it('no phone field any more (the next step replaced it): moved on', () => {
    document.body.innerHTML = PAGE;
    field().remove();
    expect(step()).toBe('moved');
  });
});

describe('the fill script answers the background', () => {
  type Listener = (message: unknown, sender: { id: string }) => unknown;

  function fakeBrowser(orderId: string) {
    let listener: Listener | null = null;
    const browser = {
      runtime: {
        id: 'ext',
        sendMessage: async (m: { type: string }) =>
          m.type === 'content.hello'
            ? { orderId, phone: ours, code: null, fillPhone: false, fillCode: false }
            : true,
        onMessage: {
          addListener: (fn: Listener) => void (listener = fn),
          removeListener: () => void (listener = null),
        },
      },
    } as unknown as Browser;
    return { browser, ask: (m: unknown) => listener?.(m, { id: 'ext' }) };
  }

  it('about the order it checked in for; unknown for another one', async () => {
    document.body.innerHTML = PAGE;
    field().value = ours;
    const abort = new AbortController();
    const fake = fakeBrowser('o1');
    const answers = startFillAgent({ browser: fake.browser, signal: abort.signal });
    listenToBackground(fake.browser, abort.signal, answers);
    expect(await fake.ask({ type: 'bg.phoneStep', orderId: 'o1' })).toEqual({ step: 'phone' });
    field().value = '+6289999999999';
    expect(await fake.ask({ type: 'bg.phoneStep', orderId: 'o1' })).toEqual({ step: 'moved' });
    expect(await fake.ask({ type: 'bg.phoneStep', orderId: 'o2' })).toEqual({ step: 'unknown' });
    // Other messages get no answer from here (the page is only poked).
    expect(fake.ask({ type: 'bg.poke' })).toBeUndefined();
    abort.abort();
  });
});
