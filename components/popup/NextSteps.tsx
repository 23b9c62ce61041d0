import { useQuery } from '@tanstack/react-query';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { formatMoney } from '@/lib/money.ts';
import type { Order } from '@/lib/orders/types.ts';
import { COUNTRY_SEARCH_ID, offersQuery } from './offers-query.ts';
import { asProblem, ProblemHelp } from './ProblemHelp.tsx';
import { useOrdering } from './useOrdering.ts';

interface Props {
  order: Order;
  tabId: number;
}

/**
 * After a number that got no SMS: the same country again with better odds (Priority, or the same
 * tier where there is none), or another country from the list below.
 */
export function NextSteps({ order, tabId }: Props) {
  const offers = useQuery(offersQuery(order.service.code));
  const { order: again, busy, place } = useOrdering(tabId, order.service.code);
  if (order.state !== 'refunded' || order.cancelReason === 'another') return null;
  const here = (offers.data?.offers ?? []).filter(
    (o) => o.country === order.country.code && o.stock !== 0,
  );
  const offer = here.find((o) => o.tier === 'priority') ?? here.find((o) => o.tier === order.tier);
  const price = offer ? formatMoney(offer.price, currentLanguage()) : '';
  return (
    <div className="actions next-steps" data-testid="next-steps">
      {offer ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            place({
              country: order.country.code,
              tier: offer.tier,
              providerId: offer.providerId,
              price: offer.price,
            })
          }
        >
          {offer.tier === 'priority'
            ? t('guide.ended.tryPriority', price)
            : t('guide.ended.tryAgain', price)}
        </button>
      ) : null}
      <button type="button" onClick={() => document.getElementById(COUNTRY_SEARCH_ID)?.focus()}>
        {t('guide.ended.anotherCountry')}
      </button>
      {again.isError ? <ProblemHelp problem={asProblem(again.error)} /> : null}
    </div>
  );
}
