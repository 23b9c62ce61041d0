import { t } from '@/lib/i18n.ts';
import type { Tier } from '@/lib/providers/types.ts';
import type { OfferSort } from '@/lib/storage.ts';
import { deliveryExplained, deliveryLine, type DeliveryFacts } from './delivery-text.ts';

/** "Cheapest" / "Best chance" beside the list; the choice is remembered (preferences). */
export function SortControl({
  sort,
  onChange,
}: {
  sort: OfferSort;
  onChange: (sort: OfferSort) => void;
}) {
  const choices: [OfferSort, string, string | undefined][] = [
    ['cheapest', t('popup.offers.sort.cheapest'), undefined],
    ['bestChance', t('popup.offers.sort.bestChance'), t('popup.offers.sort.bestChanceHint')],
  ];
  return (
    <fieldset className="offer-sort" data-testid="offer-sort">
      <legend className="sr-only">{t('popup.offers.sort.label')}</legend>
      {choices.map(([value, label, hint]) => (
        <label key={value} title={hint}>
          <input
            type="radio"
            name="offer-sort"
            value={value}
            checked={sort === value}
            onChange={() => onChange(value)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export interface TierDelivery {
  tier: Tier;
  /** The line's id: the tier's button is described by it. */
  id: string;
  facts: DeliveryFacts;
  providerName: string;
}

/**
 * Under the country: per tier, the user's own record ("92% · 40 s · 12 orders") and the
 * provider's published rate ("5sim: 87%"), with the tier's name when the list shows both.
 */
export function DeliveryNotes({ lines, named }: { lines: TierDelivery[]; named: boolean }) {
  return lines.map(({ tier, id, facts, providerName }) => (
    <span
      key={tier}
      id={id}
      className="delivery"
      data-testid={`delivery-${tier}`}
      title={deliveryExplained(facts, providerName)}
    >
      {named ? (
        <>
          <span className="delivery-tier">
            {t(tier === 'standard' ? 'popup.offers.standard' : 'popup.offers.priority')}
          </span>{' '}
        </>
      ) : null}
      {deliveryLine(facts, providerName)}
    </span>
  ));
}
