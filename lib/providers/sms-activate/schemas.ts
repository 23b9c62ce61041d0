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

export const activeActivationsReply = z.object({
  activeActivations: z.array(activeActivation).default([]),
});

const priceCell = z.object({ cost: decimal, count: count.default(0) });
export type PriceCell = z.infer<typeof priceCell>;

/** getPrices: {country id: {service code: {cost, count}}}. */
export const pricesReply = z.record(z.string(), z.record(z.string(), priceCell));

export const countriesReply = z.record(
  z.string(),
  z.object({ id: id.optional(), eng: z.string().optional() }),
);

export const servicesListReply = z.object({
  services: z.array(z.object({ code: z.string(), name: z.string() })),
});
