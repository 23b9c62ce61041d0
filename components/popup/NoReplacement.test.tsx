import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n.ts';
import { money } from '@/lib/money.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { noReplacementText } from './NoReplacement.tsx';

afterAll(() => setMessages('en', null));

describe('why no other number was ordered', () => {
  beforeAll(() => useMessages('en'));

  it('sold out, with the country the site refused left out by name', () => {
    expect(noReplacementText({ why: 'sold_out', avoided: null }, 'Discord')).toBe(
      'No other number: Discord has none in stock right now.',
    );
    const avoided = { name: 'Indonesia', iso: 'ID' };
    expect(noReplacementText({ why: 'sold_out', avoided }, 'Discord')).toBe(
      'No other number: apart from Indonesia, Discord has none in stock right now.',
    );
  });

  it('above the price cap: the cheapest price left and the cap', () => {
    const reason = { why: 'above_cap', cheapest: money(45), cap: money(30) } as const;
    expect(noReplacementText(reason, 'Discord')).toBe(
      'No other number: the cheapest left costs $0.45, above your price cap of $0.30.',
    );
  });

  it('a spending limit: which one, in the words the order refusal uses', () => {
    const refusal = { limit: 'visit', max: 3, domain: 'discord.com' } as const;
    expect(noReplacementText({ why: 'limit', refusal }, 'Discord')).toBe(
      'Not ordered: you already took 3 numbers on discord.com in this visit.',
    );
  });

  it('in Russian too', async () => {
    await useMessages('ru');
    const text = noReplacementText({ why: 'sold_out', avoided: null }, 'Discord');
    expect(text).toBe('Другого номера нет: для Discord сейчас нет номеров в наличии.');
    expect(noReplacementText({ why: 'unlisted' }, 'Discord')).toMatch(/^Другого номера нет/);
  });
});
