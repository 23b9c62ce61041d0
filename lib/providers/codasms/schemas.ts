import * as z from 'zod/mini';

// Wire shapes of the CODASMS v1 API (served by sandbox/faces/codasms.ts). Parsed loosely:
// unknown extra fields are ignored, missing required ones are a malformed reply.

const int = () => z.number().check(z.int());
const count = () => z.number().check(z.int(), z.nonnegative());
const text = () => z.pipe(z.union([z.string(), z.number()]), z.transform(String));

export const errorReply = z.object({
  ok: z.literal(false),
  reason: z.string(),
  message: z.optional(z.string()),
  retry_after_seconds: z.optional(z.number()),
});

export const balanceReply = z.object({
  ok: z.literal(true),
  balance_cents: int(),
  currency: z._default(z.string().check(z.length(3)), 'USD'),
});

const matrixCell = z.object({
  standard_cents: count(),
  priority_cents: z.optional(count()),
  stock: z.optional(count()),
  standard_stock: z.optional(count()),
  priority_stock: z.optional(count()),
});
export type MatrixCell = z.infer<typeof matrixCell>;

export const servicesReply = z.object({
  services: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      from_cents: z.optional(int()),
      stock: z.optional(int()),
    }),
  ),
  matrix: z._default(z.record(z.string(), z.record(z.string(), matrixCell)), {}),
  stale: z.optional(z.boolean()),
});

export const countriesReply = z.object({
  countries: z.array(
    z.object({
      code: text(),
      name: z.string(),
      iso: z.nullish(z.string()),
    }),
  ),
});

/** Kept as sent (a number stays a number on the way back, see map.ts idFromWire). */
const orderId = z.union([z.string().check(z.minLength(1), z.maxLength(64)), count()]);

export const orderReply = z.object({
  ok: z.literal(true),
  order_id: orderId,
  number: text(),
  band: z.optional(z.enum(['standard', 'priority'])),
  price_cents: count(),
  status: z.optional(z.string()),
  expires_in_seconds: z.optional(z.number().check(z.positive())),
  cancel_available_in_seconds: z.optional(z.number().check(z.nonnegative())),
});

export const statusReply = z.object({
  ok: z.literal(true),
  order_id: z.optional(orderId),
  status: z.string(),
  waiting: z.optional(z.boolean()),
  code: z.nullish(z.string()),
  text: z.nullish(z.string()),
  cancel_available_in_seconds: z.optional(z.number().check(z.nonnegative())),
});
export type StatusReply = z.infer<typeof statusReply>;
