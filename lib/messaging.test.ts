import { describe, expect, it } from 'vitest';
import { backgroundToContent, contentMessage, pageMessage } from './messaging.ts';

// SECURITY.md: every message is parsed with zod at the receiver; anything else is dropped.
describe('message protocol at the receiver', () => {
  it('a content script cannot send a money message: the content protocol has none', () => {
    const order = {
      type: 'popup.createOrder',
      tabId: 1,
      service: 'ds',
      country: '6',
      tier: 'standard',
    };
    expect(pageMessage.safeParse(order).success).toBe(true);
    expect(contentMessage.safeParse(order).success).toBe(false);
    expect(contentMessage.safeParse({ type: 'popup.cancelOrder', orderId: 'x' }).success).toBe(
      false,
    );
  });

  it.each([
    null,
    'content.hello',
    { type: 'content.filled', orderId: 'a', what: 'password' },
    { type: 'content.filled', orderId: '', what: 'code' },
    { type: 'content.rejected', orderId: 'a', text: '' },
    { type: 'content.rejected', orderId: 'a', text: 'x'.repeat(201) },
    { type: 'popup.createOrder', tabId: 'one', service: 'ds', country: '6', tier: 'standard' },
    { type: 'popup.createOrder', tabId: 1, service: 'x'.repeat(33), country: '6', tier: 'gold' },
    { type: 'bg.unknown' },
  ])('drops a malformed or unknown message: %j', (message) => {
    expect(pageMessage.safeParse(message).success).toBe(false);
    expect(contentMessage.safeParse(message).success).toBe(false);
    expect(backgroundToContent.safeParse(message).success).toBe(false);
  });
});

describe('a rejection report', () => {
  it('carries the order and the page’s text, at most 200 characters', () => {
    const ok = { type: 'content.rejected', orderId: 'a', text: 'x'.repeat(200) };
    expect(contentMessage.safeParse(ok).success).toBe(true);
  });
});
