import { useEffect, useState } from 'react';
import type { Order } from '@/lib/orders/types.ts';
import { numberAsEntered, type PhoneEntryFormat } from '@/lib/phone/entry.ts';
import { sitePhoneFormatsItem } from '@/lib/storage.ts';

/**
 * The order's number as its site's phone field takes it (national digits beside a country
 * selector, say), learnt when the extension filled it there; E.164 until then.
 */
export function useNumberToCopy(order: Order): string {
  const [format, setFormat] = useState<PhoneEntryFormat | null>(null);
  const domain = order.site.domain;
  useEffect(() => {
    let live = true;
    void sitePhoneFormatsItem.getValue().then((all) => {
      if (live) setFormat(all[domain] ?? null);
    });
    return () => {
      live = false;
    };
  }, [domain, order.phoneFilled]);
  return order.phone ? numberAsEntered(order.phone, format) : '';
}
