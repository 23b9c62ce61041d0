/**
 * A pay-per-code provider as a pure model, for property tests of the pure machine: price held
 * at order, charged on the first code, refunded on cancel (not before the early-cancel lock)
 * or at the window end, idempotency keys, another SMS, and faults that lose a request before
 * or after the provider acted on it. The adapters are tested against the real sandbox; this
 * only lets fast-check explore millions of interleavings without I/O.
 */
import { money } from '../../lib/money.ts';
import type { ProviderErrorKind } from '../../lib/providers/types.ts';
import type { ProviderCall, OrderEvent } from '../../lib/orders/machine.ts';
import type { Order } from '../../lib/orders/types.ts';

export type Fault = 'lost' | 'dropped' | 'malformed' | 'rate_limited' | 'down';

export interface ModelOrder {
  id: string;
  idempotencyKey: string;
  state: 'waiting' | 'code' | 'resend' | 'completed' | 'refunded';
  code: string | null;
  priceCents: number;
  expiresAt: number;
  cancelableAt: number;
  charged: boolean;
  refunds: number;
}

export interface ModelProvider {
  orders: ModelOrder[];
  /** How "cancel after a code" is refused: with the code (CODASMS) or an error (SMS-Activate). */
  flavour: 'codasms' | 'sms-activate';
  windowMs: number;
  lockMs: number;
  codes: number;
}

export function modelProvider(flavour: ModelProvider['flavour']): ModelProvider {
  return { orders: [], flavour, windowMs: 1_200_000, lockMs: 120_000, codes: 0 };
}

/** The provider's own timer: an order still waiting at its window end is refunded. */
export function sweep(p: ModelProvider, now: number): void {
  for (const o of p.orders) {
    if (now < o.expiresAt) continue;
    if (o.state === 'waiting') {
      o.state = 'refunded';
      o.refunds++;
    } else if (o.state === 'code' || o.state === 'resend') {
      o.state = 'completed';
    }
  }
}

/** An SMS reaches the number: the first code is charged, later ones are free. */
export function deliverSms(p: ModelProvider, o: ModelOrder, now: number): void {
  sweep(p, now);
  if (o.state !== 'waiting' && o.state !== 'resend') return;
  o.code = String(100_000 + ++p.codes);
  o.charged = true;
  o.state = 'code';
}

const err = (kind: ProviderErrorKind, retryAfterMs: number | null = null): OrderEvent => ({
  type: 'error',
  error: { kind, message: kind },
  retryAfterMs,
});

function statusOf(o: ModelOrder): OrderEvent {
  switch (o.state) {
    case 'waiting':
      return { type: 'status', status: { kind: 'waiting' } };
    case 'refunded':
      return { type: 'status', status: { kind: 'refunded' } };
    case 'code':
    case 'resend':
    case 'completed':
      return { type: 'status', status: { kind: 'code', code: o.code ?? '', text: null } };
  }
}

/** Serves one call of the engine and returns the event the engine would apply. */
export function serve(
  p: ModelProvider,
  order: Order,
  call: NonNullable<ProviderCall>,
  now: number,
  fault: Fault | null,
): OrderEvent {
  sweep(p, now);
  // Lost before the provider saw it: nothing happened there.
  if (fault === 'lost') return err('network');
  if (fault === 'rate_limited') return err('rate_limited', 2_000);
  if (fault === 'down') return err('provider_down');
  const reply = act(p, order, call, now);
  // The provider acted, but the reply never arrived or could not be read.
  if (fault === 'dropped') return err('network');
  if (fault === 'malformed') return err('malformed_reply');
  return reply;
}

function act(p: ModelProvider, order: Order, call: NonNullable<ProviderCall>, now: number) {
  if (call === 'order') {
    let o = p.orders.find((x) => x.idempotencyKey === order.idempotencyKey);
    if (!o) {
      o = {
        id: `m${p.orders.length + 1}`,
        idempotencyKey: order.idempotencyKey,
        state: 'waiting',
        code: null,
        priceCents: 35,
        expiresAt: now + p.windowMs,
        cancelableAt: now + p.lockMs,
        charged: false,
        refunds: 0,
      };
      p.orders.push(o);
    }
    const placed: OrderEvent = {
      type: 'placed',
      placed: {
        id: o.id,
        phone: '+6281200000001',
        price: money(o.priceCents),
        tier: order.tier,
        expiresAt: o.expiresAt,
        cancelAllowedAt: o.cancelableAt,
      },
    };
    return placed;
  }
  const o = p.orders.find((x) => x.id === order.providerOrderId);
  if (!o) return err('not_found');
  switch (call) {
    case 'poll':
      return statusOf(o);
    case 'cancel':
      if (o.state === 'refunded') return statusOf(o);
      if (o.state !== 'waiting') {
        return p.flavour === 'codasms' ? statusOf(o) : err('code_already_received');
      }
      if (now < o.cancelableAt) return err('too_early_to_cancel', o.cancelableAt - now);
      o.state = 'refunded';
      o.refunds++;
      return statusOf(o);
    case 'complete':
      if (o.state === 'code' || o.state === 'resend') o.state = 'completed';
      return { type: 'completed' } satisfies OrderEvent;
    case 'anotherSms':
      if (o.state !== 'code') return err('not_found');
      o.state = 'resend';
      return { type: 'anotherSmsSent' } satisfies OrderEvent;
  }
}
