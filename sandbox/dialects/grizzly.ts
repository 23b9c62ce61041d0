import { classicError } from './classic.ts';
import type { Dialect } from './types.ts';

/**
 * GrizzlySMS: the classic tokens, plus getNumber failures in words ("the number has not been
 * issued") where classic says NO_NUMBERS; no listing action among its published ones.
 */
export const grizzly: Dialect = {
  name: 'grizzly',
  listing: 'none',
  numberV2: true,
  statusV2: false,
  v2Types: { id: 'number', cost: 'string', country: 'string' },
  endTime: true,
  maxPriceParams: ['maxPrice'],
  maxOpen: null,
  refusedCancel: 'classic',
  countries: 'record',
  error(token, data) {
    if (token === 'NO_NUMBERS') return classicError('the number has not been issued');
    return classicError(token, data);
  },
};
