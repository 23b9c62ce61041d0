import { isAppErrorKind, type AppErrorKind } from '@/lib/errors.ts';
import { t, type MessageKey } from '@/lib/i18n.ts';
import type { LimitRefusal } from '@/lib/orders/limits.ts';
import type { Order } from '@/lib/orders/types.ts';
import { formatClock, formatPrice } from './format.ts';

/**
 * What happened, in the interface language, for every error kind that reaches the UI: a kind
 * without words does not compile. null: the error's own message, already in words (an
 * unexpected error, or one this page worded itself).
 */
export const PROBLEM_WORDS: Readonly<Record<AppErrorKind, MessageKey | null>> = {
  bad_key: 'popup.problem.badKey',
  no_balance: 'popup.problem.noBalance',
  no_numbers: 'popup.problem.noNumbers',
  rate_limited: 'popup.problem.rateLimited',
  price_above_cap: 'popup.problem.priceAboveCap',
  network: 'popup.problem.network',
  provider_down: 'popup.problem.providerDown',
  malformed_reply: 'popup.problem.providerDown',
  banned: 'popup.problem.banned',
  unavailable: 'popup.problem.unavailable',
  too_early_to_cancel: 'popup.problem.tooEarly',
  price_moved: 'providerRules.priceMoved',
  not_found: 'providerProblem.notFound',
  code_already_received: 'providerProblem.codeAlreadyReceived',
  in_progress: 'providerProblem.inProgress',
  limit_reached: 'popup.problem.limitReached',
  bad_message: 'popup.problem.badMessage',
  no_provider: 'popup.problem.noProvider',
  not_a_site: 'popup.problem.notASite',
  not_a_web_page: 'popup.problem.notAWebPage',
  no_another_sms: 'popup.problem.noAnotherSms',
  internal: null,
};

/** The same, naming the provider that failed where the background says which (offers). */
const WHAT_NAMED: Partial<Record<AppErrorKind, MessageKey>> = {
  bad_key: 'popup.problem.badKeyBy',
  rate_limited: 'popup.problem.rateLimitedBy',
  network: 'popup.problem.networkBy',
  provider_down: 'popup.problem.providerDownBy',
  malformed_reply: 'popup.problem.providerDownBy',
};

/** Which spending limit refused an order, with its numbers. */
export function limitText(refusal: LimitRefusal): string {
  switch (refusal.limit) {
    case 'daily':
      return t('popup.problem.limitDaily', formatPrice(refusal.cap), formatPrice(refusal.spent));
    case 'floor':
      return t(
        'popup.problem.limitFloor',
        formatPrice(refusal.floor),
        formatPrice(refusal.balance),
      );
    case 'visit':
      return t('popup.problem.limitVisit', String(refusal.max), refusal.domain);
  }
}

/** The problem in words, in the interface language (PROBLEM_WORDS). */
export function problemText(problem: {
  kind: string;
  message: string;
  price?: unknown;
  limit?: LimitRefusal | null;
  provider?: string | null;
}): string {
  // A moved price with no offer left: the offer is gone.
  if (problem.kind === 'price_moved' && problem.price === null) return t('providerRules.offerGone');
  if (problem.kind === 'limit_reached' && problem.limit) return limitText(problem.limit);
  // A kind from another build of the background: its own message.
  if (!isAppErrorKind(problem.kind)) return problem.message;
  const named = problem.provider ? WHAT_NAMED[problem.kind] : undefined;
  if (named && problem.provider) return t(named, problem.provider);
  const key = PROBLEM_WORDS[problem.kind];
  return key ? t(key) : problem.message;
}

/**
 * What went wrong last on an order still open. A cancel the provider refused says when it is
 * tried again, so nobody cancels by hand in between (the refund comes by itself).
 */
export function openOrderProblem(
  order: Pick<Order, 'lastError' | 'cancelAllowedAt'>,
): string | null {
  const error = order.lastError;
  if (!error) return null;
  if (error.kind === 'too_early_to_cancel' && order.cancelAllowedAt) {
    return t('popup.problem.tooEarlyAt', formatClock(order.cancelAllowedAt));
  }
  return problemText(error);
}
