import { useMutation } from '@tanstack/react-query';
import { t } from '@/lib/i18n.ts';
import { cancelLockLeft, mayCancel } from '@/lib/orders/queries.ts';
import type { Order } from '@/lib/orders/types.ts';
import { ask } from '../shared/background.ts';
import { formatCountdown } from '../shared/format.ts';
import { useNow } from '../popup/useNow.ts';

/** An order still waiting, in the history: its time left and a way to cancel it from here. */
export function OpenOrder({ order }: { order: Order }) {
  const now = useNow();
  const cancel = useMutation({
    mutationFn: () => ask({ type: 'popup.cancelOrder', orderId: order.id }),
  });
  if (order.state !== 'waiting' || !order.expiresAt) return null;
  const canCancel = mayCancel(order, now);
  const shown = canCancel
    ? t('popup.order.cancel')
    : t('popup.order.cancelIn', formatCountdown(cancelLockLeft(order, now)));
  return (
    <>
      {' · '}
      <span className="countdown" role="timer" aria-label={t('popup.order.timeLeft')}>
        {formatCountdown(order.expiresAt - now)}
      </span>{' '}
      <button
        type="button"
        disabled={!canCancel || cancel.isPending}
        // The visible words first, then which order: several may be open.
        aria-label={t('guide.history.cancelNamed', shown, order.service.name)}
        onClick={() => cancel.mutate()}
      >
        {shown}
      </button>
    </>
  );
}
