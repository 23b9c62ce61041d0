import browser from 'webextension-polyfill';
import { isAppErrorKind, type AppErrorKind } from '@/lib/errors.ts';
import { t } from '@/lib/i18n.ts';
import type { PageMessage, PageProtocol, Reply } from '@/lib/messaging.ts';
import type { Money } from '@/lib/money.ts';
import type { LimitRefusal } from '@/lib/orders/limits.ts';

/** An error the background reported, with its kind for the UI to word (problem.ts). */
export class BackgroundError extends Error {
  constructor(
    readonly kind: AppErrorKind,
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

type PageType = PageMessage['type'];

/**
 * Whether the background's answer is a reply in the protocol's envelope (lib/background/
 * dispatch.ts); its data is then the map's reply to `type`: both sides compile against
 * lib/messaging.ts in one build. No zod here: the options page stays without it.
 */
function isReplyTo<K extends PageType>(
  _type: K,
  value: unknown,
): value is Reply<PageProtocol[K]['reply']> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const { error } = value;
  return typeof error === 'object' && error !== null && 'kind' in error && 'message' in error;
}

/** Sends a page message; resolves to the map's reply for it, or throws a BackgroundError. */
export async function ask<M extends PageMessage>(
  message: M,
): Promise<PageProtocol[M['type']]['reply']> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (!isReplyTo<M['type']>(message.type, reply))
    throw new BackgroundError('internal', t('common.noAnswer'));
  if (reply.ok) return reply.data;
  const { kind, message: text, price, limit, provider } = reply.error;
  // A kind this page does not know (never within one build): its words as they came.
  const known = isAppErrorKind(kind) ? kind : 'internal';
  throw new BackgroundError(known, text, price ?? null, limit ?? null, provider ?? null);
}
