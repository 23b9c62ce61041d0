import { t } from '@/lib/i18n.ts';
import type { Order } from '@/lib/orders/types.ts';
import { SwapButton } from './SwapButton.tsx';

interface Props {
  order: Order;
  /** Milliseconds until the provider accepts a cancel (0 or less: now). */
  lockLeft: number;
  /** "Try another number": cancel for a refund, the same offer again, the new number filled. */
  onAnother: () => void;
}

/** The signup page refused the number: its words, and one button that swaps it for a refund. */
export function RejectedBySite({ order, lockLeft, onAnother }: Props) {
  const rejected = order.rejectedBySite;
  if (!rejected || order.state !== 'waiting') return null;
  return (
    <div className="rejected" data-testid="order-rejected">
      <p role="alert" className="error">
        {t('popup.order.rejected.title', order.site.domain)}
      </p>
      {/* Plain text, never HTML: the page's own words. */}
      <p className="site-words">{rejected.text}</p>
      <SwapButton
        id={`rejected-locked-${order.id}`}
        label={t('popup.order.rejected.action')}
        lockLeft={lockLeft}
        onClick={onAnother}
      />
    </div>
  );
}
