import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatMoney } from '@/lib/money.ts';
import { boundCodeHost, codeFitsSite } from '@/lib/orders/origin.ts';
import type { Order } from '@/lib/orders/types.ts';
import { ask } from '../shared/background.ts';
import { flagEmoji, formatCountdown, formatPhone } from '../shared/format.ts';
import { useNow } from './useNow.ts';
import { useNumberToCopy } from './useNumberToCopy.ts';

const STATUS: Record<Order['state'], string> = {
  ordering: 'Getting a number…',
  waiting: 'Waiting for the SMS',
  cancelling: 'Cancelling, refund on its way',
  received: 'Code received',
  completed: 'Code received',
  refunded: 'Refunded',
  failed: 'No number',
};

function moneyLine(order: Order): string {
  const price = order.price ? formatMoney(order.price) : null;
  switch (order.state) {
    case 'waiting':
    case 'cancelling':
      return price ? `${price} held; refunded if no code arrives` : '';
    case 'received':
    case 'completed':
      return price ? `Charged ${price}` : '';
    case 'refunded':
      return price ? `Refunded ${price}` : 'Nothing charged';
    case 'failed':
      return order.lastError?.message ?? 'Nothing charged';
    case 'ordering':
      return '';
  }
}

export function OrderCard({ order }: { order: Order }) {
  const now = useNow();
  const numberToCopy = useNumberToCopy(order);
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (
      type:
        'popup.cancelOrder' | 'popup.anotherNumber' | 'popup.fillAgain' | 'popup.requestAnotherSms',
    ) => ask({ type, orderId: order.id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['state'] }),
  });
  const open = order.state === 'waiting' || order.state === 'cancelling';
  const lockLeft = (order.cancelAllowedAt ?? 0) - now;
  const windowLeft = (order.expiresAt ?? now) - now;
  const canCancel = order.state === 'waiting' && lockLeft <= 0;

  return (
    <section className="card order" aria-label={`Order for ${order.service.name}`}>
      <header className="row">
        <span>
          {flagEmoji(order.country.iso)} {order.service.name} · {order.country.name}
          {order.tier === 'priority' ? ' · Priority' : ''}
        </span>
        {open && order.expiresAt ? (
          <span className="countdown" title="Time left for the SMS">
            {formatCountdown(windowLeft)}
          </span>
        ) : null}
      </header>
      {order.phone ? (
        <p className="number">
          <span data-testid="order-number">{formatPhone(order.phone)}</span>
          <button type="button" onClick={() => void navigator.clipboard.writeText(numberToCopy)}>
            Copy
          </button>
        </p>
      ) : null}
      <p role="status" className={`status status-${order.state}`} data-testid="order-status">
        {STATUS[order.state]}
      </p>
      {order.code ? (
        <p className="code">
          <output data-testid="order-code" aria-label="Verification code">
            {order.code}
          </output>
          <button
            type="button"
            onClick={() => void navigator.clipboard.writeText(order.code ?? '')}
          >
            Copy
          </button>
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
          This code is meant for {boundCodeHost(order)}, so it is not filled on {order.site.domain}.
        </p>
      ) : null}
      <p className="money">{moneyLine(order)}</p>
      {order.lastError && open ? <p className="hint">{order.lastError.message}</p> : null}
      {order.state === 'received' && order.anotherSms ? (
        <div className="actions">
          {order.resend === null ? (
            <button type="button" onClick={() => act.mutate('popup.requestAnotherSms')}>
              Request another SMS
            </button>
          ) : (
            <p className="hint">Waiting for another SMS…</p>
          )}
        </div>
      ) : null}
      {order.state === 'waiting' ? (
        <div className="actions">
          <button type="button" onClick={() => act.mutate('popup.fillAgain')}>
            Fill again
          </button>
          <button
            type="button"
            disabled={!canCancel}
            onClick={() => act.mutate('popup.cancelOrder')}
          >
            {canCancel ? 'Cancel & refund' : `Cancel in ${formatCountdown(lockLeft)}`}
          </button>
          <button
            type="button"
            disabled={!canCancel}
            onClick={() => act.mutate('popup.anotherNumber')}
          >
            Try another number
          </button>
        </div>
      ) : null}
    </section>
  );
}
