import * as z from 'zod/mini';

// Wire shapes of 5sim's REST API (served by sandbox/faces/fivesim.ts). Amounts are decimals in the
// account's currency; ids are numbers.

const asText = <T extends z.ZodMiniType<string | number>>(s: T) => z.pipe(s, z.transform(String));
const id = asText(z.union([z.number().check(z.int()), z.string().check(z.minLength(1))]));
const amount = z.union([z.number(), z.string()]);

export const profileReply = z.object({
  balance: amount,
  rating: z.optional(z.number()),
  frozen_balance: z.optional(amount),
});

const sms = z.object({
  text: z.nullish(z.string()),
  code: z.nullish(z.string()),
  created_at: z.nullish(z.string()),
});

export const orderReply = z.object({
  id,
  phone: asText(z.union([z.string(), z.number()])),
  operator: z.nullish(z.string()),
  product: z.nullish(z.string()),
  price: amount,
  status: z.string(),
  expires: z.nullish(z.string()),
  created_at: z.nullish(z.string()),
  country: z.nullish(z.string()),
  sms: z.nullish(z.array(sms)),
});
export type OrderReply = z.infer<typeof orderReply>;

/** GET /user/orders: `Data` holds the orders, newest first when asked so. */
export const ordersReply = z.object({ Data: z.nullish(z.array(orderReply)) });

const operatorCell = z.object({
  cost: amount,
  count: z._default(z.number().check(z.int(), z.nonnegative()), 0),
  rate: z.nullish(z.number().check(z.nonnegative())),
});
export type OperatorCell = z.infer<typeof operatorCell>;

/** GET /guest/prices: three levels (product or country first, then the other, then operator). */
export const pricesReply = z.record(
  z.string(),
  z.record(z.string(), z.record(z.string(), operatorCell)),
);
export type PricesReply = z.infer<typeof pricesReply>;
