import { AppError } from '../errors.ts';
import type { ProviderId } from '../providers/types.ts';
import { ARCHIVE_AFTER_MS } from './archive.ts';
import {
  createEngineContext,
  type EngineContext,
  type EngineDeps,
  type OrderInput,
} from './engine-context.ts';
import { limitCheck, spendRefusal, spendRefusals } from './engine-spend.ts';
import { applyEvent, pollMany, stepOrder } from './engine-steps.ts';
import { LimitError } from './limits.ts';
import type { OrderStore } from './order-writes.ts';
import { createOrder, type OrderEvent } from './machine.ts';
import { OPEN_STATES, type CancelReason, type Order } from './types.ts';

export type { OrderStore };
export type { EngineDeps, OrderInput, SpendGuard } from './engine-context.ts';

/** The engine's `reconcile` (createEngine): every open order asked about now. */
async function reconcileOpenOrders(ctx: EngineContext): Promise<Order[]> {
  const open = (await ctx.store.all()).filter((o) => OPEN_STATES.has(o.state));
  const settled = await pollMany(
    ctx,
    open.map((o) => o.id),
  );
  const out: Order[] = [];
  for (const o of open) {
    const after = settled.has(o.id) ? await ctx.store.get(o.id) : await stepOrder(ctx, o.id, true);
    if (after) out.push(after);
  }
  return out;
}

/** The engine's `create` (createEngine): a new order stored within the limits, then placed. */
async function createAndPlace(ctx: EngineContext, input: OrderInput): Promise<Order> {
  const { deps, store } = ctx;
  const provider = await deps.provider(input.providerId);
  if (!provider) throw new AppError('no_provider', 'No provider is set up.');
  const order = createOrder(
    {
      ...input,
      id: deps.newId(),
      idempotencyKey: deps.newId(),
      providerId: provider.id,
      anotherSms: provider.capabilities.anotherSms,
    },
    deps.now(),
  );
  const check = deps.spend ? await limitCheck(deps, { ...input, providerId: provider.id }) : null;
  // Stored before the provider hears of it: a crash mid-order retries with the same key.
  // The limits are checked in the same write turn, so two orders at once cannot both slip
  // under a cap that has room for one.
  await ctx.exclusive(async () => {
    const refused = check ? check(await store.all()) : null;
    if (refused) throw new LimitError(refused);
    await store.put(order, null);
  });
  return (await stepOrder(ctx, order.id, true)) ?? order;
}

export function createEngine(deps: EngineDeps) {
  // One context per engine: every method below shares its write turn and calls under way.
  const ctx = createEngineContext(deps);
  const { store, exclusive } = ctx;

  return {
    /** Applies an event to the stored order: transition, persist, then effects. */
    apply: (id: string, event: OrderEvent) => applyEvent(ctx, id, event),
    /** One order forward: the clock, then the provider call it needs (engine-steps.ts). */
    step: (id: string, pollDue: boolean, urgent = false) => stepOrder(ctx, id, pollDue, urgent),
    /** One bulk status request; the ids it settled (engine-steps.ts). */
    pollMany: (ids: readonly string[], urgent = false) => pollMany(ctx, ids, urgent),

    /**
     * Start-up (a fresh worker, a browser restart): asks the provider about every open order
     * now, whatever the cadence says. It may have refunded one by itself, or a code may have
     * arrived while the browser was closed: that code is filled, shown and completed.
     */
    reconcile: () => reconcileOpenOrders(ctx),

    requestAnotherSms: (id: string) => applyEvent(ctx, id, { type: 'requestAnotherSms' }),

    /**
     * Would a new order pass the spending limits? `replacing`: the order it replaces ("try
     * another number"), whose money comes back, though it still counts as a number of the visit.
     */
    refusal: (input: OrderInput, replacing?: string) => spendRefusal(ctx, input, replacing),

    /**
     * `refusal` for many offers at once (choosing what replaces `replacing`, replacement.ts):
     * the limits, the orders and each provider's balance are read once, then asked per offer.
     */
    refusals: (replacing: Order, providerIds: readonly ProviderId[]) =>
      spendRefusals(ctx, replacing, providerIds),

    create: (input: OrderInput) => createAndPlace(ctx, input),

    cancel: (id: string, reason: CancelReason) => applyEvent(ctx, id, { type: 'cancel', reason }),

    allOrders: () => store.all(),

    /** Finished orders older than ARCHIVE_AFTER_MS leave the live record (history keeps them). */
    archiveEnded: () =>
      exclusive(async () => (await deps.store.archive?.(deps.now() - ARCHIVE_AFTER_MS)) ?? 0),

    async openOrders(): Promise<Order[]> {
      return (await store.all()).filter((o) => OPEN_STATES.has(o.state));
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
