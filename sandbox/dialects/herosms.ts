import { jsonReply, textReply } from '../http.ts';
import type { Dialect } from './types.ts';

/**
 * HeroSMS answers errors with a JSON envelope `{title, details, info?}` and an HTTP status;
 * the title is the classic token. The status per title is ours where the source is silent.
 */
const STATUS: Record<string, number> = {
  BAD_KEY: 401,
  NO_KEY: 401,
  NO_BALANCE: 402,
  NO_ACTIVATION: 404,
  NOT_FOUND: 404,
  NO_NUMBERS: 404,
  EARLY_CANCEL_DENIED: 409,
  BAD_STATUS: 409,
  WRONG_MAX_PRICE: 409,
  BANNED: 409,
  BAD_SERVICE: 422,
  BAD_ACTION: 422,
  TOO_MANY_REQUESTS: 429,
};

const DETAILS: Record<string, string> = {
  NO_BALANCE: 'Insufficient balance',
  NO_ACTIVATION: 'Activation not found',
  EARLY_CANCEL_DENIED: 'Cannot cancel activation within the first 2 minutes',
  WRONG_MAX_PRICE: 'Maximum price is too low',
};

function info(token: string, data: string | null | undefined) {
  if (!data) return undefined;
  if (token === 'WRONG_MAX_PRICE') return { min: Number(data) };
  if (token === 'BANNED') return { readable_date: data };
  return undefined;
}

export const herosms: Dialect = {
  name: 'herosms',
  listing: 'data',
  numberV2: true,
  statusV2: true,
  v2Types: { id: 'string', cost: 'number', country: 'number' },
  endTime: true,
  maxPriceParams: ['maxPrice'],
  maxOpen: null,
  refusedCancel: 'classic',
  countries: 'record',
  error(token, data) {
    if (token === 'ERROR_SQL') return textReply(500, 'ERROR_SQL');
    const status = Object.hasOwn(STATUS, token) ? (STATUS[token] ?? 400) : 400;
    const details = Object.hasOwn(DETAILS, token) ? DETAILS[token] : token.toLowerCase();
    return jsonReply(status, { title: token, details, info: info(token, data) });
  },
};
