import * as z from 'zod/mini';
import type { AppErrorKind } from './errors.ts';
import type { Money } from './money.ts';
import { PHONE_ENTRY_FORMATS } from './phone/entry.ts';
import type { Order } from './orders/types.ts';
import type { LimitRefusal } from './orders/limits.ts';
import type {
  AccountStanding,
  Capabilities,
  Offer,
  ProviderId,
  ServiceInfo,
} from './providers/types.ts';
import type { Preferences } from './storage.ts';
import type { ProviderWait } from './background/offers-progress.ts';
import type { Unanswered } from './providers/offers.ts';

// One protocol map per direction. Names say the direction: `popup.*` and `options.*` come
// from extension pages (PageProtocol), `content.*` from a content script (ContentProtocol),
// `bg.*` go from the background to a content script (ToContentProtocol). Each map names a
// message's request, as zod validates it at the receiver, and its reply; the receiver is one
// object of handlers typed by the map (Handlers), so a missing or mistyped reply is a compile
// error.

/** A direction's map: for each message type, its request (as validated) and its reply. */
export type Protocol<M extends { type: string }, R extends { [K in M['type']]: unknown }> = {
  [K in M['type']]: { request: Extract<M, { type: K }>; reply: R[K] };
};

type AnyProtocol = Record<string, { request: { type: string }; reply: unknown }>;

/** The receiver of a direction: one handler per message, answering the map's reply. */
export type Handlers<P extends AnyProtocol, Context extends unknown[] = []> = {
  [K in keyof P]: (msg: P[K]['request'], ...context: Context) => Promise<P[K]['reply']>;
};

/**
 * Runs the handler of one validated message. `type` is the message's own (passed apart so the
 * compiler ties the handler to its request and reply).
 */
export function dispatch<P extends AnyProtocol, K extends keyof P, Context extends unknown[]>(
  handlers: Handlers<P, Context>,
  type: K,
  msg: P[K]['request'],
  ...context: Context
): Promise<P[K]['reply']> {
  return handlers[type](msg, ...context);
}

/** Longest rejection text a content script reports: a sentence or two. */
export const REJECTION_TEXT_MAX = 200;

/** A string of `min` to `max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const id = () => z.string().check(z.minLength(1));

const tier = z.enum(['standard', 'priority']);
const serviceInfo = z.object({
  code: text(1, 32),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

const providerSettings = z.object({
  providerId: z.enum(['codasms', 'smsactivate', 'fivesim'] satisfies ProviderId[]),
  apiKey: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  baseUrl: z.string().check(z.maxLength(2000)),
  hostPreset: z.optional(z.string().check(z.maxLength(64))),
  currency: z.optional(z.string().check(z.length(3))),
  name: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  savedAt: z.optional(z.number()),
});

export const pageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('popup.getState'), tabId: z.number().check(z.int()) }),
  z.object({ type: z.literal('popup.getOffers'), service: text(1, 32) }),
  /** The provider's whole service list, for a site the catalog does not know. */
  z.object({ type: z.literal('popup.getServices') }),
  /** Remembers the service the user picked for a registrable domain; null forgets it. */
  z.object({
    type: z.literal('popup.setSiteService'),
    domain: text(1, 253),
    service: z.nullable(serviceInfo),
  }),
  z.object({
    type: z.literal('popup.createOrder'),
    tabId: z.number().check(z.int()),
    service: text(1, 32),
    country: text(1, 16),
    tier,
    /** The provider whose offer the user clicked (several may be set up). */
    providerId: z.optional(z.string().check(z.maxLength(32))),
    /** The price on the button the user clicked (or the new one accepted): the order's cap. */
    price: z.optional(
      z.object({
        cents: z.int().check(z.nonnegative(), z.maximum(100_000_000)),
        currency: z.string().check(z.length(3)),
      }),
    ),
  }),
  z.object({ type: z.literal('popup.cancelOrder'), orderId: id() }),
  z.object({ type: z.literal('popup.anotherNumber'), orderId: id() }),
  z.object({ type: z.literal('popup.fillAgain'), orderId: id() }),
  z.object({ type: z.literal('popup.requestAnotherSms'), orderId: id() }),
  /** The user allowed sites the popup asked for (components/popup/SiteAccess.tsx). */
  z.object({ type: z.literal('popup.siteAccessGranted') }),
  /** The account's standing at one provider (5sim's rating); null where it keeps none. */
  z.object({
    type: z.literal('options.getStanding'),
    providerId: z.string().check(z.maxLength(32)),
  }),
  /** Tests a provider's settings and saves them only when the provider accepts the key. */
  z.object({ type: z.literal('options.saveProvider'), settings: providerSettings }),
]);
export type PageMessage = z.infer<typeof pageMessage>;
export type PageProtocol = Protocol<PageMessage, PageReplies>;

export const contentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content.hello') }),
  z.object({
    type: z.literal('content.filled'),
    orderId: id(),
    what: z.enum(['phone', 'code']),
    /** How the page's phone field took the number (copy buttons copy it that way). */
    phoneFormat: z.optional(z.nullable(z.enum(PHONE_ENTRY_FORMATS))),
  }),
  z.object({ type: z.literal('content.codeFieldVisible'), orderId: id() }),
  /** The page refused the ordered number: the error text beside its phone field (clipped). */
  z.object({
    type: z.literal('content.rejected'),
    orderId: id(),
    text: text(1, REJECTION_TEXT_MAX),
  }),
  /** The countries the page's phone country selector offers; null: none, or unreadable. */
  z.object({
    type: z.literal('content.siteCountries'),
    countries: z.nullable(z.array(z.string().check(z.regex(/^[A-Z]{2}$/))).check(z.maxLength(300))),
  }),
]);
export type ContentMessage = z.infer<typeof contentMessage>;

/** What the background answers a content script; null: not about this page's own order. */
interface ContentReplies {
  'content.hello': HelloReply;
  'content.filled': true | null;
  'content.codeFieldVisible': true | null;
  'content.rejected': true | null;
  'content.siteCountries': true;
}
export type ContentProtocol = Protocol<ContentMessage, ContentReplies>;

/** phone: the phone field is there, empty or holding the order's number; moved: it is not. */
export const phoneStepReply = z.object({ step: z.enum(['phone', 'moved', 'unknown']) });
export type PhoneStepReply = z.infer<typeof phoneStepReply>;

const selector = text(1, 2000);
const siteFields = z.object({ phone: z.optional(selector), code: z.optional(selector) });

/**
 * Manual fill (context menu, keyboard shortcut): the background has checked the frame's site
 * (and the code's bound host) and hands over the one value for the field the user chose: the
 * last right-clicked field, or the focused one.
 */
export const fillHereMessage = z.object({
  type: z.literal('bg.fillHere'),
  what: z.enum(['phone', 'code']),
  value: text(1, 32),
  codeHost: z.nullable(z.string()),
  target: z.enum(['clicked', 'focused']),
});
export type FillHereMessage = z.infer<typeof fillHereMessage>;

export const fillHereReply = z.object({
  ok: z.boolean(),
  /** The chosen field, for the site's memory; null when nothing was filled. */
  selector: z.nullable(selector),
  phoneFormat: z.nullable(z.enum(PHONE_ENTRY_FORMATS)),
  /** Why nothing was filled: no usable field there, or the code belongs to another host. */
  problem: z.nullable(z.enum(['no-field', 'not-here', 'refused'])),
});
export type FillHereReply = z.infer<typeof fillHereReply>;

export const backgroundToContent = z.discriminatedUnion('type', [
  /** "Ask me again": the content script replies with content.hello. */
  z.object({ type: z.literal('bg.poke') }),
  /** "Read your country selector again": the content script replies with content.siteCountries. */
  z.object({ type: z.literal('bg.readCountries') }),
  /** "Is the page still on the phone step of this order?": answered with a PhoneStepReply. */
  z.object({ type: z.literal('bg.phoneStep'), orderId: id() }),
  fillHereMessage,
]);
export type BackgroundToContent = z.infer<typeof backgroundToContent>;

/**
 * What a content script answers the background, checked there: the page is not trusted to
 * answer in shape. A poke and a country reading get no answer (they are followed by a
 * content.* message instead).
 */
export const toContentReplies = {
  'bg.poke': z.void(),
  'bg.readCountries': z.void(),
  'bg.phoneStep': phoneStepReply,
  'bg.fillHere': fillHereReply,
} satisfies Record<BackgroundToContent['type'], z.ZodMiniType>;
export type ToContentProtocol = Protocol<
  BackgroundToContent,
  { [K in keyof typeof toContentReplies]: z.infer<(typeof toContentReplies)[K]> }
>;

/** What a content script may know about its own tab's order: never the key. */
export const helloReply = z.object({
  orderId: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  code: z.nullable(z.string()),
  fillPhone: z.boolean(),
  fillCode: z.boolean(),
  /** The host an origin-bound SMS (`@host #code`) names; the code is for that host only. */
  codeHost: z.optional(z.nullable(z.string())),
  /** Fields the user chose by hand on this site (context menu, shortcut): filled first. */
  fields: z.optional(z.nullable(siteFields)),
  /** Numbers of this tab's orders that ended without a code: taken out of the phone field. */
  withdrawn: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(10))),
  /** A number that replaces another: once filled, the page's send control gets the focus. */
  focusSubmit: z.optional(z.boolean()),
});
export type HelloReply = z.infer<typeof helloReply>;

/** Replies are `{ok: true, data}` or `{ok: false, error}` so errors cross the boundary typed. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export interface ReplyError {
  kind: AppErrorKind;
  message: string;
  /** price_moved: the price asked now, for the popup to offer (null: none left). */
  price?: Money | null;
  /** limit_reached: which spending limit refused the order. */
  limit?: LimitRefusal;
  /** The provider that failed, where the popup asked several (offers, balance). */
  provider?: string;
}

/** What the background answers to each page message. */
export interface PageReplies {
  'popup.getState': PopupState;
  'popup.getOffers': OffersReply;
  'popup.getServices': { services: ServiceInfo[] };
  'popup.setSiteService': true;
  'popup.createOrder': Order;
  'popup.cancelOrder': Order | null;
  'popup.anotherNumber': Order | null;
  'popup.fillAgain': Order | null;
  'popup.requestAnotherSms': Order | null;
  /** The sites now allowed. */
  'popup.siteAccessGranted': string[];
  'options.getStanding': AccountStanding | null;
  'options.saveProvider': { balance: Money };
}

/** The tab's site and the service the popup orders for. */
export interface PopupSite {
  origin: string;
  /** Registrable domain: the key the user's pick is remembered under. */
  domain: string;
  /** The user's pick for the site, else the catalog's guess; null when neither. */
  service: ServiceInfo | null;
  /** True when `service` is the user's pick rather than the catalog's. */
  picked: boolean;
}

export interface PopupState {
  site: PopupSite | null;
  configured: boolean;
  orders: Order[];
  preferences: Preferences;
  /**
   * Where to add money (the provider's site) per configured provider, the default provider
   * first (its balance is the one the popup shows).
   */
  topUpUrls: Partial<Record<ProviderId, string>>;
  /**
   * The site's service's offers when the background holds a fresh answer (asked for `at`,
   * epoch ms), so the popup paints them without asking again; null when it holds none.
   */
  offers: (OffersReply & { service: string; at: number }) | null;
  /** The providers the site's service's offers still wait for (the popup says so early). */
  offersWaiting: ProviderWait[];
  /**
   * The countries the tab's page offers in its phone country selector (ISO alpha-2), the ones
   * the site accepts; null when it has none or it could not be read. `reading` while the page
   * was asked and has not answered yet (the popup asks again sooner then).
   */
  siteCountries: SiteCountriesState;
}

export interface SiteCountriesState {
  countries: string[] | null;
  reading: boolean;
}

export interface OffersReply {
  offers: Offer[];
  balance: Money;
  /** Whose balance that is (the default provider's): its offers above it ask for a top-up. */
  balanceOf?: ProviderId;
  capabilities: Capabilities;
  /** Providers left out of `offers` because they failed (another one answered). */
  unanswered?: Unanswered[];
}
