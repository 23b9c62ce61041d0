import { useEffect, useState } from 'react';
import type { Order } from '@/lib/orders/types.ts';
import type { PhoneEntryFormat } from '@/lib/phone/entry.ts';
import { sitePhoneFormatsItem } from '@/lib/storage.ts';

type Entry = typeof import('@/lib/phone/entry.ts');

/**
 * The order's number as its site's phone field takes it (national digits beside a country
 * selector, say), learnt when the extension filled it there; E.164 until then. The phone
 * formatter (libphonenumber-js) loads here, with the site's format, not with the popup.
 */
export function useNumberToCopy(order: Order): string {
  const [known, setKnown] = useState<{ format: PhoneEntryFormat | null; entry: Entry } | null>(
    null,
  );
  const domain = order.site.domain;
  useEffect(() => {
    let live = true;
    void Promise.all([sitePhoneFormatsItem.getValue(), import('@/lib/phone/entry.ts')]).then(
      ([all, entry]) => {
        if (live) setKnown({ format: all[domain] ?? null, entry });
      },
    );
    return () => {
      live = false;
    };
  }, [domain, order.phoneFilled]);
  if (!order.phone) return '';
  return known ? known.entry.numberAsEntered(order.phone, known.format) : order.phone;
}
