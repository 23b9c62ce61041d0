import { useMutation, useQueryClient } from '@tanstack/react-query';
import { t } from '@/lib/i18n.ts';
import { mayCancel } from '@/lib/orders/queries.ts';
import type { Order } from '@/lib/orders/types.ts';
import { ask } from '../shared/background.ts';
import { formatCountdown } from '../shared/format.ts';
import { noSmsOffersSwap } from './NoSmsNotice.tsx';
import { RatingWarning } from './RatingWarning.tsx';

// The order card's buttons (OrderCard.tsx puts them on the card).

export type OrderAction =
  'popup.cancelOrder' | 'popup.anotherNumber' | 'popup.fillAgain' | 'popup.requestAnotherSms';

/** One of the card's buttons asked of the background; the popup's state is read again after. */
export function useOrderAction(order: Order) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (type: OrderAction) => ask({ type, orderId: order.id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['state'] }),
  });
}

/** A received code, at a provider that sends another SMS: ask for it, or say it is awaited. */
export function AnotherSmsAction({ order, onRequest }: { order: Order; onRequest: () => void }) {
  if (order.state !== 'received' || !order.anotherSms) return null;
  return (
    <div className="actions">
      {order.resend === null ? (
        <button type="button" onClick={onRequest}>
          {t('popup.order.requestAnotherSms')}
        </button>
      ) : (
        <p className="hint">{t('popup.order.waitingAnotherSms')}</p>
      )}
    </div>
  );
}

interface WaitingProps {
  order: Order;
  now: number;
  /** Milliseconds until the provider accepts a cancel (0 or less: now). */
  lockLeft: number;
  onAct: (action: OrderAction) => void;
}

/** While the SMS is awaited: fill again, cancel, another number (each once the provider lets). */
export function WaitingActions({ order, now, lockLeft, onAct }: WaitingProps) {
  if (order.state !== 'waiting') return null;
  const canCancel = mayCancel(order, now);
  const lockedId = `locked-${order.id}`;
  return (
    <div className="actions">
      <button type="button" onClick={() => onAct('popup.fillAgain')}>
        {t('popup.order.fillAgain')}
      </button>
      <button type="button" disabled={!canCancel} onClick={() => onAct('popup.cancelOrder')}>
        {canCancel ? t('popup.order.cancel') : t('popup.order.cancelIn', formatCountdown(lockLeft))}
      </button>
      {/* Rejected by the site, or no SMS: the same swap is the card's primary button above. */}
      {order.rejectedBySite || noSmsOffersSwap(order) ? null : (
        <>
          <button
            type="button"
            disabled={!canCancel}
            aria-describedby={canCancel ? undefined : lockedId}
            onClick={() => onAct('popup.anotherNumber')}
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
  );
}
