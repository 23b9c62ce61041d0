import { describe, expect, it } from 'vitest';
import { countryRank } from './country-search.ts';

describe('country search ranks', () => {
  it('puts an exact code or short name before a name that merely starts with the query', () => {
    expect(countryRank(['united kingdom'], 'GB', 'uk')).toBe(0);
    expect(countryRank(['ukraine'], 'UA', 'uk')).toBe(1);
    expect(countryRank(['united kingdom'], 'GB', '+44')).toBe(0);
    expect(countryRank(['indonesia'], 'ID', '+44')).toBeNull();
    expect(countryRank(['соединенные штаты'], 'US', 'america')).toBe(0);
    expect(countryRank(['соединенные штаты'], 'US', 'united')).toBe(1);
    expect(countryRank(['france'], 'FR', 'anc')).toBe(2);
  });
});
