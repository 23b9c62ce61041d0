// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import type { FillHereMessage } from '../messaging.ts';
import { startManualAgent } from './fill-here.ts';
import { listenToBackground } from './from-background.ts';

type Listener = (message: unknown, sender: { id: string }) => Promise<unknown> | undefined;

/** Just enough of the browser for the page side: one runtime.onMessage listener. */
function fakeBrowser() {
  let listener: Listener | null = null;
  const browser = {
    runtime: {
      id: 'ext',
      onMessage: {
        addListener: (fn: Listener) => void (listener = fn),
        removeListener: () => void (listener = null),
      },
    },
  } as unknown as Browser;
  return {
    browser,
    send: (m: unknown) => listener?.(m, { id: 'ext' }),
    listening: () => listener !== null,
  };
}

const msg = (patch: Partial<FillHereMessage>): FillHereMessage => ({
  type: 'bg.fillHere',
  what: 'phone',
  value: '+14155550134',
  codeHost: null,
  target: 'clicked',
  ...patch,
});

const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const rightClick = (id: string) =>
  input(id).dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));

let abort: AbortController;
let fake: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  document.body.innerHTML = '<input id="f1"><input id="f2"><input id="off" disabled>';
  abort = new AbortController();
  fake = fakeBrowser();
  // happy-dom cannot make a trusted event: these tests stand in for the user's right-click.
  const answers = startManualAgent({ signal: abort.signal, trusted: () => true });
  listenToBackground(fake.browser, abort.signal, answers);
});
afterEach(() => abort.abort());

describe('manual fill, page side', () => {
  it('fills the right-clicked field and names it for the site memory', async () => {
    rightClick('f1');
    const reply = await fake.send(msg({}));
    expect(reply).toEqual({
      ok: true,
      selector: 'input[id="f1"]',
      phoneFormat: 'international',
      problem: null,
    });
    expect(input('f1').value).toBe('+14155550134');
  });

  it('the shortcut fills the focused field', async () => {
    input('f2').focus();
    const reply = await fake.send(msg({ what: 'code', value: '123456', target: 'focused' }));
    expect(reply).toMatchObject({ ok: true, selector: 'input[id="f2"]' });
    expect(input('f2').value).toBe('123456');
  });

  it('refuses a code bound to another host, and disabled fields', async () => {
    rightClick('f2');
    const elsewhere = await fake.send(
      msg({ what: 'code', value: '1234', codeHost: 'evil.example' }),
    );
    expect(elsewhere).toMatchObject({ ok: false, problem: 'not-here' });
    expect(input('f2').value).toBe('');
    rightClick('off');
    expect(await fake.send(msg({}))).toMatchObject({ ok: false, problem: 'no-field' });
  });

  it('a right-click a page script dispatched does not choose the field', async () => {
    abort.abort();
    abort = new AbortController();
    fake = fakeBrowser();
    listenToBackground(fake.browser, abort.signal, startManualAgent({ signal: abort.signal }));
    rightClick('f2');
    input('f1').focus();
    expect(await fake.send(msg({}))).toMatchObject({ ok: true, selector: 'input[id="f1"]' });
    expect(input('f2').value).toBe('');
  });

  it('ignores anything but a valid fill message, and stops on abort', () => {
    expect(fake.send({ type: 'bg.poke' })).toBeUndefined();
    expect(fake.send({ ...msg({}), value: '' })).toBeUndefined();
    abort.abort();
    expect(fake.listening()).toBe(false);
  });
});
