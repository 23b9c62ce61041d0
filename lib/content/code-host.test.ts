import { describe, expect, it } from 'vitest';
import { helloReply } from '../messaging.ts';
import { boundHost, codeAllowedOn } from './code-host.ts';

describe('origin-bound codes on the page side', () => {
  it('fills a code that names no host on any page the background sent it to', () => {
    expect(codeAllowedOn('discord.com', { codeHost: null })).toBe(true);
    expect(codeAllowedOn('discord.com', {})).toBe(true);
  });

  it('fills an origin-bound code only on the host it names', () => {
    const bound = { codeHost: 'discord.com' };
    expect(codeAllowedOn('discord.com', bound)).toBe(true);
    expect(codeAllowedOn('DISCORD.COM', bound)).toBe(true);
    expect(codeAllowedOn('evil.example', bound)).toBe(false);
    // A subdomain is another host: the format binds the exact host.
    expect(codeAllowedOn('login.discord.com', bound)).toBe(false);
  });

  it("reads the background's host as the SMS named it", () => {
    expect(boundHost({ codeHost: ' Discord.com ' })).toBe('discord.com');
  });

  it('parses a hello reply with or without the code host', () => {
    const base = { orderId: 'o1', phone: null, code: '1', fillPhone: false, fillCode: true };
    expect(helloReply.parse(base)).toEqual(base);
    expect(helloReply.parse({ ...base, codeHost: 'a.example' }).codeHost).toBe('a.example');
  });
});
