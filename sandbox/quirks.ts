/**
 * Host dialects of the SMS-Activate protocol that the adapters must survive, switched on per
 * test through /control/quirks (all off by default):
 * - `cancel_answers_ready`: a refused cancel (too early, or a code exists) answers
 *   `ACCESS_READY`, as DaisySMS does, instead of EARLY_CANCEL_DENIED / BAD_STATUS;
 * - `status_ok_no_code`: a waiting order answers `STATUS_OK:NO_CODE` (a "no code" word after
 *   STATUS_OK) instead of STATUS_WAIT_CODE.
 */
export const QUIRKS = ['cancel_answers_ready', 'status_ok_no_code'] as const;
export type Quirk = (typeof QUIRKS)[number];

export type Quirks = Set<Quirk>;
