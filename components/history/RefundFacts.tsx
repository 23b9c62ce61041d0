import { t } from '@/lib/i18n.ts';
import { supportFacts } from '@/lib/history/support.ts';
import { notRefunded } from '@/lib/orders/refund.ts';
import type { Order } from '@/lib/orders/types.ts';
import { CopyButton } from '../shared/CopyButton.tsx';
import { usePhoneFormat } from '../shared/format.ts';

/** A refund that never came: the facts for the provider's support, shown and copyable. */
export function RefundFacts({ order }: { order: Order }) {
  const formatPhone = usePhoneFormat();
  if (!notRefunded(order)) return null;
  const facts = supportFacts(order);
  const about = order.phone ? formatPhone(order.phone) : order.service.name;
  return (
    <details className="support-facts" open>
      <summary>{t('history.refundCheck.title')}</summary>
      <pre data-testid="support-facts">{facts}</pre>
      <CopyButton text={facts} shown={about} label="history.refundCheck.copy" />
    </details>
  );
}
