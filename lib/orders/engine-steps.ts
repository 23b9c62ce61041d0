/**
 * Moving orders forward: an event applied in the write turn, then its effects; one order's
 * next provider call (a step); one bulk status request for many. Each takes the engine's
 * shared context (engine-context.ts), so they all queue in the same write turn and see the
 * same calls under way.
 */
import { warn } from '../redact.ts';
import type { Provider, ProviderStatus } from '../providers/types.ts';
import type { EngineContext, EngineDeps } from './engine-context.ts';
import { toOrderError, withChosenCode } from './engine-replies.ts';
import { nextCall, transition, type OrderEffect, type OrderEvent } from './machine.ts';
import type { Order } from './types.ts';

async function runEffects(deps: EngineDeps, order: Order, effects: OrderEffect[]) {
  for (const effect of effects) {
    try {
      await deps.runEffect(order, effect);
    } catch (e) {
      // An effect (a fill, a notification) failing must never lose the stored order.
      warn(`order ${order.id}: effect ${effect.type} failed`, e);
    }
  }
}

/** Applies an event to the stored order: transition, persist, then effects. */
export async function applyEvent(
  ctx: EngineContext,
  id: string,
  event: OrderEvent,
): Promise<Order | null> {
  const { deps, store } = ctx;
  const result = await ctx.exclusive(async () => {
    const order = await store.get(id);
    if (!order) return null;
    const t = transition(order, event, deps.now());
    if (t.order !== order) await store.put(t.order, order);
    return t;
  });
  if (!result) return null;
  await runEffects(deps, result.order, result.effects);
  return result.order;
}

const applyStatus = (ctx: EngineContext, id: string, status: ProviderStatus, via?: 'cancel') =>
  applyEvent(ctx, id, {
    type: 'status',
    status: withChosenCode(status),
    ...(via ? { via } : {}),
  });

/** What our records hold at this provider: never to be taken for a lost purchase. */
async function heldIds(ctx: EngineContext, providerId: Order['providerId']): Promise<string[]> {
  const all = await ctx.store.all();
  return all.flatMap((o) =>
    o.providerId === providerId && o.providerOrderId !== null ? [o.providerOrderId] : [],
  );
}

async function callProvider(
  ctx: EngineContext,
  order: Order,
  provider: Provider,
  what: NonNullable<ReturnType<typeof nextCall>>,
  urgent: boolean,
) {
  const id = order.providerOrderId ?? '';
  switch (what) {
    case 'order': {
      const placed = await provider.order({
        service: order.service.code,
        country: order.country.code,
        tier: order.tier,
        maxPrice: order.maxPrice,
        idempotencyKey: order.idempotencyKey,
        held: await heldIds(ctx, order.providerId),
      });
      return applyEvent(ctx, order.id, { type: 'placed', placed });
    }
    case 'poll':
      return applyStatus(ctx, order.id, await provider.check(id, { urgent }));
    case 'cancel':
      // A number the site refused is banned where the provider can (5sim), so it is not
      // sold again; the refund is the same.
      return applyStatus(
        ctx,
        order.id,
        await (order.rejectedBySite ? provider.cancel(id, { ban: true }) : provider.cancel(id)),
        'cancel',
      );
    case 'complete':
      // Providers without an explicit "done" (capabilities.complete false) treat it as a no-op.
      await provider.complete(id);
      return applyEvent(ctx, order.id, { type: 'completed' });
    case 'anotherSms':
      await provider.requestAnotherSms(id);
      return applyEvent(ctx, order.id, { type: 'anotherSmsSent' });
  }
}

/**
 * Moves one order forward: the clock first (window end), then the provider call its state
 * needs. `pollDue` lets the scheduler hold back polls to keep inside the rate budget;
 * `urgent` marks a poll the page is waiting for (its code field shows).
 */
export async function stepOrder(
  ctx: EngineContext,
  id: string,
  pollDue: boolean,
  urgent = false,
): Promise<Order | null> {
  const { deps, inFlight } = ctx;
  let order = await applyEvent(ctx, id, { type: 'tick' });
  if (!order || inFlight.has(id)) return order;
  // Claimed before the next await: a concurrent step of this order (create() and a scheduler
  // pass) must not slip in while the provider settings load and make a second call.
  inFlight.add(id);
  try {
    const provider = await deps.provider(order.providerId, order.id);
    if (!provider) return order;
    const what = nextCall(order, deps.now());
    if (!what || (what === 'poll' && !pollDue)) return order;
    // A routine poll never queues for the rate budget: it would hold this order back (one
    // call at a time) when its page shows the code field and the poll becomes urgent.
    if (what === 'poll' && !urgent && provider.budget?.available() === 0) return order;
    try {
      order = (await callProvider(ctx, order, provider, what, urgent)) ?? order;
    } catch (e) {
      const { error, retryAfterMs } = toOrderError(e);
      order = (await applyEvent(ctx, id, { type: 'error', error, retryAfterMs })) ?? order;
    }
  } finally {
    inFlight.delete(id);
  }
  return order;
}

/**
 * One bulk status request for every given order of one provider that needs a poll now
 * (capabilities.bulkCheck). Returns the ids it settled; the caller steps the others alone,
 * so an order missing from the reply is still checked one by one, never assumed gone.
 */
export async function pollMany(
  ctx: EngineContext,
  ids: readonly string[],
  urgent = false,
): Promise<Set<string>> {
  const { deps, inFlight } = ctx;
  const settled = new Set<string>();
  const due: Order[] = [];
  for (const id of ids) {
    const order = await applyEvent(ctx, id, { type: 'tick' });
    if (order && !inFlight.has(id) && nextCall(order, deps.now()) === 'poll') due.push(order);
  }
  const first = due[0];
  if (!first || due.length < 2) return settled;
  const provider = await deps.provider(first.providerId, first.id);
  if (!provider?.checkMany || !provider.capabilities.bulkCheck) return settled;
  if (!urgent && provider.budget?.available() === 0) return settled;
  // One request covers one account: orders placed with another key (the user edited the
  // provider meanwhile) are left to step alone. Providers of one key share one rate budget.
  const batch: Order[] = [];
  for (const o of due) {
    if (o.providerId !== first.providerId || !o.providerOrderId) continue;
    if ((await deps.provider(o.providerId, o.id))?.budget === provider.budget) batch.push(o);
  }
  batch.forEach((o) => inFlight.add(o.id));
  try {
    const ids = batch.map((o) => o.providerOrderId ?? '');
    const statuses = await provider.checkMany(ids, { urgent });
    for (const o of batch) {
      const status = statuses.get(o.providerOrderId ?? '');
      if (!status) continue;
      await applyStatus(ctx, o.id, status);
      settled.add(o.id);
    }
  } catch (e) {
    // One failed bulk call counts against every order in it: they all back off together.
    const { error, retryAfterMs } = toOrderError(e);
    for (const o of batch) {
      await applyEvent(ctx, o.id, { type: 'error', error, retryAfterMs });
      settled.add(o.id);
    }
  } finally {
    batch.forEach((o) => inFlight.delete(o.id));
  }
  return settled;
}
