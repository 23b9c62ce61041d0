import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ask } from '../shared/background.ts';
import type { Pick } from './OfferRowItem.tsx';
import { popupStore, usePopupStore } from './store.ts';

/**
 * Placing an order from any of the popup's order buttons (the list's rows, "Try Priority"): one
 * at a time, so a second click anywhere cannot buy a second number while the first is asked for.
 */
export function useOrdering(tabId: number, service: string) {
  const client = useQueryClient();
  const busy = usePopupStore((s) => s.pending !== null);
  const order = useMutation({
    mutationFn: (pick: Pick) => ask({ type: 'popup.createOrder', tabId, service, ...pick }),
    // The buttons wait until the popup shows the outcome (the new order's card, or the problem).
    onSettled: async (_order, error) => {
      try {
        await client.invalidateQueries({ queryKey: ['state'] });
      } finally {
        if (!error) popupStore.getState().ordered();
        popupStore.getState().finish();
      }
    },
  });
  const place = (pick: Pick) => {
    if (popupStore.getState().start('ordering')) order.mutate(pick);
  };
  return { order, busy, place };
}
