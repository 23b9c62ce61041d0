import * as z from 'zod/mini';

// Wire shapes of the SMS-Activate protocol's JSON actions (served by sandbox/faces/sms-activate.ts). Hosts differ
// in whether numbers come as strings or numbers, so both are accepted and normalised here.

const asText = <T extends z.ZodMiniType<string | number>>(s: T) => z.pipe(s, z.transform(String));
const text = () => asText(z.union([z.string(), z.number()]));
const id = asText(z.union([z.string().check(z.minLength(1)), z.number().check(z.int())]));
const decimal = z.union([z.string(), z.number()]);
const count = z.pipe(
  z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]), z.transform(Number)),
  z.number().check(z.int(), z.nonnegative()),
);

export const numberV2Reply = z.object({
  activationId: id,
  phoneNumber: text(),
  activationCost: decimal,
  activationTime: z.optional(z.string()),
  activationEndTime: z.nullish(z.string()),
});

/** A code or text field: a string, a list of them (latest last), or nothing. */
const latest = z.pipe(
  z.optional(z.union([z.string(), z.array(z.string()), z.null()])),
  z.transform((v) => (Array.isArray(v) ? (v[v.length - 1] ?? null) : (v ?? null))),
);

export const activeActivation = z.object({
  activationId: id,
  serviceCode: z.optional(z.string()),
  phoneNumber: z.optional(text()),
  activationStatus: z.optional(text()),
  smsCode: latest,
  smsText: latest,
  countryCode: z.optional(text()),
});
export type ActiveActivation = z.infer<typeof activeActivation>;

/**
 * getActiveActivations: the classic `{status, activeActivations: [...]}`, or HeroSMS's
 * `{status, data: [...]}`, sometimes with an empty (or keyed) `activeActivations` object
 * beside it. Either way, one list.
 */
export const activeActivationsReply = z.pipe(
  z
    .object({
      activeActivations: z.optional(
        z.union([z.array(activeActivation), z.record(z.string(), activeActivation)]),
      ),
      data: z.optional(z.array(activeActivation)),
    })
    .check(z.refine((r) => r.activeActivations !== undefined || r.data !== undefined)),
  z.transform((r) => {
    const listed = r.activeActivations ?? [];
    const classic = Array.isArray(listed) ? listed : Object.values(listed);
    const seen = new Set(classic.map((a) => a.activationId));
    return [...classic, ...(r.data ?? []).filter((a) => !seen.has(a.activationId))];
  }),
);

/** HeroSMS getStatusV2: the latest SMS with its full text; nothing before one arrives. */
export const statusV2Reply = z.object({
  sms: z.catch(
    z.nullish(z.object({ code: z.nullish(z.string()), text: z.nullish(z.string()) })),
    null,
  ),
});

const priceCell = z.object({ cost: decimal, count: z._default(count, 0) });
export type PriceCell = z.infer<typeof priceCell>;

/** getPrices: {country id: {service code: {cost, count}}}. */
export const pricesReply = z.record(z.string(), z.record(z.string(), priceCell));

const country = z.object({ id: z.optional(id), eng: z.optional(z.string()) });

/** getCountries: keyed by id (classic, HeroSMS) or a plain list (SMSBower). */
export const countriesReply = z.pipe(
  z.union([z.record(z.string(), country), z.array(country)]),
  z.transform((c) =>
    Array.isArray(c)
      ? c.flatMap((x) => (x.id === undefined ? [] : [[x.id, x] as const]))
      : Object.entries(c),
  ),
);

export const servicesListReply = z.object({
  services: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Prices = z.infer<typeof pricesReply>;
