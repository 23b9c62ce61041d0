import { textReply } from '../http.ts';
import type { Dialect } from './types.ts';

/** Plain tokens with HTTP 200, `TOKEN:data` where there is data (sms-activate's own API). */
export const classicError = (token: string, data?: string | null) =>
  textReply(200, data ? `${token}:${data}` : token);

export const classic: Dialect = {
  name: 'classic',
  listing: 'activeActivations',
  numberV2: true,
  statusV2: false,
  v2Types: { id: 'number', cost: 'string', country: 'string' },
  endTime: true,
  maxPriceParams: ['maxPrice'],
  maxOpen: null,
  refusedCancel: 'classic',
  countries: 'record',
  error: classicError,
};
