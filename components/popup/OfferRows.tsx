import type { RefObject } from 'react';
import { t, tn } from '@/lib/i18n.ts';
import type { OffersReply, PopupState } from '@/lib/messaging.ts';
import type { Tier } from '@/lib/providers/types.ts';
import { BalanceLine } from './BalanceLine.tsx';
import type { OfferRow, SiteFit } from './offer-order.ts';
import { OfferRowItem, type Pick } from './OfferRowItem.tsx';
import { COUNTRY_SEARCH_ID } from './offers-query.ts';
import { RatingWarning } from './RatingWarning.tsx';
import { rowButtonAfter } from './row-keys.ts';

// The offer list's parts (OfferList.tsx puts them together).

/** Above the list: the balance, what the tiers and "up to" prices mean, account warnings. */
export function OfferNotes({ data, topUpUrl }: { data: OffersReply; topUpUrl: string | null }) {
  const priceIsCap = data.offers.some((o) => o.priceIsCap && o.stock !== 0);
  return (
    <>
      <BalanceLine balance={data.balance} topUpUrl={topUpUrl} />
      {data.capabilities.tiers.includes('priority') ? (
        <p className="hint">{t('popup.offers.priorityNote')}</p>
      ) : null}
      {priceIsCap ? <p className="hint">{t('popup.offers.upToNote')}</p> : null}
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
  busy: boolean;
  onPick: (pick: Pick) => void;
  listRef: RefObject<HTMLUListElement | null>;
}

/** The rows, one per country; the arrow keys move between their buttons (row-keys.ts). */
export function OfferRows({ rows, label, preferences, fit, domain, listRef, ...rest }: RowsProps) {
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
          site={fit && domain ? { fit: fit(r), domain } : null}
          {...rest}
        />
      ))}
    </ul>
  );
}
