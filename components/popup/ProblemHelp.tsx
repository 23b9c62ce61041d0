import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import { BackgroundError } from '../shared/background.ts';
import { problemText } from '../shared/problem.ts';

const RETRYABLE = new Set(['rate_limited', 'network', 'provider_down', 'malformed_reply']);

/** Any error as a problem with a kind ("internal" when the background gave none). */
export function asProblem(e: Error): { kind: string; message: string } {
  return e instanceof BackgroundError ? e : { kind: 'internal', message: e.message };
}

interface Props {
  problem: { kind: string; message: string };
  /** The provider's site, for a balance too low. */
  topUpUrl?: string | null;
  onRetry?: () => void;
}

/** An error that says what happened and offers the next step. */
export function ProblemHelp({ problem, topUpUrl, onRetry }: Props) {
  const { kind } = problem;
  return (
    <div role="alert" className="error problem" data-kind={kind}>
      <p>{problemText(problem)}</p>
      {kind === 'no_balance' && topUpUrl ? (
        <a href={topUpUrl} target="_blank" rel="noreferrer">
          {t('popup.problem.topUpAt', new URL(topUpUrl).host)}
        </a>
      ) : null}
      {kind === 'no_balance' && !topUpUrl ? <p>{t('popup.problem.topUpThenRetry')}</p> : null}
      {kind === 'no_numbers' ? <p>{t('popup.problem.pickAnotherCountry')}</p> : null}
      {kind === 'bad_key' ? (
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.problem.checkKey')}
        </button>
      ) : null}
      {onRetry && RETRYABLE.has(kind) ? (
        <button type="button" onClick={onRetry}>
          {t('popup.problem.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
