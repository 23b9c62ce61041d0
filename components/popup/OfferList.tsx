import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { currentLanguage, t, tn } from '@/lib/i18n.ts';
import type { PopupState } from '@/lib/messaging.ts';
import { ask } from '../shared/background.ts';
import { BalanceLine } from './BalanceLine.tsx';
import {
  applyPriceCap,
  countryLabel,
  filterRows,
  groupOffers,
  orderRows,
  siteFit,
  type OfferRow,
} from './offer-order.ts';
import { OfferRowItem, type Pick } from './OfferRowItem.tsx';
import { asProblem, ProblemHelp } from './ProblemHelp.tsx';
import { RatingWarning } from './RatingWarning.tsx';
import { COUNTRY_SEARCH_ID, offersQuery } from './offers-query.ts';
import { firstRowButton, rowButtonAfter } from './row-keys.ts';

interface Props {
  tabId: number;
  service: { code: string; name: string };
  preferences: PopupState['preferences'];
  topUpUrls: PopupState['topUpUrls'];
  /** The background's fresh offers for the service, if any: shown until refetched. */
  cached: PopupState['offers'];
  /** The site's name and the countries its page's phone selector lists (null: no list). */
  site?: { domain: string; countries: string[] | null };
}

/** The service's numbers by country: search, price cap, and a button per tier to order. */
export function OfferList({ tabId, service, preferences, topUpUrls, cached, site }: Props) {
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const [showAboveCap, setShowAboveCap] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const offers = useQuery(offersQuery(service.code, cached));
  const order = useMutation({
    mutationFn: (pick: Pick) =>
      ask({ type: 'popup.createOrder', tabId, service: service.code, ...pick }),
    onSettled: () => client.invalidateQueries({ queryKey: ['state'] }),
  });

  const ready = offers.isSuccess;
  // Typing a country is the first thing to do, so the search has focus when the list shows.
  useEffect(() => {
    if (ready && document.activeElement === document.body) search.current?.focus();
  }, [ready]);

  if (offers.isPending) {
    return <p className="hint">{t('popup.offers.loading', service.name)}</p>;
  }
  if (offers.isError) {
    return <ProblemHelp problem={asProblem(offers.error)} onRetry={() => void offers.refetch()} />;
  }
  const lang = currentLanguage();
  const virtual = t('common.virtual');
  const label = (r: OfferRow) => countryLabel(r, lang, virtual);
  const all = groupOffers(offers.data.offers);
  const matching = filterRows(all, query, label);
  const capped = applyPriceCap(matching, showAboveCap ? null : preferences.maxPriceCents);
  const hiddenAboveCap = applyPriceCap(matching, preferences.maxPriceCents).hidden;
  // Marks and order from the page's own country list, judged on every offered country.
  const fit = siteFit(all, site?.countries ?? null);
  // While searching, the best match leads ("uk": the United Kingdom before Ukraine).
  const rows = query.trim() ? capped.shown : orderRows(capped.shown, preferences, fit);
  const tiers = offers.data.capabilities.tiers;
  const sellers = new Set(offers.data.offers.map((o) => o.providerName));
  const priceIsCap = offers.data.offers.some((o) => o.priceIsCap && o.stock !== 0);
  // The default provider comes first; its balance is the one shown.
  const mainTopUp = Object.values(topUpUrls)[0] ?? null;
  const pickedProvider = order.variables?.providerId;
  const orderTopUp = (pickedProvider && topUpUrls[pickedProvider]) || mainTopUp;

  return (
    <section aria-label={t('popup.offers.label')}>
      <BalanceLine balance={offers.data.balance} topUpUrl={mainTopUp} />
      {tiers.includes('priority') ? <p className="hint">{t('popup.offers.priorityNote')}</p> : null}
      {priceIsCap ? <p className="hint">{t('popup.offers.upToNote')}</p> : null}
      {[...new Set(offers.data.offers.map((o) => o.providerId))].map((id) => (
        <RatingWarning key={id} providerId={id} />
      ))}
      {order.isError ? (
        <ProblemHelp
          problem={asProblem(order.error)}
          topUpUrl={orderTopUp}
          onAccept={(price) => {
            const last = order.variables;
            // The best offer for the country at the accepted price, whoever sells it now.
            if (last) order.mutate({ country: last.country, tier: last.tier, price });
          }}
        />
      ) : null}
      {all.length === 0 ? (
        <p className="hint">{t('popup.offers.noNumbers', service.name)}</p>
      ) : (
        <input
          type="search"
          className="search"
          id={COUNTRY_SEARCH_ID}
          aria-label={t('popup.offers.searchCountries')}
          placeholder={t('popup.offers.searchCountries')}
          value={query}
          ref={search}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            firstRowButton(list.current)?.focus();
          }}
        />
      )}
      {all.length > 0 && matching.length === 0 ? (
        <p className="hint">{t('popup.offers.noCountryMatch', query.trim())}</p>
      ) : null}
      {hiddenAboveCap > 0 ? (
        <p className="hint cap-note" data-testid="cap-note">
          {showAboveCap ? null : tn('popup.offers.hiddenByCap', hiddenAboveCap)}{' '}
          <button type="button" className="link" onClick={() => setShowAboveCap(!showAboveCap)}>
            {showAboveCap ? t('popup.offers.hideAgain') : t('popup.offers.showHidden')}
          </button>
        </p>
      ) : null}
      <ul
        className="offers"
        ref={list}
        onKeyDown={(e) => {
          const next = list.current && rowButtonAfter(list.current, e.target as Element, e.key);
          if (!next) return;
          e.preventDefault();
          next.focus();
        }}
      >
        {rows.map((r) => (
          <OfferRowItem
            key={r.country}
            row={r}
            label={label(r)}
            tiers={tiers}
            preferred={preferences.tier}
            showSeller={sellers.size > 1}
            pinned={
              r.country === preferences.lastCountry
                ? 'lastUsed'
                : r.country === preferences.defaultCountry
                  ? 'default'
                  : null
            }
            site={fit && site ? { fit: fit(r), domain: site.domain } : null}
            busy={order.isPending}
            onPick={(pick) => order.mutate(pick)}
          />
        ))}
      </ul>
    </section>
  );
}
