import { describe, expect, it } from 'vitest';
import { boundOrigins, manualFits, ownTabFit, pageBound, type BindingRules } from './binding.ts';

const store: BindingRules = { httpLoopback: false };
const testBuild: BindingRules = { httpLoopback: true };
const placed = (origin: string, domain: string, followed?: string[]) => ({
  site: { tabId: 1, origin, domain, ...(followed ? { followed } : {}) },
});
const blog = placed('https://blog.wordpress.com', 'wordpress.com');
const discord = placed('https://discord.com', 'discord.com');

describe('site binding: an order fills only on its own origin (issue 17, item 3)', () => {
  it.each([
    ['the ordering origin itself', 'https://discord.com/register', true],
    ['http:// of the ordering site', 'http://discord.com/register', false],
    ['another port', 'https://discord.com:8443/register', false],
    ['a trailing-dot host', 'https://discord.com./register', false],
    ['another host of the site, in another tab', 'https://canary.discord.com/', false],
    ['another site', 'https://discord.example/', false],
  ])('any tab: %s -> %s', (_what, url, fits) => {
    expect(pageBound(discord, url, store)).toBe(fits);
  });

  it('a user subdomain of a shared host is not the blog that ordered', () => {
    // The public suffix list does not split wordpress.com: both are "wordpress.com".
    expect(pageBound(blog, 'https://evil.wordpress.com/', store)).toBe(false);
    expect(pageBound(blog, 'https://blog.wordpress.com/signup', store)).toBe(true);
  });

  it("the order's own tab follows to another host of the site, same scheme and port", () => {
    expect(ownTabFit(discord, 'https://discord.com/x', store)).toEqual({ kind: 'bound' });
    expect(ownTabFit(discord, 'https://accounts.discord.com/verify', store)).toEqual({
      kind: 'follow',
      origin: 'https://accounts.discord.com',
    });
    expect(ownTabFit(discord, 'http://accounts.discord.com/', store)).toBeNull();
    expect(ownTabFit(discord, 'https://accounts.discord.com:444/', store)).toBeNull();
    expect(ownTabFit(discord, 'https://discord.com./', store)).toBeNull();
    expect(ownTabFit(discord, 'https://discord.example/', store)).toBeNull();
  });

  it('private-section suffixes split hosts: one github.io user never follows to another', () => {
    const pages = placed('https://alice.github.io', 'alice.github.io');
    expect(ownTabFit(pages, 'https://bob.github.io/', store)).toBeNull();
    expect(manualFits(pages, 'https://bob.github.io/', store)).toBe(false);
  });

  it('once followed, the origin stays bound (another tab may take the order over there)', () => {
    const followed = placed('https://discord.com', 'discord.com', ['https://accounts.discord.com']);
    expect(boundOrigins(followed)).toEqual(['https://discord.com', 'https://accounts.discord.com']);
    expect(pageBound(followed, 'https://accounts.discord.com/verify', store)).toBe(true);
  });

  it("the user's own manual fill reaches any host of the site, on https only", () => {
    expect(manualFits(discord, 'https://canary.discord.com/', store)).toBe(true);
    expect(manualFits(discord, 'http://canary.discord.com/', store)).toBe(false);
    expect(manualFits(discord, 'https://discord.example/', store)).toBe(false);
  });

  it('http only on loopback, and only in the test build', () => {
    const demo = placed('http://discord.localhost:8787', 'discord.localhost');
    expect(pageBound(demo, 'http://discord.localhost:8787/', testBuild)).toBe(true);
    expect(pageBound(demo, 'http://discord.localhost:8787/', store)).toBe(false);
    expect(pageBound(demo, 'http://discord.localhost:8788/', testBuild)).toBe(false);
    const lan = placed('http://router.lan', 'router.lan');
    expect(pageBound(lan, 'http://router.lan/', testBuild)).toBe(false);
  });
});
