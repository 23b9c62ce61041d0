import type { Capabilities, ProviderOrder } from './types.ts';

/** A just-bought order as a provider described it, before its times are counted from now. */
export interface BoughtOrder extends Omit<ProviderOrder, 'expiresAt' | 'cancelAllowedAt'> {
  /** How long the order stays open, when the provider says; else the capability window. */
  windowMs: number | null;
  /** How long until a cancel is accepted, when the provider says; else the capability lock. */
  lockMs?: number | null;
}

/**
 * The order every adapter hands back after a purchase (or an adopted lost one): its window and
 * cancel lock count from now, from what the provider said or else the provider's capabilities.
 */
export function placedOrder(
  bought: BoughtOrder,
  capabilities: Pick<Capabilities, 'windowSeconds' | 'earlyCancelSeconds'>,
  now: () => number,
): ProviderOrder {
  const { windowMs, lockMs = null, ...order } = bought;
  return {
    ...order,
    expiresAt: now() + (windowMs ?? capabilities.windowSeconds * 1000),
    cancelAllowedAt: now() + (lockMs ?? capabilities.earlyCancelSeconds * 1000),
  };
}
