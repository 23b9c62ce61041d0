import { describe, expect, it } from 'vitest';
import { chooseService, mergeServices } from './site-services.ts';

const discord = {
  origin: 'https://discord.com',
  domain: 'discord.com',
  service: { code: 'ds', name: 'Discord', domains: ['discord.com'] },
};
const unknown = { origin: 'https://shop.example', domain: 'shop.example', service: null };

describe('chooseService', () => {
  it('uses the catalog when the user picked nothing for the site', () => {
    expect(chooseService(discord, {})).toEqual({
      origin: 'https://discord.com',
      domain: 'discord.com',
      service: { code: 'ds', name: 'Discord' },
      picked: false,
    });
    expect(chooseService(unknown, {}).service).toBeNull();
  });

  it("prefers the user's pick for the domain, on known and unknown sites", () => {
    const picks = {
      'discord.com': { code: 'ot', name: 'Other' },
      'shop.example': { code: 'ka', name: 'Shopee' },
    };
    expect(chooseService(discord, picks)).toMatchObject({
      service: { code: 'ot', name: 'Other' },
      picked: true,
    });
    expect(chooseService(unknown, picks)).toMatchObject({
      service: { code: 'ka', name: 'Shopee' },
      picked: true,
    });
  });
});

describe('mergeServices', () => {
  it('joins lists by code, the first name winning, sorted by name', () => {
    expect(
      mergeServices([
        [
          { code: 'tg', name: 'Telegram' },
          { code: 'ds', name: 'Discord' },
        ],
        [
          { code: 'ds', name: 'discord (5sim)' },
          { code: 'am', name: 'Amazon' },
        ],
      ]),
    ).toEqual([
      { code: 'am', name: 'Amazon' },
      { code: 'ds', name: 'Discord' },
      { code: 'tg', name: 'Telegram' },
    ]);
  });
});
