import { t } from '../i18n.ts';
import { formatMoney } from '../money.ts';
import { PROVIDERS } from '../providers/catalog.ts';
import type { ProviderId } from '../providers/types.ts';
import type { Order, ReplyRecord } from '../orders/types.ts';

/** The provider family as its support knows it (the order does not keep the host's name). */
export const familyName = (id: ProviderId): string => PROVIDERS[id].name;

/** Times in UTC, to the second: support desks sit in other time zones. */
const utc = (ms: number | null | undefined) =>
  typeof ms === 'number' ? new Date(ms).toISOString().replace('.000Z', 'Z') : '—';

function replyLine(r: ReplyRecord): string {
  const when = r.count > 1 ? `${utc(r.at)} – ${utc(r.last)}` : utc(r.at);
  const via = r.via === 'cancel' ? ` (${t('history.refundCheck.viaCancel')})` : '';
  const times = r.count > 1 ? ` ×${r.count}` : '';
  return `  ${when}  ${r.what}${via}${times}`;
}

/**
 * What a provider's support asks for about a refund that never came, as one block of plain
 * text: provider, its order id, number, service, site, times, every status reply, the SMS.
 * Holds nothing from settings (no key).
 */
export function supportFacts(order: Order): string {
  const label = (key: Parameters<typeof t>[0], value: string) => `${t(key)}: ${value}`;
  const price = order.price ? formatMoney(order.price, 'en') : '—';
  const replies = (order.replies ?? []).map(replyLine);
  return [
    t('history.refundCheck.title'),
    label('history.refundCheck.provider', familyName(order.providerId)),
    label('history.refundCheck.orderId', order.providerOrderId ?? '—'),
    label('history.refundCheck.number', order.phone ?? '—'),
    label('history.refundCheck.service', `${order.service.name} (${order.service.code})`),
    label('history.refundCheck.country', `${order.country.name} (${order.country.code})`),
    label('history.refundCheck.site', order.site.domain),
    label('history.refundCheck.price', price),
    label('history.refundCheck.ordered', utc(order.orderedAt ?? order.createdAt)),
    label('history.refundCheck.ended', utc(order.refund?.since)),
    label('history.refundCheck.flagged', utc(order.endedAt)),
    label('history.refundCheck.sms', order.smsText ?? t('history.refundCheck.noSms')),
    `${t('history.refundCheck.replies')}:`,
    ...(replies.length > 0 ? replies : ['  —']),
  ].join('\n');
}
