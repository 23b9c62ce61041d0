/**
 * How one real host speaks the SMS-Activate protocol, as far as the sandbox's face needs to
 * know (README.md in this folder cites the public source of each choice).
 */
import type { Reply } from '../http.ts';

export const DIALECT_NAMES = ['classic', 'herosms', 'smsbower', 'daisysms', 'grizzly'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

type JsonType = 'string' | 'number';

export interface Dialect {
  name: DialectName;
  /**
   * getActiveActivations: the classic `{status, activeActivations: [...]}` (empty: the token
   * NO_ACTIVATIONS), HeroSMS's `{status, data: [...], activeActivations: {}}`, or no such
   * action at all (BAD_ACTION).
   */
  listing: 'activeActivations' | 'data' | 'none';
  /** getNumberV2 exists (BAD_ACTION otherwise). */
  numberV2: boolean;
  /** getStatusV2 (the SMS's full text) exists (BAD_ACTION otherwise). */
  statusV2: boolean;
  /** JSON types of getNumberV2's id, cost and country, as each host's samples show them. */
  v2Types: { id: JsonType; cost: JsonType; country: JsonType };
  /** Whether getNumberV2 tells when the window ends (`activationEndTime`). */
  endTime: boolean;
  /** Price-cap parameters the host reads, first found wins (DaisySMS: `max_price`). */
  maxPriceParams: readonly string[];
  /** Most open orders per key; one more is refused with TOO_MANY_ACTIVE_RENTALS. */
  maxOpen: number | null;
  /** What a refused cancel answers: the classic tokens, or DaisySMS's ACCESS_READY. */
  refusedCancel: 'classic' | 'ACCESS_READY';
  /** getCountries keyed by id (classic) or a plain list (SMSBower). */
  countries: 'record' | 'array';
  /**
   * An error in this host's words: `token` is the classic token (NO_BALANCE, NO_NUMBERS, ...),
   * `data` what classic puts after its colon (a price, a date).
   */
  error(token: string, data?: string | null): Reply;
}
