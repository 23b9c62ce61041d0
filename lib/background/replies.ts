import type { Reply } from '../messaging.ts';
import { LimitError } from '../orders/limits.ts';
import { isProviderError } from '../providers/types.ts';

/** A failure as a typed reply: the popup explains it by its kind. */
export function fail(e: unknown): Reply<never> {
  if (e instanceof LimitError) {
    return { ok: false, error: { kind: e.kind, message: e.message, limit: e.refusal } };
  }
  if (isProviderError(e) && e.kind === 'price_moved') {
    return { ok: false, error: { kind: e.kind, message: e.message, price: e.currentPrice } };
  }
  if (isProviderError(e)) return { ok: false, error: { kind: e.kind, message: e.message } };
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, error: { kind: 'internal', message } };
}

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
