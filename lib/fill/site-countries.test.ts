import { describe, expect, it } from 'vitest';
import { countriesOfOptions, optionCountries } from './site-countries.ts';

const opt = (value: string, text: string, disabled = false) => ({ value, text, disabled });

describe('countriesOfOptions: the countries a phone country selector offers', () => {
  it('reads ISO codes as values, behind a "Select" prompt', () => {
    const options = [
      opt('', 'Select your country'),
      opt('gb', 'United Kingdom'),
      opt('DE', 'Germany'),
      opt('fr', 'France'),
    ];
    expect(countriesOfOptions(options)).toEqual(['DE', 'FR', 'GB']);
  });

  it('reads dial codes as values ("+44") with the name and code as text', () => {
    const options = [
      opt('+44', 'United Kingdom (+44)'),
      opt('+49', 'Germany (+49)'),
      opt('+62', 'Indonesia (+62)'),
    ];
    expect(countriesOfOptions(options)).toEqual(['DE', 'GB', 'ID']);
  });

  it('tells the +1 and +7 countries apart by name, and keeps each once', () => {
    const options = [
      opt('1', 'United States (+1)'),
      opt('1', 'Canada (+1)'),
      opt('7', 'Kazakhstan (+7)'),
      // A "popular" group repeats a country further down.
      opt('1', 'United States (+1)'),
    ];
    expect(countriesOfOptions(options)).toEqual(['CA', 'KZ', 'US']);
    // The same value for both, told apart by the ISO code in the text.
    expect(countriesOfOptions([opt('+1', 'US +1'), opt('+1', 'CA +1')])).toEqual(['CA', 'US']);
  });

  it('takes a bare shared dial code as every country that uses it', () => {
    const list = countriesOfOptions([opt('+1', '+1'), opt('+44', '+44')]);
    expect(list).toContain('US');
    expect(list).toContain('CA');
    expect(list).toContain('GB');
    expect(list).not.toContain('DE');
  });

  it('reads flags, and names in the page language', () => {
    const flags = [opt('a', '🇬🇧 +44'), opt('b', '🇫🇷 +33'), opt('c', '🇺🇸 +1')];
    expect(countriesOfOptions(flags)).toEqual(['FR', 'GB', 'US']);
    const russian = [opt('', 'Выберите страну'), opt('ru', 'Россия'), opt('x1', 'Казахстан')];
    expect(countriesOfOptions(russian, ['ru'])).toEqual(['KZ', 'RU']);
  });

  it('reads intl-tel-input rows ("United Kingdom+44", ISO in data-country-code)', () => {
    const rows = [opt('gb', 'United Kingdom+44 +44'), opt('us', 'United States+1 +1')];
    expect(countriesOfOptions(rows)).toEqual(['GB', 'US']);
  });

  it('knows common spellings: "St. Kitts & Nevis", "Turkey", "Myanmar", "Hong Kong"', () => {
    const options = [
      opt('1', 'Saint Kitts and Nevis'),
      opt('2', 'Turkey'),
      opt('3', 'Myanmar'),
      opt('4', 'Hong Kong'),
      opt('5', 'USA'),
    ];
    expect(countriesOfOptions(options)).toEqual(['HK', 'KN', 'MM', 'TR', 'US']);
  });

  it('skips disabled separators and a first prompt whatever its value', () => {
    const options = [
      opt('0', '-- Choose --'),
      opt('ID', 'Indonesia'),
      opt('sep', '──────────', true),
      opt('MY', 'Malaysia'),
    ];
    expect(countriesOfOptions(options)).toEqual(['ID', 'MY']);
  });

  it('gives nothing for a list it cannot map rather than a wrong one', () => {
    const plans = [opt('basic', 'Basic plan'), opt('pro', 'Pro plan'), opt('team', 'Team')];
    expect(countriesOfOptions(plans)).toBeNull();
    // One odd row in a short list is too many: the list may mean "and others".
    const withOther = [opt('GB', 'United Kingdom'), opt('DE', 'Germany'), opt('x', 'Other')];
    expect(countriesOfOptions(withOther)).toBeNull();
    expect(countriesOfOptions([])).toBeNull();
  });

  it('gives nothing when a row says one country and dials another', () => {
    expect(optionCountries(opt('+44', 'Canada'))).toBe('conflict');
    expect(optionCountries(opt('DE', 'France (+33)'))).toBe('conflict');
    expect(countriesOfOptions([opt('DE', 'France'), opt('GB', 'United Kingdom')])).toBeNull();
  });

  it('does not hold a site’s own numeric ids against the names', () => {
    const ids = [opt('1', 'Afghanistan'), opt('2', 'Albania'), opt('3', 'Algeria')];
    expect(countriesOfOptions(ids)).toEqual(['AF', 'AL', 'DZ']);
  });

  it('accepts a long list with a few territories it cannot place', () => {
    const many = Array.from({ length: 40 }, (_, i) => opt(`+${i + 30}`, `+${i + 30}`)).filter(
      (o) => optionCountries(o) !== 'unmapped',
    );
    const list = countriesOfOptions([...many, opt('AQ', 'Antarctica')]);
    expect(list).not.toBeNull();
    expect(list).toContain('GB');
  });
});
