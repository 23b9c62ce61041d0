import { t, type MessageKey } from '@/lib/i18n.ts';
import type { Offer, ProviderId } from '@/lib/providers/types.ts';

/** What a Priority offer buys, per provider family (README: "What Priority means"). */
const MEANING: Record<ProviderId, 'band' | 'bestRate' | 'cap'> = {
  codasms: 'band',
  fivesim: 'bestRate',
  smsactivate: 'cap',
};

/** The whole explanation when every Priority offer shown means the same. */
const ALONE: Record<(typeof MEANING)[ProviderId], MessageKey> = {
  band: 'popup.offers.priorityNote',
  bestRate: 'popup.offers.priorityBestRate',
  cap: 'popup.offers.upToNote',
};

/** The short phrase for one provider when the shown offers mix meanings. */
const PART: Record<(typeof MEANING)[ProviderId], MessageKey> = {
  band: 'popup.offers.priorityMeaning.band',
  bestRate: 'popup.offers.priorityMeaning.bestRate',
  cap: 'popup.offers.priorityMeaning.cap',
};

/**
 * One hint line on what Priority means for the offers shown: one sentence when they all mean
 * the same, else one line naming each provider's meaning ("Priority: CODASMS, its own faster
 * numbers; HeroSMS, the same numbers at a higher price cap"). Null when no Priority is offered.
 */
export function priorityNote(offers: readonly Offer[]): string | null {
  const sellers = new Map<string, ProviderId>();
  for (const o of offers) {
    if (o.tier === 'priority' && o.stock !== 0) sellers.set(o.providerName, o.providerId);
  }
  const meanings = new Set([...sellers.values()].map((id) => MEANING[id]));
  const [only] = meanings;
  if (!only) return null;
  if (meanings.size === 1) return t(ALONE[only]);
  const parts = [...sellers].map(([name, id]) => t(PART[MEANING[id]], name));
  return t('popup.offers.priorityMixed', parts.join('; '));
}
