/** How a provider's reply or failure becomes order data (the engine's steps, engine-steps.ts). */
import { capSmsText, chooseCode } from '../sms/extract-code.ts';
import { isProviderError, type ProviderStatus } from '../providers/types.ts';
import type { OrderError } from './types.ts';

/** Longest error message kept on an order: a provider may quote a megabyte of garbage. */
const MAX_MESSAGE = 300;
const clip = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;

export function toOrderError(e: unknown): { error: OrderError; retryAfterMs: number | null } {
  if (isProviderError(e)) {
    const error: OrderError = { kind: e.kind, message: clip(e.message) };
    if (e.kind === 'price_moved') error.currentPrice = e.currentPrice;
    return { error, retryAfterMs: e.retryAfterMs };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { error: { kind: 'network', message: clip(message) }, retryAfterMs: null };
}

/**
 * The code we keep: an origin-bound line in the SMS wins, then the provider's parsed code when
 * the text bears it out, then our own extraction (providers sometimes parse the wrong number).
 */
export function withChosenCode(status: ProviderStatus): ProviderStatus {
  if (status.kind !== 'code') return status;
  // Stored capped: the order is read on every poll, fill and popup render.
  const text = status.text === null ? null : capSmsText(status.text);
  return { ...status, text, code: chooseCode(status.code, text) ?? status.code };
}
