import { describe, expect, it } from 'vitest';
import { boundHost, codeAllowedOn, helloReplyWithOrigin } from './origin.ts';

describe('origin-bound codes on the page side', () => {
  it('fills a plain SMS code on any page the background sent it to', () => {
    expect(codeAllowedOn('discord.com', { smsText: 'Your code is 123456' })).toBe(true);
    expect(codeAllowedOn('discord.com', {})).toBe(true);
  });

  it('fills an origin-bound code only on the host it names', () => {
    const sms = { smsText: 'Your code is 123456.\n\n@discord.com #123456' };
    expect(codeAllowedOn('discord.com', sms)).toBe(true);
    expect(codeAllowedOn('DISCORD.COM', sms)).toBe(true);
    expect(codeAllowedOn('evil.example', sms)).toBe(false);
    // A subdomain is another host: the format binds the exact host.
    expect(codeAllowedOn('login.discord.com', sms)).toBe(false);
  });

  it("trusts the background's parsed host as much as the text", () => {
    expect(codeAllowedOn('evil.example', { codeHost: 'discord.com' })).toBe(false);
    expect(boundHost({ codeHost: ' Discord.com ' })).toBe('discord.com');
  });

  it('parses a hello reply with or without the origin fields', () => {
    const base = { orderId: 'o1', phone: null, code: '1', fillPhone: false, fillCode: true };
    expect(helloReplyWithOrigin.parse(base)).toEqual(base);
    expect(helloReplyWithOrigin.parse({ ...base, codeHost: 'a.example' }).codeHost).toBe(
      'a.example',
    );
  });
});
