import { classicError } from './classic.ts';
import type { Dialect } from './types.ts';

/** DaisySMS's own words for classic errors. */
const RENAMED: Record<string, string> = {
  NO_BALANCE: 'NO_MONEY',
  WRONG_MAX_PRICE: 'MAX_PRICE_EXCEEDED',
};

/**
 * DaisySMS: legacy actions only (no getNumberV2, no listing), `max_price` in dollars (maxPrice
 * as an alias), 20 open rentals, ACCESS_READY answering a cancel it refuses.
 */
export const daisysms: Dialect = {
  name: 'daisysms',
  listing: 'none',
  numberV2: false,
  statusV2: false,
  v2Types: { id: 'number', cost: 'string', country: 'string' },
  endTime: false,
  maxPriceParams: ['max_price', 'maxPrice'],
  maxOpen: 20,
  refusedCancel: 'ACCESS_READY',
  countries: 'record',
  error(token, data) {
    if (Object.hasOwn(RENAMED, token)) return classicError(RENAMED[token] ?? token);
    return classicError(token, data);
  },
};
