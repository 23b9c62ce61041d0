import type { PopupState } from '@/lib/messaging.ts';
import { ask, BackgroundError } from '../shared/background.ts';

/**
 * The background already retried a provider's transient failures (lib/providers/http.ts
 * withRetry): asking again from here multiplied them (12 provider attempts, up to half a
 * minute before the problem showed). Only a background that did not answer is asked again.
 */
export function retryOffers(failures: number, error: Error): boolean {
  return failures < 1 && !(error instanceof BackgroundError && error.kind !== 'internal');
}

/** Offers older than this are asked for again (and shown as "updating" meanwhile). */
export const OFFERS_STALE_MS = 30_000;

/** The service's offers and the balance, as the offer list and the next-step buttons share them. */
export function offersQuery(service: string, cached?: PopupState['offers']) {
  return {
    queryKey: ['offers', service],
    queryFn: () => ask({ type: 'popup.getOffers', service }),
    staleTime: OFFERS_STALE_MS,
    retry: retryOffers,
    // Stale from when the background fetched them, so they are refetched as before.
    initialData: cached ?? undefined,
    initialDataUpdatedAt: cached?.at,
  };
}

/** Where the offer list's country search is, for "Another country". */
export const COUNTRY_SEARCH_ID = 'country-search';
