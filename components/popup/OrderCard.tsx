import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentLanguage, t, type MessageKey } from '@/lib/i18n.ts';
import { formatMoney } from '@/lib/money.ts';
import { boundCodeHost, codeFitsSite } from '@/lib/orders/code-host.ts';
import { cancelLockLeft, mayCancel, numberLive, outcomeOf } from '@/lib/orders/queries.ts';
import { notRefunded, refundPending } from '@/lib/orders/refund.ts';
import type { Order } from '@/lib/orders/types.ts';
import { ask } from '../shared/background.ts';
import { CopyButton } from '../shared/CopyButton.tsx';
import { flagEmoji, formatCountdown, usePhoneFormat } from '../shared/format.ts';
import { countryLabel } from './offer-order.ts';
import { openOrderProblem } from '../shared/problem.ts';
import { asProblem, ProblemHelp } from './ProblemHelp.tsx';
import { NoReplacement } from './NoReplacement.tsx';
import { endedReason } from './order-story.ts';
import { OrderSteps } from './OrderSteps.tsx';
import { useNow } from './useNow.ts';
import { useNumberToCopy } from './useNumberToCopy.ts';
import { RatingWarning } from './RatingWarning.tsx';
import { RejectedBySite } from './RejectedBySite.tsx';
import { NoSmsNotice, noSmsOffersSwap } from './NoSmsNotice.tsx';

const STATUS: Record<Order['state'], MessageKey> = {
  ordering: 'popup.order.status.ordering',
  waiting: 'popup.order.status.waiting',
  cancelling: 'popup.order.status.cancelling',
  received: 'popup.order.status.received',
  completed: 'popup.order.status.received',
  refunded: 'popup.order.status.refunded',
  failed: 'popup.order.status.failed',
};

/** The status line; a refund counts only once the provider confirmed it (refund.ts). */
function statusKey(order: Order): MessageKey {
  if (notRefunded(order)) return 'popup.order.refundCheck.missing';
  if (refundPending(order)) return 'popup.order.refundCheck.pending';
  return STATUS[order.state];
}

function moneyLine(order: Order): string {
  const price = order.price ? formatMoney(order.price, currentLanguage()) : null;
  if (notRefunded(order)) return t('popup.order.refundCheck.missingLine', price ?? '—');
  const ended = endedReason(order);
  if (ended) return t(ended.key, ended.minutes, price ?? t('guide.ended.nothingCharged'));
  switch (outcomeOf(order)) {
    case 'open':
    case 'refund pending':
      return price ? t('popup.order.held', price) : '';
    case 'charged':
      return price ? t('popup.order.charged', price) : '';
    case 'refunded':
    case 'rejected by site':
      return price ? t('popup.order.refunded', price) : t('popup.order.nothingCharged');
    case 'no number':
    case 'not refunded':
      return t('popup.order.nothingCharged');
  }
}

type Action =
  'popup.cancelOrder' | 'popup.anotherNumber' | 'popup.fillAgain' | 'popup.requestAnotherSms';

interface Props {
  order: Order;
  /** Where to add money, for an order that failed on the balance. */
  topUpUrl?: string | null;
  /** The options' switch: off, the checklist says to fill the number by hand. */
  autoFillPhone?: boolean;
  /** The order this one replaced, for what happened to it (swapped when no SMS came). */
  replaced?: Order | null;
}

export function OrderCard({ order, topUpUrl, autoFillPhone = true, replaced }: Props) {
  const now = useNow();
  const numberToCopy = useNumberToCopy(order);
  const formatPhone = usePhoneFormat();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (type: Action) => ask({ type, orderId: order.id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['state'] }),
  });
  const open = order.state === 'waiting' || order.state === 'cancelling';
  const lockLeft = cancelLockLeft(order, now);
  const windowLeft = (order.expiresAt ?? now) - now;
  const canCancel = mayCancel(order, now);
  // A refunded or never-given number is dead: nothing to copy.
  const dead = !numberLive(order);
  const lockedId = `locked-${order.id}`;

  return (
    <section className="card order" aria-label={t('popup.order.label', order.service.name)}>
      <header className="row">
        <span>
          <span aria-hidden="true" className="flag">
            {flagEmoji(order.country.iso)}
          </span>{' '}
          {order.service.name} ·{' '}
          {countryLabel(order.country, currentLanguage(), t('common.virtual'))}
          {order.tier === 'priority' ? ` · ${t('popup.order.priority')}` : ''}
        </span>
        {open && order.expiresAt ? (
          <span className="countdown" role="timer" aria-label={t('popup.order.timeLeft')}>
            {formatCountdown(windowLeft)}
          </span>
        ) : null}
      </header>
      {order.phone ? (
        <p className="number">
          <span data-testid="order-number">{formatPhone(order.phone)}</span>
          {dead ? null : (
            <CopyButton
              text={numberToCopy}
              shown={formatPhone(order.phone)}
              label="common.copyNumber"
            />
          )}
        </p>
      ) : null}
      <p role="status" className={`status status-${order.state}`} data-testid="order-status">
        {t(statusKey(order))}
      </p>
      <OrderSteps order={order} now={now} autoFillPhone={autoFillPhone} />
      {order.code ? (
        <p className="code">
          <output data-testid="order-code" aria-label={t('popup.order.codeLabel')}>
            {order.code}
          </output>
          <CopyButton text={order.code} label="common.copyCode" />
        </p>
      ) : null}
      {order.smsText ? (
        // Plain text, never HTML: an SMS is written by strangers.
        <p className="sms" data-testid="order-sms">
          {order.smsText}
        </p>
      ) : null}
      {order.code && !codeFitsSite(order) ? (
        <p role="alert" className="error">
          {t('popup.order.boundElsewhere', boundCodeHost(order) ?? '', order.site.domain)}
        </p>
      ) : null}
      <p className="money">{moneyLine(order)}</p>
      {order.state === 'failed' && order.lastError ? (
        <ProblemHelp problem={order.lastError} topUpUrl={topUpUrl} />
      ) : null}
      {open && order.lastError ? <p className="hint">{openOrderProblem(order)}</p> : null}
      {order.state === 'received' && order.anotherSms ? (
        <div className="actions">
          {order.resend === null ? (
            <button type="button" onClick={() => act.mutate('popup.requestAnotherSms')}>
              {t('popup.order.requestAnotherSms')}
            </button>
          ) : (
            <p className="hint">{t('popup.order.waitingAnotherSms')}</p>
          )}
        </div>
      ) : null}
      <RejectedBySite
        order={order}
        lockLeft={lockLeft}
        onAnother={() => act.mutate('popup.anotherNumber')}
      />
      <NoReplacement order={order} />
      {act.isError ? <ProblemHelp problem={asProblem(act.error)} /> : null}
      <NoSmsNotice
        order={order}
        replaced={replaced}
        lockLeft={lockLeft}
        onAnother={() => act.mutate('popup.anotherNumber')}
      />
      {order.state === 'waiting' ? (
        <div className="actions">
          <button type="button" onClick={() => act.mutate('popup.fillAgain')}>
            {t('popup.order.fillAgain')}
          </button>
          <button
            type="button"
            disabled={!canCancel}
            onClick={() => act.mutate('popup.cancelOrder')}
          >
            {canCancel
              ? t('popup.order.cancel')
              : t('popup.order.cancelIn', formatCountdown(lockLeft))}
          </button>
          {/* Rejected by the site, or no SMS: the same swap is the card's primary button above. */}
          {order.rejectedBySite || noSmsOffersSwap(order) ? null : (
            <>
              <button
                type="button"
                disabled={!canCancel}
                aria-describedby={canCancel ? undefined : lockedId}
                onClick={() => act.mutate('popup.anotherNumber')}
              >
                {t('popup.order.anotherNumber')}
              </button>
              {canCancel ? null : (
                <p className="hint" id={lockedId}>
                  {t('guide.ended.cancelLocked', formatCountdown(lockLeft))}
                </p>
              )}
            </>
          )}
          {/* A cancel costs rating at some providers (5sim): said beside the button. */}
          <RatingWarning providerId={order.providerId} />
        </div>
      ) : null}
    </section>
  );
}
