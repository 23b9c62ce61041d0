/**
 * Host dialects of the SMS-Activate protocol that the adapters must survive, switched on per
 * test through /control/quirks (all off by default):
 * - `cancel_answers_ready`: a refused cancel (too early, or a code exists) answers
 *   `ACCESS_READY`, as DaisySMS does, instead of EARLY_CANCEL_DENIED / BAD_STATUS;
 * - `status_ok_no_code`: a waiting order answers `STATUS_OK:NO_CODE` (a "no code" word after
 *   STATUS_OK) instead of STATUS_WAIT_CODE;
 * - `codasms_cancel_lock`: the CODASMS face refuses a cancel inside the early-cancel period
 *   (CODASMS documents none: off, a cancel refunds at once), answering `status: "waiting"`
 *   with `cancel_available_in_seconds`;
 * - `codasms_matrix_no_stock`: CODASMS services-matrix cells carry prices only (stock is given
 *   per service, as CODASMS's official client reads it).
 */
export const QUIRKS = [
  'cancel_answers_ready',
  'status_ok_no_code',
  'codasms_cancel_lock',
  'codasms_matrix_no_stock',
] as const;
export type Quirk = (typeof QUIRKS)[number];

export type Quirks = Set<Quirk>;
