import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import type { PageMessage, PageReplies, Reply } from '@/lib/messaging.ts';
import type { Money } from '@/lib/money.ts';
import type { LimitRefusal } from '@/lib/orders/limits.ts';

/** An error the background reported, with the provider's error kind for the UI to explain. */
export class BackgroundError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    /** price_moved: the price asked now (null: none left). */
    readonly price: Money | null = null,
    /** limit_reached: which spending limit refused the order. */
    readonly limit: LimitRefusal | null = null,
    /** Which provider failed, where the background says (offers and balance). */
    readonly provider: string | null = null,
  ) {
    super(message);
  }
}

function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** Sends a page message; resolves to its data or throws a BackgroundError. */
export async function ask<M extends PageMessage>(message: M): Promise<PageReplies[M['type']]> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (!isReply(reply)) throw new BackgroundError('internal', t('common.noAnswer'));
  if (!reply.ok) {
    const { kind, message, price, limit, provider } = reply.error;
    throw new BackgroundError(kind, message, price ?? null, limit ?? null, provider ?? null);
  }
  // The background answers each type with PageReplies[type]; both sides share lib/messaging.ts.
  return reply.data as PageReplies[M['type']];
}
