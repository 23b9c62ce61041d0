import { describe, expect, it } from 'vitest';
import { searchServices } from './service-search.ts';

const SERVICES = [
  { code: 'ds', name: 'Discord' },
  { code: 'tw', name: 'Twitter/X' },
  { code: 'ot', name: 'Other' },
  { code: 'bw', name: 'Signal' },
  { code: 'ka', name: 'Shopee' },
  { code: 'dr', name: 'OpenAI' },
  { code: 'ma', name: 'Mail.ru' },
  { code: 'xx', name: 'Pokémon GO' },
];
const names = (q: string, limit?: number) => searchServices(SERVICES, q, limit).map((s) => s.name);

describe('searchServices', () => {
  it('puts names starting with the query before names merely containing it', () => {
    expect(names('o')).toEqual(['OpenAI', 'Other', 'Discord', 'Pokémon GO', 'Shopee']);
  });

  it('ignores case and accents, and finds a word inside the name', () => {
    expect(names('POKEMON')).toEqual(['Pokémon GO']);
    expect(names('go')).toEqual(['Pokémon GO']);
    expect(names('ru')).toEqual(['Mail.ru']);
  });

  it('knows the provider code', () => {
    expect(names('ds')).toEqual(['Discord']);
  });

  it('shows nothing for an empty query and at most the limit', () => {
    expect(names('  ')).toEqual([]);
    expect(names('o', 2)).toEqual(['OpenAI', 'Other']);
  });
});
