import type { ProviderWait } from '@/lib/background/offers-progress.ts';
import type { Unanswered } from '@/lib/providers/offers.ts';
import { t } from '@/lib/i18n.ts';
import { formatClock } from '../shared/format.ts';
import type { Problem } from './ProblemHelp.tsx';

/** How long a provider may keep the offers waiting before the popup names it. */
export const WAIT_NAMED_MS = 5_000;
/** Past one request's timeout (lib/providers/http.ts): the adapter is retrying by then. */
export const RETRYING_MS = 15_000;

/**
 * What the popup says while offers load: who it waits for and why, where the background knows
 * (a provider that answered HTTP 429 or its rate-limit reply, one slow to answer). `pricesAt`:
 * when the prices shown meanwhile were fetched; null when none are shown. Null: nothing to say
 * yet (the first seconds of an ordinary load).
 */
export function waitNote(
  waiting: readonly ProviderWait[],
  now: number,
  pricesAt: number | null,
): string | null {
  const limited = waiting.find((w) => w.limitedUntil !== null && w.limitedUntil > now);
  if (limited?.limitedUntil) {
    if (pricesAt !== null) {
      return t('popup.offers.limitedPricesFrom', limited.provider, formatClock(pricesAt));
    }
    const seconds = Math.ceil((limited.limitedUntil - now) / 1000);
    return t('popup.offers.limited', limited.provider, String(seconds));
  }
  const [slowest] = waiting
    .filter((w) => now - w.since >= WAIT_NAMED_MS)
    .sort((a, b) => a.since - b.since);
  if (!slowest) return null;
  const who =
    now - slowest.since >= RETRYING_MS
      ? t('popup.offers.retrying', slowest.provider)
      : t('popup.offers.stillWaiting', slowest.provider);
  return pricesAt === null ? who : `${who} ${t('popup.offers.updating', formatClock(pricesAt))}`;
}

/**
 * A failed refresh while older prices stay shown: a provider limiting requests is said in one
 * line with the prices' time; other problems keep their own words (null).
 */
export function staleProblemText(problem: Problem, pricesAt: number): string | null {
  if (problem.kind !== 'rate_limited' || !problem.provider) return null;
  return t('popup.offers.limitedPricesFrom', problem.provider, formatClock(pricesAt));
}

/** A provider left out of the list because it failed while another answered, in words. */
export function leftOutText(u: Unanswered): string {
  return u.kind === 'rate_limited'
    ? t('popup.offers.leftOutLimited', u.provider)
    : t('popup.offers.leftOut', u.provider);
}
