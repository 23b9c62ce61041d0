import { describe, expect, it } from 'vitest';
import { detectSite, registrableDomain, sameSite } from './detect.ts';

const serviceOf = (url: string) => detectSite(url)?.service?.code ?? null;

describe('detectSite', () => {
  it.each<[string, string, string]>([
    ['https://discord.com/register', 'ds', 'discord.com'],
    ['https://canary.discord.com/channels/@me', 'ds', 'discord.com'],
    ['https://discord.gg/invite', 'ds', 'discord.gg'],
    ['https://x.com/i/flow/signup', 'tw', 'x.com'],
    ['https://twitter.com/i/flow/signup', 'tw', 'twitter.com'],
    ['https://MOBILE.Twitter.com/', 'tw', 'twitter.com'],
    ['https://accounts.google.com/signup', 'go', 'google.com'],
    ['https://web.telegram.org/k/', 'tg', 'telegram.org'],
    ['https://discord.com./register', 'ds', 'discord.com'],
  ])('%s -> service %s on %s', (url, code, domain) => {
    const site = detectSite(url);
    expect(site?.service?.code).toBe(code);
    expect(site?.domain).toBe(domain);
  });

  it('puts x.com and twitter.com on the same service', () => {
    expect(detectSite('https://x.com')?.service).toBe(detectSite('https://twitter.com')?.service);
  });

  it.each<[string, string, string]>([
    ['http://discord.localhost:8787/register', 'Discord', 'discord.localhost'],
    ['http://telegram.localhost/', 'Telegram', 'telegram.localhost'],
    ['http://signup.discord.localhost:8787/', 'Discord', 'discord.localhost'],
    // The demo site's alias for X.
    ['http://twitter.localhost:8787/', 'Twitter / X', 'twitter.localhost'],
    ['http://x.localhost:8787/', 'Twitter / X', 'x.localhost'],
  ])('demo host %s -> %s', (url, name, domain) => {
    const site = detectSite(url);
    expect(site?.service?.name).toBe(name);
    expect(site?.domain).toBe(domain);
    expect(site?.origin).toBe(new URL(url).origin);
  });

  it('an unknown site has no service but keeps its registrable domain', () => {
    expect(detectSite('https://www.shop.example.co.uk/account/verify')).toEqual({
      origin: 'https://www.shop.example.co.uk',
      domain: 'example.co.uk',
      service: null,
    });
    expect(detectSite('https://alice.github.io/app')?.domain).toBe('alice.github.io');
    expect(serviceOf('https://notdiscord.com')).toBeNull();
    expect(serviceOf('https://discord.com.evil.net/')).toBeNull();
    expect(serviceOf('http://unknown-demo.localhost:8787/')).toBeNull();
  });

  it.each([
    'chrome://extensions',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'about:blank',
    'file:///home/me/page.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
    'https://',
  ])('%j -> null', (url) => {
    expect(detectSite(url)).toBeNull();
  });
});

describe('registrableDomain', () => {
  it.each<[string, string | null]>([
    ['canary.discord.com', 'discord.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['localhost', 'localhost'],
    ['deep.discord.localhost', 'discord.localhost'],
  ])('%s -> %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('sameSite', () => {
  it('accepts any host under the registrable domain', () => {
    expect(sameSite('https://discord.com/register', 'discord.com')).toBe(true);
    expect(sameSite('https://canary.discord.com/', 'discord.com')).toBe(true);
    expect(sameSite('http://discord.localhost:8787/verify', 'discord.localhost')).toBe(true);
  });

  it('refuses look-alikes, other sites and non-URLs', () => {
    expect(sameSite('https://discord.com.evil.net/', 'discord.com')).toBe(false);
    expect(sameSite('https://evildiscord.com/', 'discord.com')).toBe(false);
    expect(sameSite('https://x.com/', 'twitter.com')).toBe(false);
    expect(sameSite('http://telegram.localhost/', 'discord.localhost')).toBe(false);
    expect(sameSite('chrome://settings', 'discord.com')).toBe(false);
    expect(sameSite('garbage', 'discord.com')).toBe(false);
  });
});
