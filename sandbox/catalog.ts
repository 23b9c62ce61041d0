/**
 * The sandbox's price list: real SMS-Activate service codes and country ids, deterministic
 * (seeded) prices in integer cents for the Standard and Priority tiers, and per-tier stock.
 * Stock is the only mutable part: each Catalog instance owns its own counts.
 */
import type { CountryCode } from 'libphonenumber-js';
import { hashString, mulberry32, randInt } from './random.ts';

export type Band = 'standard' | 'priority';

export interface ServiceInfo {
  /** SMS-Activate service code, e.g. `ds`. */
  code: string;
  name: string;
  /** Price factor in percent of the country's base price. */
  weight: number;
}

export interface CountryInfo {
  /** SMS-Activate numeric country id, as a string ("6" = Indonesia). */
  id: string;
  iso: CountryCode;
  eng: string;
  rus: string;
  chn: string;
  /** Base price in cents for a service of weight 100. */
  baseCents: number;
}

export interface Offer {
  service: string;
  country: string;
  standardCents: number;
  priorityCents: number;
  standardStock: number;
  priorityStock: number;
}

const S = (code: string, name: string, weight: number): ServiceInfo => ({ code, name, weight });

export const SERVICES: readonly ServiceInfo[] = [
  S('tg', 'Telegram', 180),
  S('wa', 'WhatsApp', 170),
  S('go', 'Google', 120),
  S('ds', 'Discord', 90),
  S('tw', 'Twitter/X', 80),
  S('ig', 'Instagram', 90),
  S('fb', 'Facebook', 80),
  S('mm', 'Microsoft', 70),
  S('am', 'Amazon', 70),
  S('wx', 'Apple', 110),
  S('oi', 'Tinder', 100),
  S('lf', 'TikTok', 70),
  S('nf', 'Netflix', 60),
  S('ub', 'Uber', 70),
  S('ts', 'PayPal', 110),
  S('tn', 'LinkedIn', 70),
  S('fu', 'Snapchat', 60),
  S('dh', 'eBay', 60),
  S('mt', 'Steam', 60),
  S('vi', 'Viber', 70),
  S('wb', 'WeChat', 150),
  S('vk', 'VK', 60),
  S('ya', 'Yandex', 50),
  S('kt', 'KakaoTalk', 90),
  S('me', 'LINE', 80),
  S('re', 'Coinbase', 100),
  S('uk', 'Airbnb', 60),
  S('av', 'Avito', 50),
  S('ok', 'Odnoklassniki', 40),
  S('ma', 'Mail.ru', 40),
  S('mb', 'Yahoo', 60),
  S('bw', 'Signal', 80),
  S('dr', 'OpenAI', 130),
  S('nv', 'Naver', 70),
  S('ka', 'Shopee', 50),
  S('ot', 'Other', 40),
];

const C = (
  id: string,
  iso: CountryCode,
  eng: string,
  rus: string,
  chn: string,
  baseCents: number,
): CountryInfo => ({ id, iso, eng, rus, chn, baseCents });

export const COUNTRIES: readonly CountryInfo[] = [
  C('0', 'RU', 'Russia', 'Россия', '俄罗斯', 18),
  C('1', 'UA', 'Ukraine', 'Украина', '乌克兰', 20),
  C('2', 'KZ', 'Kazakhstan', 'Казахстан', '哈萨克斯坦', 22),
  C('4', 'PH', 'Philippines', 'Филиппины', '菲律宾', 14),
  C('6', 'ID', 'Indonesia', 'Индонезия', '印度尼西亚', 10),
  C('7', 'MY', 'Malaysia', 'Малайзия', '马来西亚', 16),
  C('10', 'VN', 'Vietnam', 'Вьетнам', '越南', 12),
  C('12', 'US', 'USA (virtual)', 'США (виртуальные)', '美国（虚拟）', 15),
  C('15', 'PL', 'Poland', 'Польша', '波兰', 40),
  C('16', 'GB', 'United Kingdom', 'Великобритания', '英国', 45),
  C('22', 'IN', 'India', 'Индия', '印度', 12),
  C('33', 'CO', 'Colombia', 'Колумбия', '哥伦比亚', 18),
  C('36', 'CA', 'Canada', 'Канада', '加拿大', 35),
  C('43', 'DE', 'Germany', 'Германия', '德国', 60),
  C('48', 'NL', 'Netherlands', 'Нидерланды', '荷兰', 55),
  C('52', 'TH', 'Thailand', 'Таиланд', '泰国', 20),
  C('54', 'MX', 'Mexico', 'Мексика', '墨西哥', 22),
  C('56', 'ES', 'Spain', 'Испания', '西班牙', 45),
  C('62', 'TR', 'Turkey', 'Турция', '土耳其', 25),
  C('73', 'BR', 'Brazil', 'Бразилия', '巴西', 20),
  C('78', 'FR', 'France', 'Франция', '法国', 50),
  C('86', 'IT', 'Italy', 'Италия', '意大利', 50),
  C('187', 'US', 'USA', 'США', '美国', 50),
];

/** Pairs the catalog does not offer at all (unknown pair: `no_numbers` / `NO_NUMBERS`). */
export const MISSING_PAIRS: readonly (readonly [string, string])[] = [
  ['vk', '187'],
  ['vk', '12'],
  ['ya', '12'],
  ['wb', '12'],
];

/** Offered pairs that are sold out in both tiers (`out_of_stock`). */
export const SOLD_OUT_PAIRS: readonly (readonly [string, string])[] = [
  ['wb', '16'],
  ['kt', '73'],
  ['nf', '0'],
  ['me', '43'],
];

/** Offered pairs whose Priority tier alone is sold out. */
export const PRIORITY_SOLD_OUT_PAIRS: readonly (readonly [string, string])[] = [['tg', '36']];

const DEFAULT_CATALOG_SEED = 0x5ad5b0c5;

const pairKey = (service: string, country: string): string => `${service}|${country}`;
const inList = (list: readonly (readonly [string, string])[], s: string, c: string): boolean =>
  list.some(([ls, lc]) => ls === s && lc === c);

function makeOffer(service: ServiceInfo, country: CountryInfo, seed: number): Offer {
  const rng = mulberry32(hashString(pairKey(service.code, country.id)) ^ seed);
  const raw = (country.baseCents * service.weight * (80 + randInt(rng, 0, 40))) / 10000;
  const standardCents = Math.max(5, Math.round(raw));
  const priorityCents = Math.round((standardCents * randInt(rng, 150, 200)) / 100);
  const scarce = rng() < 0.1;
  let standardStock = scarce ? randInt(rng, 1, 20) : randInt(rng, 50, 4000);
  let priorityStock = randInt(rng, 5, 300);
  if (inList(SOLD_OUT_PAIRS, service.code, country.id)) {
    standardStock = 0;
    priorityStock = 0;
  }
  if (inList(PRIORITY_SOLD_OUT_PAIRS, service.code, country.id)) priorityStock = 0;
  return {
    service: service.code,
    country: country.id,
    standardCents,
    priorityCents,
    standardStock,
    priorityStock,
  };
}

export function priceOf(offer: Offer, band: Band): number {
  return band === 'priority' ? offer.priorityCents : offer.standardCents;
}

export function stockOf(offer: Offer, band: Band): number {
  return band === 'priority' ? offer.priorityStock : offer.standardStock;
}

export class Catalog {
  readonly services = SERVICES;
  readonly countries = COUNTRIES;
  private readonly offersByPair = new Map<string, Offer>();

  constructor(seed: number = DEFAULT_CATALOG_SEED) {
    for (const country of COUNTRIES) {
      for (const service of SERVICES) {
        if (inList(MISSING_PAIRS, service.code, country.id)) continue;
        this.offersByPair.set(pairKey(service.code, country.id), makeOffer(service, country, seed));
      }
    }
  }

  service(code: string): ServiceInfo | undefined {
    return SERVICES.find((s) => s.code === code);
  }

  country(id: string): CountryInfo | undefined {
    return COUNTRIES.find((c) => c.id === id);
  }

  offer(service: string, country: string): Readonly<Offer> | undefined {
    return this.offersByPair.get(pairKey(service, country));
  }

  /** Offers matching the optional filters, countries in catalog order then services. */
  offers(filter: { service?: string; country?: string } = {}): Readonly<Offer>[] {
    return [...this.offersByPair.values()].filter(
      (o) =>
        (filter.service === undefined || o.service === filter.service) &&
        (filter.country === undefined || o.country === filter.country),
    );
  }

  /** When each pair's price last changed (ms, the ledger's clock), for "price moved" replies. */
  readonly repricedAt = new Map<string, number>();

  /**
   * Sets one tier's price (control API: a price that moves while a user looks at it); null
   * takes the pair off sale (the offer is gone). False when the pair is unknown.
   */
  reprice(service: string, country: string, band: Band, cents: number | null, at: number): boolean {
    const key = pairKey(service, country);
    const offer = this.offersByPair.get(key);
    if (!offer) return false;
    if (cents === null) this.offersByPair.delete(key);
    else if (band === 'priority') offer.priorityCents = cents;
    else offer.standardCents = cents;
    this.repricedAt.set(key, at);
    return true;
  }

  /** Sets one tier's stock (control API: 0 sells it out). False when the pair is unknown. */
  restock(service: string, country: string, band: Band, count: number): boolean {
    const offer = this.offersByPair.get(pairKey(service, country));
    if (!offer) return false;
    if (band === 'priority') offer.priorityStock = count;
    else offer.standardStock = count;
    return true;
  }

  /** Milliseconds since the pair's price moved, or null when it never did. */
  sinceRepriced(service: string, country: string, now: number): number | null {
    const at = this.repricedAt.get(pairKey(service, country));
    return at === undefined ? null : now - at;
  }

  /** Takes one number from stock; false when the tier is sold out or the pair unknown. */
  take(service: string, country: string, band: Band): boolean {
    const offer = this.offersByPair.get(pairKey(service, country));
    if (!offer || stockOf(offer, band) <= 0) return false;
    if (band === 'priority') offer.priorityStock -= 1;
    else offer.standardStock -= 1;
    return true;
  }
}
