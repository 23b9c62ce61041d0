import { useState, type RefObject } from 'react';
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
import { formatClock } from '../shared/format.ts';

/** How long the first list may load before the popup says why it can take a while. */
const SLOW_MS = 3_000;
import { RatingWarning } from './RatingWarning.tsx';
import { rowButtonAfter } from './row-keys.ts';

// The offer list's parts (OfferList.tsx puts them together).

/** Above the list: the balance, what the tiers and "up to" prices mean, account warnings. */
export function OfferNotes({ data, topUpUrl }: { data: OffersReply; topUpUrl: string | null }) {
  const priceIsCap = data.offers.some((o) => o.priceIsCap && o.stock !== 0);
  return (
    <>
      <BalanceLine balance={data.balance} topUpUrl={topUpUrl} />
      {/* One hint line: what "up to" means where prices are caps, else what Priority buys. */}
      {priceIsCap ? (
        <p className="hint">{t('popup.offers.upToNote')}</p>
      ) : data.capabilities.tiers.includes('priority') ? (
        <p className="hint">{t('popup.offers.priorityNote')}</p>
      ) : null}
      {[...new Set(data.offers.map((o) => o.providerId))].map((id) => (
        <RatingWarning key={id} providerId={id} />
      ))}
    </>
  );
}

interface SearchProps {
  query: string;
  /** No country matches the query: said under the box. */
  noMatch: boolean;
  onChange: (query: string) => void;
  onEnter: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The country search; Enter goes to the first row's button. */
export function CountrySearch({ query, noMatch, onChange, onEnter, inputRef }: SearchProps) {
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
        onChange={(e) => onChange(e.target.value)}
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
export function CapNote(props: { hidden: number; shown: boolean; onToggle: (v: boolean) => void }) {
  return (
    <p className="hint cap-note" data-testid="cap-note">
      {props.shown ? null : tn('popup.offers.hiddenByCap', props.hidden)}{' '}
      <button type="button" className="link" onClick={() => props.onToggle(!props.shown)}>
        {props.shown ? t('popup.offers.hideAgain') : t('popup.offers.showHidden')}
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
  busy: boolean;
  onPick: (pick: Pick) => void;
  listRef: RefObject<HTMLUListElement | null>;
}

/** The rows, one per country; the arrow keys move between their buttons (row-keys.ts). */
export function OfferRows(props: RowsProps) {
  const { rows, label, preferences, fit, domain, listRef, lastUsedTier, ...rest } = props;
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
          {...rest}
        />
      ))}
    </ul>
  );
}

/** While the first list loads: after a few seconds, why it may take a while. */
export function LoadingNote({ service }: { service: string }) {
  const now = useNow();
  const [since] = useState(() => Date.now());
  return (
    <p className="hint" role="status">
      {t('popup.offers.loading', service)}
      {now - since >= SLOW_MS ? ` ${t('popup.offers.slow')}` : ''}
    </p>
  );
}

/** Offers shown from a while ago: said while fresh ones are asked for, or when that failed. */
export function FreshnessNote({
  at,
  fetching,
  problem,
  onRetry,
}: {
  at: number;
  fetching: boolean;
  problem: Problem | null;
  onRetry: () => void;
}) {
  const now = useNow(5_000);
  if (problem) {
    return (
      <>
        <ProblemHelp problem={problem} onRetry={onRetry} />
        <p className="hint">{t('popup.offers.pricesFrom', formatClock(at))}</p>
      </>
    );
  }
  if (!fetching || now - at < OFFERS_STALE_MS) return null;
  return (
    <p className="hint" role="status">
      {t('popup.offers.updating', formatClock(at))}
    </p>
  );
}
