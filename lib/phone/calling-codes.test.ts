import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { expect, it } from 'vitest';
import { callingCodeOf } from './calling-codes.ts';
import { dialCodeFor } from './index.ts';

it('agrees with libphonenumber-js on every country it knows', () => {
  for (const iso of getCountries()) {
    expect(callingCodeOf(iso), iso).toBe(`+${getCountryCallingCode(iso)}`);
    expect(callingCodeOf(iso.toLowerCase())).toBe(dialCodeFor(iso));
  }
});

it('knows no code for an unknown country', () => {
  expect(callingCodeOf('XX')).toBeNull();
  expect(callingCodeOf('')).toBeNull();
});
