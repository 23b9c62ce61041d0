import { parseOriginBoundCode } from '../sms/extract-code.ts';
import type { Order } from './types.ts';

/** The host an order's SMS binds its code to (`@host #code`), lower-cased; null if unbound. */
export function boundCodeHost(order: Pick<Order, 'smsText'>): string | null {
  if (!order.smsText) return null;
  return parseOriginBoundCode(order.smsText)?.host.toLowerCase() ?? null;
}

/** Whether the code may be filled on the site that ordered it. */
export function codeFitsSite(order: Pick<Order, 'smsText' | 'site'>): boolean {
  const host = boundCodeHost(order);
  if (host === null) return true;
  try {
    return new URL(order.site.origin).hostname.toLowerCase() === host;
  } catch {
    return false;
  }
}
