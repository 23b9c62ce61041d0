import { describe, expect, it } from 'vitest';
import { routeMessage } from './routing.ts';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('message routing by sender', () => {
  it('lets the popup and options pages through as extension pages', () => {
    expect(routeMessage({ id: ID, url: `${BASE}popup.html` }, ID, BASE)).toEqual({ to: 'page' });
    // Opened as a tab (tests, or the options page in a tab) it is still our page.
    const inTab = {
      id: ID,
      url: `${BASE}options.html`,
      tab: { id: 4, url: `${BASE}options.html` },
    };
    expect(routeMessage(inTab, ID, BASE)).toEqual({ to: 'page' });
  });

  it('treats our content script in a web page as content, bound to its tab and frame', () => {
    const sender = { id: ID, url: 'https://discord.com/register', tab: { id: 7 }, frameId: 0 };
    expect(routeMessage(sender, ID, BASE)).toEqual({
      to: 'content',
      tabId: 7,
      frameId: 0,
      url: 'https://discord.com/register',
    });
  });

  it('never lets a web page pose as the popup by its URL path', () => {
    const page = { id: ID, url: `https://evil.example/${BASE}popup.html`, tab: { id: 3 } };
    expect(routeMessage(page, ID, BASE).to).toBe('content');
  });

  it('drops messages from other extensions and from senders without a tab', () => {
    expect(routeMessage({ id: 'other', url: `${BASE}popup.html` }, ID, BASE).to).toBe('drop');
    expect(routeMessage({ id: ID, url: 'https://discord.com/' }, ID, BASE).to).toBe('drop');
    expect(routeMessage({ id: ID, url: 'file:///etc/passwd', tab: { id: 2 } }, ID, BASE).to).toBe(
      'drop',
    );
  });
});
