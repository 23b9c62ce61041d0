import { currentLanguage, t, type MessageKey } from '@/lib/i18n.ts';
import { formatMoney } from '@/lib/money.ts';
import { boundCodeHost, codeFitsSite } from '@/lib/orders/code-host.ts';
import { cancelLockLeft, numberLive, outcomeOf } from '@/lib/orders/queries.ts';
import { notRefunded, refundPending } from '@/lib/orders/refund.ts';
import type { Order } from '@/lib/orders/types.ts';
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
import { RejectedBySite } from './RejectedBySite.tsx';
import { NoSmsNotice } from './NoSmsNotice.tsx';
import { AnotherSmsAction, useOrderAction, WaitingActions } from './OrderActions.tsx';

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

interface Props {
  order: Order;
  /** Where to add money, for an order that failed on the balance. */
  topUpUrl?: string | null;
  /** The options' switch: off, the checklist says to fill the number by hand. */
  autoFillPhone?: boolean;
  /** The order this one replaced, for what happened to it (swapped when no SMS came). */
  replaced?: Order | null;
}

/** Flag, service and country (and tier); the SMS window's countdown while the order is open. */
function OrderCardHeader({ order, open, now }: { order: Order; open: boolean; now: number }) {
  const windowLeft = (order.expiresAt ?? now) - now;
  return (
    <header className="row">
      <span>
        <span aria-hidden="true" className="flag">
          {flagEmoji(order.country.iso)}
        </span>{' '}
        {order.service.name} · {countryLabel(order.country, currentLanguage(), t('common.virtual'))}
        {order.tier === 'priority' ? ` · ${t('popup.order.priority')}` : ''}
      </span>
      {open && order.expiresAt ? (
        <span className="countdown" role="timer" aria-label={t('popup.order.timeLeft')}>
          {formatCountdown(windowLeft)}
        </span>
      ) : null}
    </header>
  );
}

/** The number, and its copy button while it is live. */
function OrderNumber({ order }: { order: Order }) {
  const numberToCopy = useNumberToCopy(order);
  const formatPhone = usePhoneFormat();
  if (!order.phone) return null;
  // A refunded or never-given number is dead: nothing to copy.
  const dead = !numberLive(order);
  return (
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
  );
}

/** The code and the SMS it came in; a code bound to another site says so. */
function OrderCode({ order }: { order: Order }) {
  return (
    <>
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
    </>
  );
}

export function OrderCard({ order, topUpUrl, autoFillPhone = true, replaced }: Props) {
  const now = useNow();
  const act = useOrderAction(order);
  const open = order.state === 'waiting' || order.state === 'cancelling';
  const lockLeft = cancelLockLeft(order, now);

  return (
    <section className="card order" aria-label={t('popup.order.label', order.service.name)}>
      <OrderCardHeader order={order} open={open} now={now} />
      <OrderNumber order={order} />
      <p role="status" className={`status status-${order.state}`} data-testid="order-status">
        {t(statusKey(order))}
      </p>
      <OrderSteps order={order} now={now} autoFillPhone={autoFillPhone} />
      <OrderCode order={order} />
      <p className="money">{moneyLine(order)}</p>
      {order.state === 'failed' && order.lastError ? (
        <ProblemHelp problem={order.lastError} topUpUrl={topUpUrl} />
      ) : null}
      {open && order.lastError ? <p className="hint">{openOrderProblem(order)}</p> : null}
      <AnotherSmsAction order={order} onRequest={() => act.mutate('popup.requestAnotherSms')} />
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
      <WaitingActions
        order={order}
        now={now}
        lockLeft={lockLeft}
        onAct={(action) => act.mutate(action)}
      />
    </section>
  );
}
