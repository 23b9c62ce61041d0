import type { RefObject } from 'react';
import { t, tn } from '@/lib/i18n.ts';
import type { OffersReply, PopupState } from '@/lib/messaging.ts';
import type { DeliveryStats } from '@/lib/history/delivery-stats.ts';
import type { Offer, Tier } from '@/lib/providers/types.ts';
import { BalanceLine } from './BalanceLine.tsx';
import type { OfferRow, SiteFit } from './offer-order.ts';
import { OfferRowItem, type Pick, type Wallet } from './OfferRowItem.tsx';
import { COUNTRY_SEARCH_ID, OFFERS_STALE_MS } from './offers-query.ts';
import { ProblemHelp, type Problem } from './ProblemHelp.tsx';
import { useNow } from './useNow.ts';
import { leftOutText, staleProblemText, waitNote } from './wait-note.ts';
import { formatClock } from '../shared/format.ts';
import type { ProviderWait } from '@/lib/background/offers-progress.ts';
import { priorityNote } from './priority-note.ts';
import { RatingWarning } from './RatingWarning.tsx';
import { rowButtonAfter } from './row-keys.ts';
import { offerView, usePopupStore } from './store.ts';

// The offer list's parts (OfferList.tsx puts them together).

/**
 * Above the list: the balance, what Priority means for the offers shown (one line, per provider
 * only where they differ), providers left out because they failed, account warnings.
 */
export function OfferNotes({ data, topUpUrl }: { data: OffersReply; topUpUrl: string | null }) {
  const priority = priorityNote(data.offers);
  return (
    <>
      <BalanceLine balance={data.balance} topUpUrl={topUpUrl} />
      {priority ? (
        <p className="hint" data-testid="priority-note">
          {priority}
        </p>
      ) : null}
      {(data.unanswered ?? []).map((u) => (
        <p className="hint" role="status" key={u.provider}>
          {leftOutText(u)}
        </p>
      ))}
      {[...new Set(data.offers.map((o) => o.providerId))].map((id) => (
        <RatingWarning key={id} providerId={id} />
      ))}
    </>
  );
}

interface SearchProps {
  /** The service whose list is searched (the search is kept per service: store.ts). */
  service: string;
  /** No country matches the query: said under the box. */
  noMatch: boolean;
  onEnter: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The country search; Enter goes to the first row's button. */
export function CountrySearch({ service, noMatch, onEnter, inputRef }: SearchProps) {
  const query = usePopupStore((s) => offerView(s, service).search);
  const setSearch = usePopupStore((s) => s.setSearch);
  return (
    <>
      <input
        type="search"
        className="search"
        id={COUNTRY_SEARCH_ID}
        aria-label={t('popup.offers.searchCountries')}
        placeholder={t('popup.offers.searchCountries')}
        value={query}
        ref={inputRef}
        onChange={(e) => setSearch(service, e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onEnter();
        }}
      />
      {noMatch ? <p className="hint">{t('popup.offers.noCountryMatch', query.trim())}</p> : null}
    </>
  );
}

/** "N countries hidden above your price cap", with the button that shows or hides them. */
export function CapNote({ service, hidden }: { service: string; hidden: number }) {
  const shown = usePopupStore((s) => offerView(s, service).showAboveCap);
  const setShown = usePopupStore((s) => s.setShowAboveCap);
  return (
    <p className="hint cap-note" data-testid="cap-note">
      {shown ? null : tn('popup.offers.hiddenByCap', hidden)}{' '}
      <button type="button" className="link" onClick={() => setShown(service, !shown)}>
        {shown ? t('popup.offers.hideAgain') : t('popup.offers.showHidden')}
      </button>
    </p>
  );
}

interface RowsProps {
  rows: readonly OfferRow[];
  label: (row: OfferRow) => string;
  tiers: readonly Tier[];
  preferences: PopupState['preferences'];
  showSeller: boolean;
  /** The rows against the page's country list (offer-order.ts siteFit), and the site's name. */
  fit: ((row: OfferRow) => SiteFit) | null;
  domain: string | null;
  /** The default provider's balance and top-up page (offers above it ask for a top-up). */
  wallet: Wallet | null;
  /** The tier of the service's last used offer, and the user's record per offer. */
  lastUsedTier: Tier | null;
  statsOf: (offer: Offer) => DeliveryStats | undefined;
  /** The price cap, when the rows above it are shown on request (they say so). */
  capCents: number | null;
  onPick: (pick: Pick) => void;
  listRef: RefObject<HTMLUListElement | null>;
}

/** The rows, one per country; the arrow keys move between their buttons (row-keys.ts). */
export function OfferRows(props: RowsProps) {
  const { rows, label, preferences, fit, domain, listRef, lastUsedTier, ...rest } = props;
  // Every order button waits while an order is asked for (store.ts: one at a time).
  const busy = usePopupStore((s) => s.pending !== null);
  const pinned = (r: OfferRow) =>
    r.country === preferences.lastCountry
      ? 'lastUsed'
      : r.country === preferences.defaultCountry
        ? 'default'
        : null;
  return (
    <ul
      className="offers"
      ref={listRef}
      onKeyDown={(e) => {
        const list = listRef.current;
        const next = list && rowButtonAfter(list, e.target as Element, e.key);
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
          preferred={preferences.tier}
          pinned={pinned(r)}
          lastUsedTier={r.country === preferences.lastCountry ? lastUsedTier : null}
          site={fit && domain ? { fit: fit(r), domain } : null}
          busy={busy}
          {...rest}
        />
      ))}
    </ul>
  );
}

/** While the first list loads: who it still waits for, and a provider limiting requests. */
export function LoadingNote({ service, waiting }: { service: string; waiting: ProviderWait[] }) {
  const now = useNow();
  const note = waitNote(waiting, now, null);
  return (
    <p className="hint" role="status">
      {t('popup.offers.loading', service)}
      {note ? ` ${note}` : ''}
    </p>
  );
}

/** Offers shown from a while ago: said while fresh ones are asked for, or when that failed. */
export function FreshnessNote({
  at,
  fetching,
  problem,
  waiting,
  onRetry,
}: {
  at: number;
  fetching: boolean;
  problem: Problem | null;
  /** Who a refresh still waits for (the background's state). */
  waiting: ProviderWait[];
  onRetry: () => void;
}) {
  const now = useNow();
  if (problem) {
    const limited = staleProblemText(problem, at);
    return limited ? (
      <ProblemHelp problem={problem} text={limited} onRetry={onRetry} />
    ) : (
      <>
        <ProblemHelp problem={problem} onRetry={onRetry} />
        <p className="hint">{t('popup.offers.pricesFrom', formatClock(at))}</p>
      </>
    );
  }
  if (!fetching) return null;
  const note = waitNote(waiting, now, at);
  if (!note && now - at < OFFERS_STALE_MS) return null;
  return (
    <p className="hint" role="status" data-testid="freshness">
      {note ?? t('popup.offers.updating', formatClock(at))}
    </p>
  );
}
