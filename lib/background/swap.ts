import type { Engine } from '../orders/engine.ts';
import { LimitError } from '../orders/limits.ts';
import type { Order } from '../orders/types.ts';

/**
 * "Try another number", by the user's click or by the background when no SMS came: the old
 * number is cancelled for a refund and the same offer ordered again once the cancel is taken
 * (the machine's orderAgain). Refused with a LimitError, before the old number is given up,
 * when its replacement would break a spending limit.
 */
export async function anotherNumber(engine: Engine, orderId: string): Promise<Order | null> {
  const old = (await engine.allOrders()).find((o) => o.id === orderId);
  const refused = old ? await engine.refusal({ ...old, previousOrderId: old.id }, old.id) : null;
  if (refused) throw new LimitError(refused);
  return engine.cancel(orderId, 'another');
}
