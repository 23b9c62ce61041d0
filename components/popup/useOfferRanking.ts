import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import {
  chanceOf,
  offerKey,
  serviceHistory,
  type DeliveryStats,
} from '@/lib/history/delivery-stats.ts';
import type { PopupState } from '@/lib/messaging.ts';
import type { Offer, Tier } from '@/lib/providers/types.ts';
import { ordersItem, readAllOrders, updatePreferences, type OfferSort } from '@/lib/storage.ts';
import { sortOf, usePopupStore } from './store.ts';

/**
 * Every stored order, read from the extension's storage (the history page reads it the same
 * way): the popup works out each offer's delivery record from it. Prefetched with the state
 * (preload.ts), so the first frame is already in its final order.
 */
export const storedOrdersQuery = {
  queryKey: ['storedOrders'],
  queryFn: () => readAllOrders(),
};

export interface OfferRanking {
  sort: OfferSort;
  setSort: (sort: OfferSort) => void;
  /** The preferences the rows are ordered by: the service's last used country leads. */
  rowPreferences: PopupState['preferences'];
  /** The tier of the service's last used offer (its row is pinned "last used"). */
  lastUsedTier: Tier | null;
  /** Best chance chosen: each offer's chance of a code; null when sorted by price. */
  chance: ((offer: Offer) => number) | null;
  /** The user's record of an offer of this service, if any order of it counted. */
  statsOf: (offer: Offer) => DeliveryStats | undefined;
}

/** How the offer list is ranked: the remembered sort and the user's own record per offer. */
export function useOfferRanking(
  service: string,
  preferences: PopupState['preferences'],
): OfferRanking {
  const client = useQueryClient();
  // The choice shows at once; it is stored for the next popup (the state brings it back).
  const sort = usePopupStore((s) => sortOf(s, preferences.offerSort));
  const setSortNow = usePopupStore((s) => s.setSort);
  const stored = useQuery(storedOrdersQuery);
  // An order ending while the popup is open counts at once.
  useEffect(
    () => ordersItem.watch(() => void client.invalidateQueries({ queryKey: ['storedOrders'] })),
    [client],
  );
  const history = useMemo(() => serviceHistory(stored.data ?? [], service), [stored.data, service]);
  const statsOf = (o: Offer) => history.stats.get(offerKey({ ...o, service }));
  const chanceOfOffer = (o: Offer) => chanceOf(statsOf(o), o.providerRate ?? null);
  const last = history.lastUsed;
  return {
    sort,
    setSort: (next) => {
      setSortNow(next);
      void updatePreferences({ offerSort: next });
    },
    rowPreferences: { ...preferences, lastCountry: last?.country ?? preferences.lastCountry },
    lastUsedTier: last?.tier ?? null,
    chance: sort === 'bestChance' ? chanceOfOffer : null,
    statsOf,
  };
}
