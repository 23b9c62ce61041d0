import browser from 'webextension-polyfill';
import { isAppErrorKind, RETRYABLE_KINDS } from '@/lib/errors.ts';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { formatMoney, type Money } from '@/lib/money.ts';
import type { LimitRefusal } from '@/lib/orders/limits.ts';
import { BackgroundError } from '../shared/background.ts';
import { problemText } from '../shared/problem.ts';

export interface Problem {
  kind: string;
  message: string;
  /** price_moved: the price asked now (null: the offer is gone). */
  price?: Money | null;
  /** limit_reached: which spending limit refused the order. */
  limit?: LimitRefusal | null;
  /** The provider that failed, where the background says (it is then named). */
  provider?: string | null;
}

/** Any error as a problem with a kind ("internal" when the background gave none). */
export function asProblem(e: Error): Problem {
  return e instanceof BackgroundError ? e : { kind: 'internal', message: e.message };
}

interface Props {
  problem: Problem;
  /** price_moved: order again at the new price (one click). */
  onAccept?: (price: Money) => void;
  /** The provider's site, for a balance too low. */
  topUpUrl?: string | null;
  onRetry?: () => void;
  /** Words that say more than the kind's own (a provider limiting requests, with prices). */
  text?: string;
}

/** An error that says what happened and offers the next step. */
export function ProblemHelp({ problem, topUpUrl, onRetry, onAccept, text }: Props) {
  const { kind } = problem;
  const moved = kind === 'price_moved' && problem.price ? problem.price : null;
  const movedText = moved ? formatMoney(moved, currentLanguage()) : null;
  return (
    <div role="alert" className="error problem" data-kind={kind}>
      <p>{text ?? problemText(problem)}</p>
      {kind === 'no_balance' && topUpUrl ? (
        <a href={topUpUrl} target="_blank" rel="noreferrer">
          {t('popup.problem.topUpAt', new URL(topUpUrl).host)}
        </a>
      ) : null}
      {kind === 'no_balance' && !topUpUrl ? <p>{t('popup.problem.topUpThenRetry')}</p> : null}
      {kind === 'no_numbers' ? <p>{t('popup.problem.pickAnotherCountry')}</p> : null}
      {moved && movedText ? <p>{t('providerRules.priceMovedTo', movedText)}</p> : null}
      {moved && movedText && onAccept ? (
        <button type="button" onClick={() => onAccept(moved)}>
          {t('providerRules.acceptPrice', movedText)}
        </button>
      ) : null}
      {kind === 'bad_key' ? (
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.problem.checkKey')}
        </button>
      ) : null}
      {kind === 'limit_reached' ? (
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.problem.changeLimits')}
        </button>
      ) : null}
      {onRetry && isAppErrorKind(kind) && RETRYABLE_KINDS.has(kind) ? (
        <button type="button" onClick={onRetry}>
          {t('popup.problem.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
