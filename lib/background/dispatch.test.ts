import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { ContentProtocol, Handlers, PageProtocol } from '../messaging.ts';
import type { ContentPage } from './content-handlers.ts';
import { answerContent, answerPage } from './dispatch.ts';

const unused = async () => {
  throw new Error('not this handler');
};

/** Page handlers that record what reached them; only a few answer. */
function pageHandlers(seen: unknown[]): Handlers<PageProtocol> {
  return {
    'popup.getState': unused,
    'popup.getOffers': unused,
    'popup.getServices': async () => ({ services: [{ code: 'ds', name: 'Discord' }] }),
    'popup.setSiteService': async (msg) => {
      seen.push(msg);
      throw new AppError('not_a_site');
    },
    'popup.createOrder': unused,
    'popup.cancelOrder': async (msg) => {
      seen.push(msg);
      return null;
    },
    'popup.anotherNumber': unused,
    'popup.fillAgain': unused,
    'popup.requestAnotherSms': unused,
    'popup.siteAccessGranted': unused,
    'options.getStanding': unused,
    'options.saveProvider': unused,
  };
}

describe('the background answers an extension page by the protocol map', () => {
  it('runs the one handler of the message and wraps its reply', async () => {
    const seen: unknown[] = [];
    const handlers = pageHandlers(seen);
    expect(await answerPage(handlers, { type: 'popup.getServices' })).toEqual({
      ok: true,
      data: { services: [{ code: 'ds', name: 'Discord' }] },
    });
    expect(await answerPage(handlers, { type: 'popup.cancelOrder', orderId: 'o1' })).toEqual({
      ok: true,
      data: null,
    });
    expect(seen).toEqual([{ type: 'popup.cancelOrder', orderId: 'o1' }]);
  });

  it('a malformed or unknown message reaches no handler: bad_message', async () => {
    const seen: unknown[] = [];
    for (const raw of [
      null,
      { type: 'popup.cancelOrder' },
      { type: 'popup.cancelOrder', orderId: '' },
      { type: 'content.hello' },
      { type: 'popup.nope' },
    ]) {
      expect(await answerPage(pageHandlers(seen), raw)).toMatchObject({
        ok: false,
        error: { kind: 'bad_message' },
      });
    }
    expect(seen).toEqual([]);
  });

  it("a handler's refusal arrives as its kind", async () => {
    const raw = { type: 'popup.setSiteService', domain: 'www.example.com', service: null };
    expect(await answerPage(pageHandlers([]), raw)).toMatchObject({
      ok: false,
      error: { kind: 'not_a_site' },
    });
  });
});

describe('the background answers a content script only about its own tab', () => {
  function contentHandlers(
    seen: [unknown, ContentPage][],
  ): Handlers<ContentProtocol, [ContentPage]> {
    const record = async (msg: unknown, page: ContentPage) => {
      seen.push([msg, page]);
      return true as const;
    };
    return {
      'content.hello': async () => {
        throw new Error('not asked here');
      },
      'content.filled': record,
      'content.codeFieldVisible': record,
      'content.rejected': record,
      'content.siteCountries': record,
    };
  }
  const PAGE = 'https://discord.com/register';
  const msg = { type: 'content.codeFieldVisible', orderId: 'o1' };

  it('from the top frame of a tab: the handler gets the tab and address the browser reports', async () => {
    const seen: [unknown, ContentPage][] = [];
    const sender = { tab: { id: 7 } as never, url: PAGE, frameId: 0 };
    expect(await answerContent(contentHandlers(seen), msg, sender)).toBe(true);
    expect(seen).toEqual([[msg, { tabId: 7, url: PAGE }]]);
  });

  it('from a subframe, without a tab, or malformed: null, and no handler runs', async () => {
    const seen: [unknown, ContentPage][] = [];
    const h = contentHandlers(seen);
    expect(await answerContent(h, msg, { tab: { id: 7 } as never, url: PAGE, frameId: 2 })).toBe(
      null,
    );
    expect(await answerContent(h, msg, { url: PAGE, frameId: 0 })).toBe(null);
    const top = { tab: { id: 7 } as never, url: PAGE, frameId: 0 };
    expect(await answerContent(h, { ...msg, orderId: '' }, top)).toBe(null);
    // A content script cannot send a page's (money) message.
    expect(await answerContent(h, { type: 'popup.cancelOrder', orderId: 'o1' }, top)).toBe(null);
    expect(seen).toEqual([]);
  });
});
