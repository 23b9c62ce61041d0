import { storage } from 'wxt/utils/storage';
import type { Order } from './orders/types.ts';
import type { PhoneEntryFormat } from './phone/entry.ts';
import type { OrderStore } from './orders/engine.ts';
import { splitArchive } from './orders/archive.ts';
import type { ProviderSettings } from './providers/registry.ts';
import type { Tier } from './providers/types.ts';
import type { LanguageChoice } from './i18n.ts';
import { DEFAULT_LIMITS, type SpendLimits } from './orders/limits.ts';
import { DEFAULT_NO_SMS, noSmsPolicy, type NoSmsPolicy } from './orders/no-sms.ts';

// Every storage item, declared once. The API key lives in `local:` only: never sync, never a
// page, never a log.

export const ordersItem = storage.defineItem<Record<string, Order>>('local:orders', {
  fallback: {},
  version: 1,
});

/**
 * Finished orders moved out of `local:orders` after ARCHIVE_AFTER_MS (lib/orders/archive.ts):
 * only the history page reads them.
 */
export const ordersArchiveItem = storage.defineItem<Record<string, Order>>('local:ordersArchive', {
  fallback: {},
  version: 1,
});

/** Every order, live and archived, for the history (a live one wins over a stale copy). */
export async function readAllOrders(
  live = ordersItem,
  archive = ordersArchiveItem,
): Promise<Order[]> {
  const [current, old] = await Promise.all([live.getValue(), archive.getValue()]);
  return Object.values({ ...old, ...current });
}

/**
 * What the extension remembers about site access (lib/background/site-plan.ts):
 * - `asked`: sites it could not reach (no host permission, activeTab gone) while an order
 *   wanted them; the popup explains and offers to allow them;
 * - `granted`: patterns the user allowed in answer, given back when no order wants the site.
 */
export interface SiteAccessState {
  asked: Record<string, { patterns: string[]; at: number }>;
  granted: Record<string, string[]>;
}

export const NO_SITE_ACCESS: SiteAccessState = { asked: {}, granted: {} };

export const siteAccessItem = storage.defineItem<SiteAccessState>('local:siteAccess', {
  fallback: NO_SITE_ACCESS,
  version: 1,
});

/**
 * The providers the user set up, the default (first) one first. Version 1 held one CODASMS
 * setting or null; several providers may be configured since version 2.
 */
export const providerSettingsItem = storage.defineItem<ProviderSettings[]>(
  'local:providerSettings',
  {
    fallback: [],
    version: 2,
    migrations: {
      2: (old: ProviderSettings | null): ProviderSettings[] => (old ? [old] : []),
    },
  },
);

export interface Preferences {
  /** Last country ordered, shown first. */
  lastCountry: string | null;
  /** The tier chosen last (or the default tier set in the options). */
  tier: Tier;
  /** The options' default country, shown on top after the last used one. */
  defaultCountry: string | null;
  /** Offers above this price (in the balance's minor units) are hidden; null: no cap. */
  maxPriceCents: number | null;
  /** Auto-fill switches: the phone number, the code. Nothing is ever submitted. */
  autoFillPhone: boolean;
  autoFillCode: boolean;
  /** Interface language; "auto" follows the browser. */
  language: LanguageChoice;
  /** Daily cap, balance floor, numbers per site visit: enforced by the background. */
  spendLimits: SpendLimits;
  /** When no SMS comes within N minutes: ask, swap by itself (at most K a visit), or wait. */
  noSms: NoSmsPolicy;
  /** The popup's offer order, as last chosen beside the list. */
  offerSort: OfferSort;
}

/** Cheapest first, or the best chance of a code first (lib/history/delivery-stats.ts). */
export type OfferSort = 'cheapest' | 'bestChance';

export const DEFAULT_PREFERENCES: Preferences = {
  lastCountry: null,
  tier: 'standard',
  defaultCountry: null,
  maxPriceCents: null,
  autoFillPhone: true,
  autoFillCode: true,
  language: 'auto',
  spendLimits: DEFAULT_LIMITS,
  noSms: DEFAULT_NO_SMS,
  offerSort: 'cheapest',
};

/** Version 2 added the options' defaults, switches and language to version 1's two fields. */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 2,
  migrations: {
    2: (old: Partial<Preferences> | null): Preferences => ({ ...DEFAULT_PREFERENCES, ...old }),
  },
});

/** The stored preferences, with defaults for any field a stored value lacks. */
export async function readPreferences(): Promise<Preferences> {
  const stored = await preferencesItem.getValue();
  return { ...DEFAULT_PREFERENCES, ...stored, noSms: noSmsPolicy(stored.noSms) };
}

/** Updates some preferences, keeping the rest (and filling fields an old version lacks). */
export async function updatePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = { ...(await readPreferences()), ...patch };
  await preferencesItem.setValue(next);
  return next;
}

/** The service the user picked for a site (registrable domain -> service), changeable. */
export interface SiteService {
  code: string;
  name: string;
}

export const siteServicesItem = storage.defineItem<Record<string, SiteService>>(
  'local:siteServices',
  { fallback: {}, version: 1 },
);

/**
 * Fields the user pointed at by hand (context menu) per registrable domain: the next order on
 * that site fills there. Selectors are built by the content script from the clicked field.
 */
export interface SiteFields {
  phone?: string;
  code?: string;
}

export const siteFieldsItem = storage.defineItem<Record<string, SiteFields>>('local:siteFields', {
  fallback: {},
  version: 1,
});

/** Remembers the field the user chose for the phone or the code on a site. */
export async function rememberSiteField(
  domain: string,
  what: keyof SiteFields,
  selector: string,
): Promise<void> {
  const all = await siteFieldsItem.getValue();
  await siteFieldsItem.setValue({ ...all, [domain]: { ...all[domain], [what]: selector } });
}

/**
 * How each site's phone field took the number (registrable domain -> format), learnt when the
 * number was filled: the popup's copy button copies the number that way (E.164 when unknown).
 */
export const sitePhoneFormatsItem = storage.defineItem<Record<string, PhoneEntryFormat>>(
  'local:sitePhoneFormats',
  { fallback: {}, version: 1 },
);

export async function rememberPhoneFormat(domain: string, format: PhoneEntryFormat) {
  const all = await sitePhoneFormatsItem.getValue();
  if (all[domain] !== format) await sitePhoneFormatsItem.setValue({ ...all, [domain]: format });
}

/**
 * What each tab's page offers in its phone country selector (lib/background/site-countries.ts),
 * keyed by tab id: the page read (origin + path), its ISO countries (null: no selector, or one
 * that could not be read) and when. Session storage: it ends with the browser session and
 * never reaches a content script, yet outlives a service worker that was stopped.
 */
export interface PageCountries {
  page: string;
  countries: string[] | null;
  at: number;
}

export const siteCountriesItem = storage.defineItem<Record<string, PageCountries>>(
  'session:siteCountries',
  { fallback: {}, version: 1 },
);

/** Orders live in one record; the engine serialises writes, so read-modify-write is safe. */
export function createOrderStore(item = ordersItem, archiveItem = ordersArchiveItem): OrderStore {
  return {
    async all() {
      return Object.values(await item.getValue());
    },
    async get(id) {
      return (await item.getValue())[id] ?? null;
    },
    async put(order) {
      const all = await item.getValue();
      await item.setValue({ ...all, [order.id]: order });
    },
    async putMany(orders) {
      const all = await item.getValue();
      await item.setValue({ ...all, ...Object.fromEntries(orders.map((o) => [o.id, o])) });
    },
    async archive(endedBefore) {
      const { live, moved } = splitArchive(await item.getValue(), endedBefore);
      const count = Object.keys(moved).length;
      if (count === 0) return 0;
      // The archive first: a worker killed in between leaves a copy in both, never none.
      await archiveItem.setValue({ ...(await archiveItem.getValue()), ...moved });
      await item.setValue(live);
      return count;
    },
  };
}

/**
 * The provider settings each open order was placed with (order id -> settings): editing or
 * removing a provider in the options must not move an order that holds money to another key.
 * Entries go once their order has ended (lib/background/provider-pins.ts).
 */
export const orderProvidersItem = storage.defineItem<Record<string, ProviderSettings>>(
  'local:orderProviders',
  { fallback: {}, version: 1 },
);
