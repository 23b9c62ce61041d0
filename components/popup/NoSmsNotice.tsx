import { t } from '@/lib/i18n.ts';
import { NO_SMS_STOP, noSmsMark } from '@/lib/orders/no-sms.ts';
import type { NoSmsMark, Order } from '@/lib/orders/types.ts';
import { usePhoneFormat } from '../shared/format.ts';
import { SwapButton } from './SwapButton.tsx';

/** Whether the card's primary button is this notice's "Try another number" (no second one). */
export function noSmsOffersSwap(order: Order): boolean {
  const mark = noSmsMark(order);
  if (order.state !== 'waiting' || !mark) return false;
  return mark.outcome === 'asked' || (mark.outcome === 'stopped' && mark.reason !== 'limit');
}

interface Props {
  order: Order;
  /** The order this one replaced ("try another number"), when the popup has it. */
  replaced?: Order | null;
  /** Milliseconds until the provider accepts a cancel (0 or less: now). */
  lockLeft: number;
  /** "Try another number": cancel for a refund, the same offer again, the new number filled. */
  onAnother: () => void;
}

/** No SMS within the options' minutes (lib/orders/no-sms.ts): asked, swapped, or why not. */
export function NoSmsNotice({ order, replaced, lockLeft, onAnother }: Props) {
  const formatPhone = usePhoneFormat();
  const mark = noSmsMark(order);
  const open = order.state === 'waiting' || order.state === 'cancelling';
  if (mark && open) return <OwnNotice {...{ order, mark, lockLeft, onAnother }} />;
  // The number before this one got no SMS and was swapped by the background.
  const before = replaced ? noSmsMark(replaced) : null;
  if (before?.outcome !== 'swapped' || !replaced?.phone) return null;
  return (
    <p className="hint" data-testid="order-no-sms">
      {t('popup.order.noSms.swapped', before.minutes, formatPhone(replaced.phone))}
    </p>
  );
}

function OwnNotice({
  order,
  mark,
  lockLeft,
  onAnother,
}: Omit<Props, 'replaced'> & { mark: NoSmsMark }) {
  if (mark.outcome === 'swapped') {
    return (
      <p className="hint" data-testid="order-no-sms">
        {t('popup.order.noSms.swapping', mark.minutes)}
      </p>
    );
  }
  if (order.state !== 'waiting') return null;
  const line =
    mark.outcome === 'asked'
      ? t('popup.order.noSms.ask', mark.minutes)
      : t('popup.order.noSms.stopped', mark.minutes, t(NO_SMS_STOP[mark.reason]));
  return (
    <div className="no-sms" data-testid="order-no-sms">
      <p role="status">{line}</p>
      {noSmsOffersSwap(order) ? (
        <SwapButton
          id={`no-sms-locked-${order.id}`}
          label={t('popup.order.noSms.action')}
          lockLeft={lockLeft}
          onClick={onAnother}
        />
      ) : null}
    </div>
  );
}
