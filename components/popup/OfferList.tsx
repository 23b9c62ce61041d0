import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import type { OffersReply, PopupState } from '@/lib/messaging.ts';
import type { Offer } from '@/lib/providers/types.ts';
import {
  applyPriceCap,
  countryLabel,
  filterRows,
  groupOffers,
  orderRows,
  siteFit,
  type OfferRow,
} from './offer-order.ts';
import {
  CapNote,
  CountrySearch,
  FreshnessNote,
  LoadingNote,
  OfferNotes,
  OfferRows,
} from './OfferRows.tsx';
import type { Wallet } from './OfferRowItem.tsx';
import { asProblem, ProblemHelp } from './ProblemHelp.tsx';
import { offersQuery } from './offers-query.ts';
import { SortControl } from './OfferRanking.tsx';
import { firstRowButton } from './row-keys.ts';
import { offerView, usePopupStore } from './store.ts';
import { useOfferRanking } from './useOfferRanking.ts';
import { useOrdering } from './useOrdering.ts';

interface Props {
  tabId: number;
  service: { code: string; name: string };
  preferences: PopupState['preferences'];
  topUpUrls: PopupState['topUpUrls'];
  /** The background's fresh offers for the service, if any: shown until refetched. */
  cached: PopupState['offers'];
  /** The site's name and the countries its page's phone selector lists (null: no list). */
  site?: { domain: string; countries: string[] | null };
  /** The providers the offers still wait for (named after a few seconds). */
  waiting?: PopupState['offersWaiting'];
}

/** The rows as shown: named in the interface language, searched, capped, ordered, marked. */
function listRows(
  offers: Offer[],
  o: {
    query: string;
    preferences: PopupState['preferences'];
    showAboveCap: boolean;
    countries: string[] | null;
    /** Best chance chosen: each offer's chance of a code (useOfferRanking). */
    chance: ((offer: Offer) => number) | null;
  },
) {
  const lang = currentLanguage();
  const virtual = t('common.virtual');
  const label = (r: OfferRow) => countryLabel(r, lang, virtual);
  const all = groupOffers(offers);
  const matching = filterRows(all, o.query, label);
  const cap = o.preferences.maxPriceCents;
  const capped = applyPriceCap(matching, o.showAboveCap ? null : cap);
  const hiddenAboveCap = applyPriceCap(matching, cap).hidden;
  // Marks and order from the page's own country list, judged on every offered country.
  const fit = siteFit(all, o.countries);
  // While searching, the best match leads ("uk": the United Kingdom before Ukraine).
  const rows = o.query.trim()
    ? capped.shown
    : orderRows(capped.shown, o.preferences, fit, o.chance);
  return { label, all, matching, rows, hiddenAboveCap, fit };
}

/** The default provider's balance and where to top it up, when the reply says whose it is. */
function walletOf(data: OffersReply, topUpUrls: PopupState['topUpUrls']): Wallet | null {
  return data.balanceOf
    ? {
        balance: data.balance,
        providerId: data.balanceOf,
        topUpUrl: topUpUrls[data.balanceOf] ?? null,
      }
    : null;
}

/** Typing a country is the first thing to do, so the search has focus when the list shows. */
function useSearchFocus(ready: boolean) {
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ready && document.activeElement === document.body) search.current?.focus();
  }, [ready]);
  return search;
}

interface OrderProblemProps {
  ordering: ReturnType<typeof useOrdering>;
  topUpUrls: PopupState['topUpUrls'];
  /** The default provider's top-up page, when the picked one has none. */
  mainTopUp: string | null;
}

/** The order that failed: its problem, with the top-up page of its provider and a new price. */
function OrderProblem({ ordering: { order, place }, topUpUrls, mainTopUp }: OrderProblemProps) {
  if (!order.isError) return null;
  const pickedProvider = order.variables?.providerId;
  const orderTopUp = (pickedProvider && topUpUrls[pickedProvider]) || mainTopUp;
  return (
    <ProblemHelp
      problem={asProblem(order.error)}
      topUpUrl={orderTopUp}
      onAccept={(price) => {
        const last = order.variables;
        // The best offer for the country at the accepted price, whoever sells it now.
        if (last) place({ country: last.country, tier: last.tier, price });
      }}
    />
  );
}

/** The service's numbers by country: search, price cap, and a button per tier to order. */
export function OfferList(props: Props) {
  const { tabId, service, preferences, topUpUrls, cached, site, waiting = [] } = props;
  // Two selectors: each returns a plain value (an object made in a selector would loop).
  const query = usePopupStore((s) => offerView(s, service.code).search);
  const showAboveCap = usePopupStore((s) => offerView(s, service.code).showAboveCap);
  const list = useRef<HTMLUListElement>(null);
  const offers = useQuery(offersQuery(service.code, cached));
  const ranking = useOfferRanking(service.code, preferences);
  const ordering = useOrdering(tabId, service.code);
  const search = useSearchFocus(offers.isSuccess);

  if (offers.isPending) return <LoadingNote service={service.name} waiting={waiting} />;
  // A failed refresh keeps the list it had (said so); with nothing to show, the problem alone.
  if (offers.isError && !offers.data) {
    return <ProblemHelp problem={asProblem(offers.error)} onRetry={() => void offers.refetch()} />;
  }
  const { label, all, matching, rows, hiddenAboveCap, fit } = listRows(offers.data.offers, {
    query,
    preferences: ranking.rowPreferences,
    showAboveCap,
    countries: site?.countries ?? null,
    chance: ranking.chance,
  });
  // The default provider comes first; its balance is the one shown.
  const mainTopUp = Object.values(topUpUrls)[0] ?? null;

  return (
    <section aria-label={t('popup.offers.label')}>
      <OfferNotes data={offers.data} topUpUrl={mainTopUp} />
      <FreshnessNote
        at={offers.dataUpdatedAt}
        fetching={offers.isFetching}
        problem={offers.isError ? asProblem(offers.error) : null}
        waiting={waiting}
        onRetry={() => void offers.refetch()}
      />
      <OrderProblem ordering={ordering} topUpUrls={topUpUrls} mainTopUp={mainTopUp} />
      {all.length === 0 ? (
        <p className="hint">{t('popup.offers.noNumbers', service.name)}</p>
      ) : (
        <CountrySearch
          service={service.code}
          noMatch={matching.length === 0}
          inputRef={search}
          onEnter={() => firstRowButton(list.current)?.focus()}
        />
      )}
      {hiddenAboveCap > 0 ? <CapNote service={service.code} hidden={hiddenAboveCap} /> : null}
      {all.length > 0 ? <SortControl sort={ranking.sort} onChange={ranking.setSort} /> : null}
      <OfferRows
        rows={rows}
        label={label}
        tiers={offers.data.capabilities.tiers}
        preferences={ranking.rowPreferences}
        lastUsedTier={ranking.lastUsedTier}
        statsOf={ranking.statsOf}
        showSeller={new Set(offers.data.offers.map((o) => o.providerName)).size > 1}
        fit={fit}
        domain={site?.domain ?? null}
        wallet={walletOf(offers.data, topUpUrls)}
        capCents={showAboveCap ? preferences.maxPriceCents : null}
        onPick={ordering.place}
        listRef={list}
      />
    </section>
  );
}
