import * as z from 'zod';

// Wire shapes of 5sim's REST API (providers.md section 3). Amounts are decimals in the
// account's currency; ids are numbers.

const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const amount = z.union([z.number(), z.string()]);

export const profileReply = z.object({
  balance: amount,
  rating: z.number().optional(),
  frozen_balance: amount.optional(),
});

const sms = z.object({
  text: z.string().nullish(),
  code: z.string().nullish(),
  created_at: z.string().nullish(),
});

export const orderReply = z.object({
  id,
  phone: z.union([z.string(), z.number()]).transform(String),
  operator: z.string().nullish(),
  product: z.string().nullish(),
  price: amount,
  status: z.string(),
  expires: z.string().nullish(),
  created_at: z.string().nullish(),
  country: z.string().nullish(),
  sms: z.array(sms).nullish(),
});
export type OrderReply = z.infer<typeof orderReply>;

/** GET /user/orders: `Data` holds the orders, newest first when asked so. */
export const ordersReply = z.object({ Data: z.array(orderReply).nullish() });

const operatorCell = z.object({
  cost: amount,
  count: z.number().int().nonnegative().default(0),
  rate: z.number().nonnegative().nullish(),
});
export type OperatorCell = z.infer<typeof operatorCell>;

/** GET /guest/prices: three levels (product or country first, then the other, then operator). */
export const pricesReply = z.record(
  z.string(),
  z.record(z.string(), z.record(z.string(), operatorCell)),
);
export type PricesReply = z.infer<typeof pricesReply>;
