import { enoughOrders, deliveryRate, type DeliveryStats } from '@/lib/history/delivery-stats.ts';
import { currentLanguage, formatCount, t, tn, type Language } from '@/lib/i18n.ts';
import type { Offer } from '@/lib/providers/types.ts';

// The words of an offer's delivery record, in the interface language: "92% · 40 s · 12
// orders" (ru "92 % · 40 с · 12 заказов"), and the provider's own rate, "5sim: 87%".

const percents = new Map<Language, Intl.NumberFormat>();

/** A share 0..1 as a whole percent, rounded down: 99.6 % is not "100%". */
export function formatPercent(share: number): string {
  const lang = currentLanguage();
  let format = percents.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    percents.set(lang, format);
  }
  return format.format(Math.floor(Math.max(0, Math.min(1, share)) * 100) / 100);
}

/** Seconds under a minute as seconds ("40 s"), longer as whole minutes ("3 min"). */
export function formatWait(seconds: number): string {
  return seconds < 59.5
    ? t('popup.offers.delivery.seconds', formatCount(Math.round(seconds)))
    : t('popup.offers.delivery.minutes', formatCount(Math.round(seconds / 60)));
}

const ordersText = (n: number) => tn('popup.offers.delivery.orders', n, formatCount(n));

/** What the row shows for one offer: the user's record and the provider's rate, if any. */
export interface DeliveryFacts {
  /** The user's own record, only with enough orders to mean something (MIN_ORDERS). */
  own: DeliveryStats | null;
  /** The provider's published rate, percent. */
  providerRate: number | null;
}

export function deliveryFacts(
  offer: Offer,
  stats: DeliveryStats | undefined,
): DeliveryFacts | null {
  const own = enoughOrders(stats) ? stats : null;
  const providerRate = offer.providerRate ?? null;
  return own || providerRate !== null ? { own, providerRate } : null;
}

/** "92% · 40 s · 12 orders · 5sim: 87%" (the parts there are). */
export function deliveryLine(facts: DeliveryFacts, providerName: string): string {
  const parts: string[] = [];
  if (facts.own) {
    parts.push(formatPercent(deliveryRate(facts.own)));
    if (facts.own.medianSeconds !== null) parts.push(formatWait(facts.own.medianSeconds));
    parts.push(ordersText(facts.own.orders));
  }
  if (facts.providerRate !== null) {
    const rate = formatPercent(facts.providerRate / 100);
    parts.push(t('popup.offers.delivery.provider', providerName, rate));
  }
  return parts.join(' · ');
}

/** The same in sentences, for the pointer's tooltip. */
export function deliveryExplained(facts: DeliveryFacts, providerName: string): string {
  const sentences: string[] = [];
  if (facts.own) {
    const rate = formatPercent(deliveryRate(facts.own));
    sentences.push(t('popup.offers.delivery.yours', rate, ordersText(facts.own.orders)));
    if (facts.own.medianSeconds !== null) {
      sentences.push(t('popup.offers.delivery.median', formatWait(facts.own.medianSeconds)));
    }
  }
  if (facts.providerRate !== null) {
    sentences.push(t('popup.offers.delivery.providerHint', providerName));
  }
  return sentences.join(' ');
}
