import type { AccountStanding } from './types.ts';

/** Fewer cancels than this left before the rating hits 0: warn before the next action. */
export const LOW_CANCELS_LEFT = 5;

/**
 * What to warn about before an action that may cost rating (a cancel, or an order that may run
 * out unanswered): `blocked` at 0 (the provider refuses purchases), `low` when the next few
 * cancels or timeouts would bring it to 0; null when there is no rating or it is far from 0.
 */
export function ratingWarning(s: AccountStanding | null, now: number): 'blocked' | 'low' | null {
  if (!s || s.rating === null) return null;
  if (s.rating <= 0 || (s.blockedUntil !== null && s.blockedUntil > now)) return 'blocked';
  // The worst next action is a timeout; count how many of those are left.
  const left = Math.floor((s.rating + 1e-9) / Math.max(s.timeoutCost, s.cancelCost));
  return left <= LOW_CANCELS_LEFT ? 'low' : null;
}
