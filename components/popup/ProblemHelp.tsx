import browser from 'webextension-polyfill';
import { t, type MessageKey } from '@/lib/i18n.ts';
import { BackgroundError } from '../shared/background.ts';

/** What happened, in the interface language, for each error kind the background reports. */
const WHAT: Partial<Record<string, MessageKey>> = {
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
};

const RETRYABLE = new Set(['rate_limited', 'network', 'provider_down', 'malformed_reply']);

/** The problem in words; the background's own message for kinds the popup does not know. */
export function problemText(problem: { kind: string; message: string }): string {
  const key = WHAT[problem.kind];
  return key ? t(key) : problem.message;
}

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
