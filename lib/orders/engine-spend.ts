/**
 * The engine's spending-limit checks (lib/orders/limits.ts) on new orders: before one is
 * stored (engine.ts, create) and when asked whether one would pass (refusal, refusals).
 */
import type { Money } from '../money.ts';
import type { ProviderId } from '../providers/types.ts';
import type { EngineContext, EngineDeps, OrderInput, SpendGuard } from './engine-context.ts';
import { checkLimits } from './limits.ts';
import type { Order } from './types.ts';

/**
 * What the limit check needs besides the orders, read before the write turn (the balance may
 * ask the provider, and the turn must not wait on the network).
 */
export async function limitCheck(deps: EngineDeps, input: OrderInput) {
  const spend = deps.spend as SpendGuard;
  const limits = await spend.limits();
  const balance =
    limits.balanceFloor && input.providerId ? await spend.balance(input.providerId) : null;
  const now = deps.now();
  // An order with no cap may cost anything: it is checked at its known price, nothing.
  const price = input.maxPrice ?? { cents: 0, currency: limits.dailyCap?.currency ?? 'USD' };
  return (orders: readonly Order[]) =>
    checkLimits({ orders, limits, price, balance, site: input.site, now });
}

/** The engine's `refusal`: would this new order pass the limits (engine.ts)? */
export async function spendRefusal(ctx: EngineContext, input: OrderInput, replacing?: string) {
  if (!ctx.deps.spend) return null;
  const prepared = await limitCheck(ctx.deps, input);
  const all = await ctx.store.all();
  return prepared(all.map((o) => (o.id === replacing ? { ...o, state: 'refunded' } : o)));
}

/** The engine's `refusals`: one check per offer, everything shared read once (engine.ts). */
export async function spendRefusals(
  ctx: EngineContext,
  replacing: Order,
  providerIds: readonly ProviderId[],
) {
  const { deps, store } = ctx;
  const spend = deps.spend;
  if (!spend) return () => null;
  const limits = await spend.limits();
  const balances = new Map<ProviderId, Money | null>();
  for (const id of new Set(providerIds)) {
    balances.set(id, limits.balanceFloor ? await spend.balance(id) : null);
  }
  const orders = (await store.all()).map((o) =>
    o.id === replacing.id ? { ...o, state: 'refunded' as const } : o,
  );
  const { site } = replacing;
  const now = deps.now();
  return (providerId: ProviderId, price: Money) =>
    checkLimits({
      orders,
      limits,
      price,
      balance: balances.get(providerId) ?? null,
      site,
      now,
    });
}
