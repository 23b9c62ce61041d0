import type { Offer, Tier } from '@/lib/providers/types.ts';
import { countryRank } from './country-search.ts';

// The popup's offer list as plain data: one row per country, pinned and cheapest first,
// filtered by the user's search and price cap. No React, no browser: unit-tested.

export interface OfferRow {
  country: string;
  /** The provider's (English) country name. */
  name: string;
  iso: string | null;
  standard: Offer | undefined;
  priority: Offer | undefined;
}

export interface RowPreferences {
  lastCountry: string | null;
  defaultCountry: string | null;
  /** The tier whose price sorts the list (the user's default or last tier). */
  tier: Tier;
}

/** One row per country, with its best Standard and Priority offer. */
export function groupOffers(offers: readonly Offer[]): OfferRow[] {
  const rows = new Map<string, OfferRow>();
  for (const o of offers) {
    const row = rows.get(o.country) ?? {
      country: o.country,
      name: o.countryName,
      iso: o.countryIso,
      standard: undefined,
      priority: undefined,
    };
    row[o.tier] = o;
    rows.set(o.country, row);
  }
  return [...rows.values()];
}

/** Numbers left in the country, both tiers together; null when a provider does not say. */
export function rowStock(row: OfferRow): number | null {
  const offers = [row.standard, row.priority].filter((o) => o !== undefined);
  if (offers.some((o) => o.stock === null)) return null;
  return offers.reduce((sum, o) => sum + (o.stock ?? 0), 0);
}

/**
 * How a row stands with the country list of the page's phone selector: listed there (the site
 * accepts numbers from it), left out of it, or unknown (a pool with no ISO country).
 */
export type SiteFit = 'accepted' | 'notListed' | null;

/**
 * The site's countries as a mark per row; null when the page gave no list, or when its list
 * leaves out none of the offered countries (intl-tel-input lists them all: nothing to tell).
 */
export function siteFit(
  rows: readonly OfferRow[],
  countries: readonly string[] | null,
): ((row: OfferRow) => SiteFit) | null {
  if (!countries) return null;
  const listed = new Set(countries);
  const fit = (r: OfferRow): SiteFit =>
    r.iso === null ? null : listed.has(r.iso.toUpperCase()) ? 'accepted' : 'notListed';
  return rows.some((r) => fit(r) === 'notListed') ? fit : null;
}

/**
 * A row's chance under "Best chance" (lib/history/delivery-stats.ts chanceOf says what an
 * offer's chance is): that of its offer in the preferred tier, the one its price sorts by and
 * the user is about to press, else of the other tier's; -1 when neither has numbers.
 */
export function rowChance(row: OfferRow, tier: Tier, chance: (offer: Offer) => number): number {
  const other: Tier = tier === 'standard' ? 'priority' : 'standard';
  const offer = [row[tier], row[other]].find((o) => o !== undefined && o.stock !== 0);
  return offer ? chance(offer) : -1;
}

/**
 * The last used country first (the service's last used offer, or the country ordered last),
 * then the options' default country; then countries with numbers, cheapest first in the
 * preferred tier; out-of-stock countries last. With the site's country list (siteFit), the
 * countries it accepts lead within the pinned rows and within the rest. With `chance` ("Best
 * chance" chosen: an offer's chance of a code), the rows with numbers go by it (rowChance),
 * best first, before the price: the pins and the site's countries stay where they are in both
 * orderings.
 */
export function orderRows(
  rows: readonly OfferRow[],
  prefs: RowPreferences,
  fit: ((row: OfferRow) => SiteFit) | null = null,
  chance: ((offer: Offer) => number) | null = null,
): OfferRow[] {
  const other: Tier = prefs.tier === 'standard' ? 'priority' : 'standard';
  const pin = (r: OfferRow) =>
    r.country === prefs.lastCountry ? 0 : r.country === prefs.defaultCountry ? 1 : 2;
  const pinned = (r: OfferRow) => Number(pin(r) === 2);
  const accepted = (r: OfferRow) => Number(fit !== null && fit(r) !== 'accepted');
  const price = (r: OfferRow) => r[prefs.tier]?.price.cents ?? r[other]?.price.cents ?? Infinity;
  const empty = (r: OfferRow) => Number(rowStock(r) === 0);
  // Worked out once per row, not on every comparison.
  const chances = new Map(chance ? rows.map((r) => [r, rowChance(r, prefs.tier, chance)]) : []);
  const better = (a: OfferRow, b: OfferRow) => (chances.get(b) ?? 0) - (chances.get(a) ?? 0);
  return [...rows].sort(
    (a, b) =>
      pinned(a) - pinned(b) ||
      accepted(a) - accepted(b) ||
      pin(a) - pin(b) ||
      empty(a) - empty(b) ||
      better(a, b) ||
      price(a) - price(b) ||
      a.name.localeCompare(b.name),
  );
}

/** Case, accents and ё-е folded, so "cote" finds "Côte d'Ivoire" and "ещё" finds "еще". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ё', 'е').trim();
}

/**
 * Rows matching the query by name (as shown, the provider's, the English one), ISO code,
 * dialling code or a common short name; exact codes first ("uk" finds the United Kingdom
 * before Ukraine), then names starting with the query, then names containing it.
 */
export function filterRows(
  rows: readonly OfferRow[],
  query: string,
  shownName: (row: OfferRow) => string = (r) => r.name,
): OfferRow[] {
  const q = fold(query);
  if (!q) return [...rows];
  return rows
    .map((r) => ({ r, rank: countryRank([fold(shownName(r)), fold(r.name)], r.iso, q) }))
    .filter((m) => m.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((m) => m.r);
}

/**
 * Offers above the cap (minor units of the balance's currency) taken out; countries left with
 * none are hidden, and counted so the popup can say so.
 */
/** A row the price cap hides: every offer it has costs more than the cap. */
export function aboveCap(row: OfferRow, maxPriceCents: number): boolean {
  const offers = [row.standard, row.priority].filter((o) => o !== undefined);
  return offers.length > 0 && offers.every((o) => o.price.cents > maxPriceCents);
}

export function applyPriceCap(
  rows: readonly OfferRow[],
  maxPriceCents: number | null,
): { shown: OfferRow[]; hidden: number } {
  if (maxPriceCents === null) return { shown: [...rows], hidden: 0 };
  const within = (o: Offer | undefined) => (o && o.price.cents <= maxPriceCents ? o : undefined);
  const shown: OfferRow[] = [];
  let hidden = 0;
  for (const r of rows) {
    const row = { ...r, standard: within(r.standard), priority: within(r.priority) };
    if (row.standard || row.priority) shown.push(row);
    else hidden++;
  }
  return { shown, hidden };
}

const VIRTUAL = /\s*\(virtual\)\s*$/i;

/** One per language: the offer list names every country on each render. */
const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * The country's name in the interface language: the provider's name in English, or when it
 * says more than the country ("USA (virtual)"); else the browser's name for the ISO code.
 */
export function countryLabel(
  country: { name: string; iso: string | null },
  lang: string,
  /** The word for a virtual pool in `lang` ("USA (virtual)" becomes "США (…)"). */
  virtualWord?: string,
): string {
  const virtual = virtualWord !== undefined && VIRTUAL.test(country.name);
  if (lang === 'en' || !country.iso || (!virtual && /[()]/.test(country.name))) return country.name;
  try {
    let names = regionNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: 'region' });
      regionNames.set(lang, names);
    }
    const name = names.of(country.iso.toUpperCase()) ?? country.name;
    return virtual ? `${name} (${virtualWord})` : name;
  } catch {
    return country.name;
  }
}
