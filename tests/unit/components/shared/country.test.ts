import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryChoices, countryLabel } from '@/components/shared/country.ts';
import { setMessages } from '@/lib/i18n.ts';

describe('country names', () => {
  beforeAll(() => setMessages('ru', { common_virtual: { message: 'виртуальные номера' } }));
  afterAll(() => setMessages('en', null));

  it('English keeps the name the providers use', () => {
    expect(countryLabel({ name: 'USA (virtual)', iso: 'US' }, 'en')).toBe('USA (virtual)');
    expect(countryLabel({ name: 'Indonesia', iso: 'ID' }, 'en')).toBe('Indonesia');
  });

  it('Russian names the country in Russian and keeps a virtual pool apart', () => {
    expect(countryLabel({ name: 'Indonesia', iso: 'ID' }, 'ru')).toBe('Индонезия');
    const virtual = countryLabel({ name: 'USA (virtual)', iso: 'US' }, 'ru');
    const real = countryLabel({ name: 'USA', iso: 'US' }, 'ru');
    expect(virtual).not.toBe(real);
    expect(virtual).toBe(`${real} (виртуальные номера)`);
  });

  it('an order without an ISO code keeps its name', () => {
    expect(countryLabel({ name: 'Somewhere', iso: null }, 'ru')).toBe('Somewhere');
  });

  it('the default-country list is sorted by the name shown, one entry per country id', () => {
    for (const lang of ['en', 'ru'] as const) {
      const list = countryChoices(lang);
      const labels = list.map((c) => c.label);
      expect(labels).toEqual([...labels].sort(new Intl.Collator(lang).compare));
      expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
      expect(new Set(labels).size, `${lang}: two countries share a name`).toBe(list.length);
    }
    expect(countryChoices('ru').find((c) => c.id === '6')?.label).toBe('Индонезия');
  });
});
