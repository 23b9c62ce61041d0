import { AppError } from '../errors.ts';
import { LimitError } from '../orders/limits.ts';
import type { Reply } from '../messaging.ts';
import { isProviderError } from '../providers/types.ts';

/** A page message's answer: its data, or the error with its kind for the UI to word. */
export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });

export function fail(e: unknown): Reply<never> {
  if (e instanceof LimitError) {
    return { ok: false, error: { kind: e.kind, message: e.message, limit: e.refusal } };
  }
  if (e instanceof AppError) return { ok: false, error: { kind: e.kind, message: e.message } };
  if (isProviderError(e) && e.kind === 'price_moved') {
    return { ok: false, error: { kind: e.kind, message: e.message, price: e.currentPrice } };
  }
  if (isProviderError(e)) {
    const provider = e.provider ? { provider: e.provider } : {};
    return { ok: false, error: { kind: e.kind, message: e.message, ...provider } };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, error: { kind: 'internal', message } };
}
