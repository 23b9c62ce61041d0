import * as z from 'zod';

// Wire shapes of the SMS-Activate protocol's JSON actions (providers.md section 2). Hosts differ
// in whether numbers come as strings or numbers, so both are accepted and normalised here.

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const decimal = z.union([z.string(), z.number()]);
const count = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform(Number)
  .pipe(z.number().int().nonnegative());

export const numberV2Reply = z.object({
  activationId: id,
  phoneNumber: z.union([z.string(), z.number()]).transform(String),
  activationCost: decimal,
  activationTime: z.string().optional(),
  activationEndTime: z.string().nullish(),
});

/** A code or text field: a string, a list of them (latest last), or nothing. */
const latest = z
  .union([z.string(), z.array(z.string()), z.null()])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[v.length - 1] ?? null) : (v ?? null)));

export const activeActivation = z.object({
  activationId: id,
  serviceCode: z.string().optional(),
  phoneNumber: z.union([z.string(), z.number()]).transform(String).optional(),
  activationStatus: z.union([z.string(), z.number()]).transform(String).optional(),
  smsCode: latest,
  smsText: latest,
  countryCode: z.union([z.string(), z.number()]).transform(String).optional(),
});
export type ActiveActivation = z.infer<typeof activeActivation>;

/**
 * getActiveActivations: the classic `{status, activeActivations: [...]}`, or HeroSMS's
 * `{status, data: [...]}`, sometimes with an empty (or keyed) `activeActivations` object
 * beside it. Either way, one list.
 */
export const activeActivationsReply = z
  .object({
    activeActivations: z
      .union([z.array(activeActivation), z.record(z.string(), activeActivation)])
      .optional(),
    data: z.array(activeActivation).optional(),
  })
  .refine((r) => r.activeActivations !== undefined || r.data !== undefined)
  .transform((r) => {
    const listed = r.activeActivations ?? [];
    const classic = Array.isArray(listed) ? listed : Object.values(listed);
    const seen = new Set(classic.map((a) => a.activationId));
    return [...classic, ...(r.data ?? []).filter((a) => !seen.has(a.activationId))];
  });

/** HeroSMS getStatusV2: the latest SMS with its full text; nothing before one arrives. */
export const statusV2Reply = z.object({
  sms: z.object({ code: z.string().nullish(), text: z.string().nullish() }).nullish().catch(null),
});

const priceCell = z.object({ cost: decimal, count: count.default(0) });
export type PriceCell = z.infer<typeof priceCell>;

/** getPrices: {country id: {service code: {cost, count}}}. */
export const pricesReply = z.record(z.string(), z.record(z.string(), priceCell));

const country = z.object({ id: id.optional(), eng: z.string().optional() });

/** getCountries: keyed by id (classic, HeroSMS) or a plain list (SMSBower). */
export const countriesReply = z
  .union([z.record(z.string(), country), z.array(country)])
  .transform((c) =>
    Array.isArray(c)
      ? c.flatMap((x) => (x.id === undefined ? [] : [[x.id, x] as const]))
      : Object.entries(c),
  );

export const servicesListReply = z.object({
  services: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Prices = z.infer<typeof pricesReply>;
