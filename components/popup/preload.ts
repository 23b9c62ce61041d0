import type { QueryClient } from '@tanstack/react-query';
import { ask } from '../shared/background.ts';
import { targetTabId } from './target-tab.ts';
import { storedOrdersQuery } from './useOfferRanking.ts';

// The popup's first frame with offers used to wait for four hops in a row: the saved language,
// then (once React ran an effect) the target tab, then the tab's state, then the offers. The
// tab and its state are asked for here, as the page loads, alongside the language; the state
// brings the site's cached offers along (lib/background/handlers.ts).

export const tabKey = ['tab'] as const;
export const stateKey = (tabId: number) => ['state', tabId] as const;
export const fetchState = (tabId: number) => ask({ type: 'popup.getState', tabId });

/**
 * Looks up the target tab and starts fetching its state into `client`, where PopupApp's
 * queries find them. Resolves once the tab is known; never rejects (the queries retry).
 */
export async function preloadPopup(client: QueryClient): Promise<void> {
  // The offers' delivery records come from the stored orders: read alongside.
  void client.prefetchQuery(storedOrdersQuery);
  try {
    const tabId = await targetTabId();
    client.setQueryData(tabKey, tabId);
    if (tabId !== null) {
      void client.prefetchQuery({ queryKey: stateKey(tabId), queryFn: () => fetchState(tabId) });
    }
  } catch {
    // PopupApp asks for the tab itself.
  }
}
