import { classicError } from './classic.ts';
import type { Dialect } from './types.ts';

/** SMSBower: no getActiveActivations, getNumberV2 with string fields and no end time. */
export const smsbower: Dialect = {
  name: 'smsbower',
  listing: 'none',
  numberV2: true,
  statusV2: false,
  v2Types: { id: 'string', cost: 'string', country: 'string' },
  endTime: false,
  maxPriceParams: ['maxPrice'],
  maxOpen: null,
  refusedCancel: 'classic',
  countries: 'array',
  error: classicError,
};
