import * as z from 'zod';

// Wire shapes of the CODASMS v1 API (../shared/docs/providers.md, section 1). Parsed loosely:
// unknown extra fields are ignored, missing required ones are a malformed reply.

export const errorReply = z.object({
  ok: z.literal(false),
  reason: z.string(),
  message: z.string().optional(),
  retry_after_seconds: z.number().optional(),
});

export const balanceReply = z.object({
  ok: z.literal(true),
  balance_cents: z.number().int(),
  currency: z.string().length(3).default('USD'),
});

const matrixCell = z.object({
  standard_cents: z.number().int().nonnegative(),
  priority_cents: z.number().int().nonnegative().optional(),
  stock: z.number().int().nonnegative().optional(),
  standard_stock: z.number().int().nonnegative().optional(),
  priority_stock: z.number().int().nonnegative().optional(),
});
export type MatrixCell = z.infer<typeof matrixCell>;

export const servicesReply = z.object({
  services: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      from_cents: z.number().int().optional(),
      stock: z.number().int().optional(),
    }),
  ),
  matrix: z.record(z.string(), z.record(z.string(), matrixCell)).default({}),
  stale: z.boolean().optional(),
});

export const countriesReply = z.object({
  countries: z.array(
    z.object({
      code: z.union([z.string(), z.number()]).transform(String),
      name: z.string(),
      iso: z.string().nullish(),
    }),
  ),
});

/** Kept as sent (a number stays a number on the way back, see map.ts idFromWire). */
const orderId = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]);

export const orderReply = z.object({
  ok: z.literal(true),
  order_id: orderId,
  number: z.union([z.string(), z.number()]).transform(String),
  band: z.enum(['standard', 'priority']).optional(),
  price_cents: z.number().int().nonnegative(),
  status: z.string().optional(),
  expires_in_seconds: z.number().positive().optional(),
  cancel_available_in_seconds: z.number().nonnegative().optional(),
});

export const statusReply = z.object({
  ok: z.literal(true),
  order_id: orderId.optional(),
  status: z.string(),
  waiting: z.boolean().optional(),
  code: z.string().nullish(),
  text: z.string().nullish(),
  cancel_available_in_seconds: z.number().nonnegative().optional(),
});
export type StatusReply = z.infer<typeof statusReply>;
