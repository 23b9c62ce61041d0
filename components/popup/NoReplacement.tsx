import { currentLanguage, t } from '@/lib/i18n.ts';
import type { NoReplacement as Reason } from '@/lib/orders/replacement.ts';
import type { Order } from '@/lib/orders/types.ts';
import { formatPrice } from '../shared/format.ts';
import { limitText } from '../shared/problem.ts';
import { countryLabel } from './offer-order.ts';

/** Why "Try another number" / "Cancel and get another" ordered nothing, in words. */
export function noReplacementText(reason: Reason, service: string): string {
  switch (reason.why) {
    case 'sold_out': {
      if (!reason.avoided) return t('popup.order.noReplacement.soldOut', service);
      const country = countryLabel(reason.avoided, currentLanguage(), t('common.virtual'));
      return t('popup.order.noReplacement.soldOutElsewhere', service, country);
    }
    case 'above_cap':
      return t(
        'popup.order.noReplacement.aboveCap',
        formatPrice(reason.cheapest),
        formatPrice(reason.cap),
      );
    case 'limit':
      return limitText(reason.refusal);
    case 'unlisted':
      return t('popup.order.noReplacement.unlisted');
  }
}

/** The order's last "another number" found nothing: said on its card (kept, or refunded). */
export function NoReplacement({ order }: { order: Order }) {
  const replacement = order.replacement;
  if (replacement?.kind !== 'none') return null;
  return (
    <p role="alert" className="error" data-testid="no-replacement">
      {noReplacementText(replacement.reason, order.service.name)}
    </p>
  );
}
