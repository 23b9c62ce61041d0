import { useId } from 'react';
import type { DeliveryStats } from '@/lib/history/delivery-stats.ts';
import { currentLanguage, formatCount, t, tn } from '@/lib/i18n.ts';
import { formatMoney, type Money } from '@/lib/money.ts';
import type { Offer, ProviderId, Tier } from '@/lib/providers/types.ts';
import { flagEmoji } from '../shared/format.ts';
import { deliveryFacts } from './delivery-text.ts';
import { aboveCap, rowStock, type OfferRow, type SiteFit } from './offer-order.ts';
import { DeliveryNotes, type TierDelivery } from './OfferRanking.tsx';

export interface Pick {
  country: string;
  tier: Tier;
  providerId?: ProviderId;
  /** The price on the button: the order's cap (the background refuses a dearer purchase). */
  price?: Money;
}

interface Props {
  row: OfferRow;
  /** The country's name as shown (in the interface language). */
  label: string;
  tiers: readonly Tier[];
  /** The user's default tier, drawn as the main choice. */
  preferred: Tier;
  /** With several providers set up, each price says who sells it. */
  showSeller: boolean;
  /** Why the row is on top: the country ordered last, or the options' default country. */
  pinned?: 'lastUsed' | 'default' | null;
  /** The tier of the service's last used offer, said on its "last used" mark. */
  lastUsedTier?: Tier | null;
  /** The user's own delivery record of an offer (lib/history/delivery-stats.ts). */
  statsOf?: (offer: Offer) => DeliveryStats | undefined;
  /** The row against the page's own country list, and the site's name to say so. */
  site?: { fit: SiteFit; domain: string } | null;
  /** The default provider's balance and top-up page: its offers above it ask for a top-up. */
  wallet?: Wallet | null;
  /** The user's price cap (minor units), when rows above it are shown on request. */
  capCents?: number | null;
  busy: boolean;
  onPick: (pick: Pick) => void;
}

export interface Wallet {
  balance: Money;
  providerId: ProviderId;
  topUpUrl: string | null;
}

/** An offer the balance cannot pay: it asks for a top-up rather than failing at the provider. */
function unaffordable(offer: Offer | undefined, wallet: Wallet | null): boolean {
  return (
    !!offer &&
    !!wallet?.topUpUrl &&
    offer.providerId === wallet.providerId &&
    offer.price.currency === wallet.balance.currency &&
    offer.price.cents > wallet.balance.cents
  );
}

/** "Accepted by <site>", or why the row is dimmed; the row's buttons are described by it. */
function SiteFitNote({ id, fit, domain }: { id: string; fit: SiteFit; domain: string }) {
  return fit === 'accepted' ? (
    <span className="site-fit" id={id}>
      {t('popup.offers.site.accepted', domain)}
    </span>
  ) : (
    <span className="site-fit-reason" id={id}>
      {t('popup.offers.site.notListed', domain)}
    </span>
  );
}

/** The row's mark on top: "last used" (with the tier, when the list shows both), "default". */
function pinText(pinned: 'lastUsed' | 'default', tier: Tier | null, tiers: readonly Tier[]) {
  if (pinned === 'default') return t('guide.offers.default');
  if (tier === null || tiers.length < 2) return t('guide.offers.lastUsed');
  const tierName = t(tier === 'standard' ? 'popup.offers.standard' : 'popup.offers.priority');
  return t('popup.offers.delivery.lastUsed', tierName);
}

/** Per tier with something to say: the user's record and the provider's rate. */
function deliveryLines(
  row: OfferRow,
  tiers: readonly Tier[],
  idBase: string,
  statsOf: Props['statsOf'],
): TierDelivery[] {
  return tiers.flatMap((tier) => {
    const offer = row[tier];
    const facts = offer ? deliveryFacts(offer, statsOf?.(offer)) : null;
    if (!offer || !facts) return [];
    return [{ tier, id: `${idBase}-${tier}`, facts, providerName: offer.providerName }];
  });
}

interface CountryProps {
  row: OfferRow;
  label: string;
  tiers: readonly Tier[];
  pinned: 'lastUsed' | 'default' | null;
  lastUsedTier: Tier | null;
  site: { fit: SiteFit; domain: string } | null;
  /** The site's mark's id, for the buttons it describes. */
  fitId: string;
  capCents: number | null;
  delivery: TierDelivery[];
}

/** The row's country: flag, name, its marks (pin, site, cap), stock and delivery record. */
function RowCountry(props: CountryProps) {
  const { row, label, tiers, pinned, lastUsedTier, site, fitId, capCents, delivery } = props;
  const stock = rowStock(row);
  const fit = site?.fit ?? null;
  return (
    <span className="country">
      <span aria-hidden="true" className="flag">
        {flagEmoji(row.iso)}
      </span>{' '}
      <span className="country-name">{label}</span>
      {pinned ? (
        <span className="pin" data-testid="pin">
          {pinText(pinned, lastUsedTier, tiers)}
        </span>
      ) : null}
      {fit && site ? <SiteFitNote id={fitId} fit={fit} domain={site.domain} /> : null}
      {capCents !== null && aboveCap(row, capCents) ? (
        <span className="stock">{t('popup.offers.aboveCap')}</span>
      ) : null}
      {stock === null ? null : (
        <span className="stock">
          {stock === 0
            ? t('popup.offers.outOfStock')
            : tn('popup.offers.stock', stock, formatCount(stock))}
        </span>
      )}
      <DeliveryNotes lines={delivery} named={tiers.length > 1} />
    </span>
  );
}

interface TierProps {
  row: OfferRow;
  label: string;
  tier: Tier;
  preferred: Tier;
  showSeller: boolean;
  wallet: Wallet | null;
  describedBy: string | undefined;
  busy: boolean;
  onPick: (pick: Pick) => void;
}

/** A tier's button with its price (and seller), or a top-up link when the balance falls short. */
function TierChoice(props: TierProps) {
  const { row, label, tier, preferred, showSeller, wallet, describedBy, busy, onPick } = props;
  const offer = row[tier];
  const tierName = t(tier === 'standard' ? 'popup.offers.standard' : 'popup.offers.priority');
  const amount = offer ? formatMoney(offer.price, currentLanguage()) : '—';
  const price = offer?.priceIsCap ? t('popup.offers.upTo', amount) : amount;
  const seller = offer && showSeller ? offer.providerName : null;
  const name = seller
    ? t('popup.offers.getNumberFrom', label, tierName, price, seller)
    : t('popup.offers.getNumber', label, tierName, price);
  if (offer && wallet?.topUpUrl && unaffordable(offer, wallet)) {
    return (
      <a
        className={`tier tier-${tier} top-up`}
        href={wallet.topUpUrl}
        target="_blank"
        rel="noreferrer"
        aria-label={t('popup.offers.topUpFor', label, tierName, price)}
        aria-describedby={describedBy}
      >
        <span className="tier-name">{t('popup.offers.topUp')}</span>
        <span className="price">{price}</span>
      </a>
    );
  }
  return (
    <button
      type="button"
      className={`tier tier-${tier}${tier === preferred ? ' preferred' : ''}`}
      disabled={!offer || offer.stock === 0 || busy}
      aria-label={name}
      aria-describedby={describedBy}
      onClick={() =>
        onPick({
          country: row.country,
          tier,
          providerId: offer?.providerId,
          price: offer?.price,
        })
      }
    >
      <span className="tier-name">{tierName}</span>
      <span className="price">{price}</span>
      {seller ? <span className="tier-name provider">{seller}</span> : null}
    </button>
  );
}

/** One country: flag, name, stock, delivery record, and a button per tier with its price. */
export function OfferRowItem({
  row,
  label,
  tiers,
  preferred,
  showSeller,
  pinned = null,
  lastUsedTier = null,
  statsOf,
  site = null,
  wallet = null,
  capCents = null,
  busy,
  onPick,
}: Props) {
  const stock = rowStock(row);
  const fitId = useId();
  const fit = site?.fit ?? null;
  // A country the site leaves out is dimmed, never disabled: the user may know better.
  const classes = [stock === 0 ? 'out' : '', fit === 'notListed' ? 'off-site' : ''].join(' ');
  const delivery = deliveryLines(row, tiers, fitId, statsOf);
  // A tier's button is described by the site's mark and by its own delivery record.
  const describedBy = (tier: Tier) =>
    [fit ? fitId : '', delivery.find((d) => d.tier === tier)?.id ?? ''].join(' ').trim() ||
    undefined;
  return (
    <li className={classes.trim() || undefined}>
      <RowCountry
        row={row}
        label={label}
        tiers={tiers}
        pinned={pinned}
        lastUsedTier={lastUsedTier}
        site={site}
        fitId={fitId}
        capCents={capCents}
        delivery={delivery}
      />
      {tiers.map((tier) => (
        <TierChoice
          key={tier}
          row={row}
          label={label}
          tier={tier}
          preferred={preferred}
          showSeller={showSeller}
          wallet={wallet}
          describedBy={describedBy(tier)}
          busy={busy}
          onPick={onPick}
        />
      ))}
    </li>
  );
}
