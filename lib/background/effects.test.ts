import { discordOrder } from '../../tests/support/orders.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessages } from '../i18n.ts';
import { money } from '../money.ts';
import type { Order } from '../orders/types.ts';
import { messagesJson } from '../../tests/support/messages.ts';
import { createEffectRunner } from './effects.ts';

function order(extra: Partial<Order>): Order {
  const base = discordOrder(Date.UTC(2026, 10, 26, 12, 0, 0));
  return { ...base, phone: '+6281234567890', ...extra };
}

describe('notifications speak the language chosen in the options', () => {
  const shown: { title: string; message: string }[] = [];

  beforeEach(async () => {
    fakeBrowser.reset();
    shown.length = 0;
    const files = { en: await messagesJson('en'), ru: await messagesJson('ru') };
    // The worker loads the chosen language's messages.json from the extension itself.
    vi.stubGlobal('fetch', async (url: string) => {
      const lang = /_locales\/(\w+)\//.exec(url)?.[1];
      return new Response(JSON.stringify(lang === 'ru' ? files.ru : files.en));
    });
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (...args: unknown[]) => {
      const options = args.at(-1);
      if (typeof options === 'object' && options && 'title' in options && 'message' in options)
        shown.push({ title: String(options.title), message: String(options.message) });
      return 'shown';
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    setMessages('en', null);
  });

  const runner = (language: 'en' | 'ru') =>
    createEffectRunner({
      browser: fakeBrowser,
      orderAgain: async () => undefined,
      rebind: async () => undefined,
      language: async () => language,
    });

  it('a code, in Russian', async () => {
    await runner('ru')(order({ state: 'received', code: '123456' }), { type: 'notifyCode' });
    expect(shown).toEqual([
      { title: 'Discord, код: 123456', message: 'Пришёл на +6281234567890 для discord.com.' },
    ]);
  });

  it('a refund, in English as before, with the amount', async () => {
    const refunded = order({ state: 'refunded', price: money(25) });
    await runner('en')(refunded, { type: 'notifyRefund' });
    expect(shown).toEqual([
      { title: 'Discord: no code, refunded', message: '$0.25 is back in your balance.' },
    ]);
  });

  it('no number: why, in words the user can act on', async () => {
    const failed = order({
      state: 'failed',
      lastError: { kind: 'no_balance', message: 'Balance too low (HTTP 402)' },
    });
    await runner('ru')(failed, { type: 'notifyFailed' });
    expect(shown).toEqual([
      {
        title: 'Discord: номер не выдан',
        message: 'На балансе не хватает денег на этот номер.',
      },
    ]);
  });

  it('the site rejected the number: which site, and what to do, in both languages', async () => {
    const rejected = order({ state: 'waiting', rejectedBySite: { at: 1, text: 'Use another.' } });
    await runner('en')(rejected, { type: 'notifyRejected' });
    await runner('ru')(rejected, { type: 'notifyRejected' });
    expect(shown.map((n) => n.title)).toEqual([
      'discord.com rejected this number',
      'discord.com не принял этот номер',
    ]);
  });
});
