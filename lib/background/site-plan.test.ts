import { discordOrder } from '../../tests/support/orders.ts';
import { describe, expect, it } from 'vitest';
import type { Order, OrderState } from '../orders/types.ts';
import {
  markAsked,
  nextCheckAt,
  planAccess,
  planRegistrations,
  settleGranted,
  SCRIPT_ID_PREFIX,
  sitePatterns,
  wantedSites,
} from './site-plan.ts';
import { CODE_FILL_MS } from '../orders/queries.ts';

const NOW = 1_700_000_000_000;

function order(
  id: string,
  origin: string,
  domain: string,
  state: OrderState,
  extra: Partial<Order> = {},
): Order {
  const base = discordOrder(NOW - 60_000, { id, site: { tabId: 1, origin, domain } });
  return { ...base, state, ...extra };
}

describe('sitePatterns', () => {
  it('covers the registrable domain and its subdomains on the scheme ordered from', () => {
    expect(sitePatterns({ origin: 'https://canary.discord.com', domain: 'discord.com' })).toEqual([
      'https://*.discord.com/*',
    ]);
    expect(
      sitePatterns({ origin: 'http://discord.localhost:8787', domain: 'discord.localhost' }),
    ).toEqual(['http://*.discord.localhost/*']);
  });

  it('keeps a single-label host to itself, and refuses what no pattern can say', () => {
    expect(sitePatterns({ origin: 'http://localhost:3000', domain: 'localhost' })).toEqual([
      'http://localhost/*',
    ]);
    expect(sitePatterns({ origin: 'file:///tmp/x.html', domain: 'x' })).toBeNull();
    expect(sitePatterns({ origin: 'https://a.example', domain: '*.example' })).toBeNull();
    expect(sitePatterns({ origin: 'not a url', domain: 'example.com' })).toBeNull();
  });
});

describe('wantedSites', () => {
  it('wants the sites of open orders and of codes not yet filled, merged by domain', () => {
    const orders = [
      order('a', 'https://discord.com', 'discord.com', 'waiting'),
      order('b', 'https://canary.discord.com', 'discord.com', 'received'),
      order('c', 'https://telegram.org', 'telegram.org', 'completed', {
        code: '123456',
        endedAt: NOW - 1_000,
      }),
    ];
    expect(wantedSites(orders, NOW)).toEqual([
      { domain: 'discord.com', patterns: ['https://*.discord.com/*'], until: null },
      {
        domain: 'telegram.org',
        patterns: ['https://*.telegram.org/*'],
        until: NOW - 1_000 + CODE_FILL_MS,
      },
    ]);
    expect(nextCheckAt(wantedSites(orders, NOW))).toBe(NOW - 1_000 + CODE_FILL_MS);
  });

  it('wants nothing for ended orders: refunded, failed, code filled, or code offered too long', () => {
    const orders = [
      order('a', 'https://discord.com', 'discord.com', 'refunded', { endedAt: NOW }),
      order('b', 'https://discord.com', 'discord.com', 'failed', { endedAt: NOW }),
      order('c', 'https://x.com', 'x.com', 'completed', {
        code: '1',
        codeFilled: true,
        endedAt: NOW,
      }),
      order('d', 'https://y.com', 'y.com', 'completed', {
        code: '1',
        endedAt: NOW - CODE_FILL_MS - 1,
      }),
    ];
    expect(wantedSites(orders, NOW)).toEqual([]);
    expect(nextCheckAt([])).toBeNull();
  });

  it('an open order of a site holds it with no time limit, whatever its ended ones say', () => {
    const orders = [
      order('a', 'https://x.com', 'x.com', 'completed', { code: '1', endedAt: NOW }),
      order('b', 'http://x.com', 'x.com', 'waiting'),
    ];
    expect(wantedSites(orders, NOW)).toEqual([
      { domain: 'x.com', patterns: ['http://*.x.com/*', 'https://*.x.com/*'], until: null },
    ]);
  });
});

describe('planRegistrations', () => {
  const wanted = [
    { domain: 'discord.com', patterns: ['https://*.discord.com/*'], until: null },
    { domain: 'x.com', patterns: ['https://*.x.com/*'], until: null },
  ];

  it('registers only wanted sites the extension holds access to', () => {
    expect(planRegistrations(wanted, new Set(['discord.com']), [])).toEqual({
      register: [{ id: `${SCRIPT_ID_PREFIX}discord.com`, matches: ['https://*.discord.com/*'] }],
      unregister: [],
    });
    expect(planRegistrations(wanted, new Set(), [])).toEqual({ register: [], unregister: [] });
  });

  it('keeps a registration that is right, and removes stale ones after a restart', () => {
    const registered = [
      { id: `${SCRIPT_ID_PREFIX}discord.com`, matches: ['https://*.discord.com/*'] },
      { id: `${SCRIPT_ID_PREFIX}old.example`, matches: ['https://*.old.example/*'] },
      { id: 'someone-else', matches: ['https://*.other.example/*'] },
    ];
    expect(planRegistrations(wanted, new Set(['discord.com']), registered)).toEqual({
      register: [],
      unregister: [`${SCRIPT_ID_PREFIX}old.example`],
    });
  });

  it('re-registers a site whose patterns changed, and drops one whose access was taken', () => {
    const registered = [
      { id: `${SCRIPT_ID_PREFIX}discord.com`, matches: ['http://*.discord.com/*'] },
      { id: `${SCRIPT_ID_PREFIX}x.com`, matches: ['https://*.x.com/*'] },
    ];
    expect(planRegistrations(wanted, new Set(['discord.com']), registered)).toEqual({
      register: [{ id: `${SCRIPT_ID_PREFIX}discord.com`, matches: ['https://*.discord.com/*'] }],
      unregister: [`${SCRIPT_ID_PREFIX}discord.com`, `${SCRIPT_ID_PREFIX}x.com`],
    });
  });

  it('unregisters everything of ours when no order wants a page', () => {
    const registered = [{ id: `${SCRIPT_ID_PREFIX}x.com`, matches: ['https://*.x.com/*'] }];
    expect(planRegistrations([], new Set(['x.com']), registered)).toEqual({
      register: [],
      unregister: [`${SCRIPT_ID_PREFIX}x.com`],
    });
  });
});

describe('site access asks and grants', () => {
  const wanted = [{ domain: 'x.com', patterns: ['https://*.x.com/*'], until: null }];

  it('an ask answered with access becomes a grant; unanswered asks stay', () => {
    let state = markAsked({ asked: {}, granted: {} }, 'x.com', ['https://*.x.com/*'], NOW);
    state = markAsked(state, 'y.com', ['https://*.y.com/*'], NOW);
    const settled = settleGranted(state, new Set(['x.com']));
    expect(settled.nowAllowed).toEqual(['x.com']);
    expect(settled.state).toEqual({
      asked: { 'y.com': { patterns: ['https://*.y.com/*'], at: NOW } },
      granted: { 'x.com': ['https://*.x.com/*'] },
    });
    expect(settleGranted(settled.state, new Set()).nowAllowed).toEqual([]);
  });

  it('gives access back and forgets asks once no order wants the site', () => {
    const state = {
      asked: { 'y.com': { patterns: ['https://*.y.com/*'], at: NOW } },
      granted: { 'x.com': ['https://*.x.com/*'], 'z.com': ['https://*.z.com/*'] },
    };
    expect(planAccess(wanted, state)).toEqual({
      state: { asked: {}, granted: { 'x.com': ['https://*.x.com/*'] } },
      revoke: [['https://*.z.com/*']],
      changed: true,
    });
    const steady = { asked: {}, granted: { 'x.com': ['https://*.x.com/*'] } };
    expect(planAccess(wanted, steady)).toEqual({ state: steady, revoke: [], changed: false });
  });
});
