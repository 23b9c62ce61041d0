import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import type { Order } from '@/lib/orders/types.ts';
import { siteAccessItem } from '@/lib/storage.ts';
import { ask } from '../shared/background.ts';

/**
 * Sites of the shown orders that the background could not reach after the page changed
 * (lib/background/registration.ts): why, and an Allow button asking the browser for access
 * to that one site. The background gives that access back when the site's last order ends.
 */
export function SiteAccess({ orders }: { orders: readonly Order[] }) {
  const client = useQueryClient();
  const access = useQuery({
    queryKey: ['siteAccess'],
    queryFn: () => siteAccessItem.getValue(),
    refetchInterval: 1000,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const domains = new Set(orders.map((o) => o.site.domain));
  const asked = Object.entries(access.data?.asked ?? {}).filter(([d]) => domains.has(d));
  if (asked.length === 0) return null;

  const allow = (origins: string[]) => {
    setProblem(null);
    // Called straight from the click: the browser asks only during a user gesture. Firefox may
    // close the popup for its prompt; the background then learns of the grant by itself.
    browser.permissions
      .request({ origins })
      .then(async (granted) => {
        if (!granted) {
          setProblem(t('access.denied'));
          return;
        }
        await ask({ type: 'popup.siteAccessGranted' });
        await client.invalidateQueries({ queryKey: ['siteAccess'] });
      })
      .catch((e: unknown) => setProblem(t('access.failed', e instanceof Error ? e.message : '')));
  };

  return (
    <>
      {asked.map(([domain, { patterns }]) => (
        <section
          key={domain}
          className="card"
          aria-label={t('access.label', domain)}
          data-testid="site-access"
        >
          <p>
            <strong>{t('access.title', domain)}</strong>
          </p>
          <p className="hint">{t('access.why', domain)}</p>
          <button type="button" onClick={() => allow(patterns)}>
            {t('access.allow', domain)}
          </button>
          {problem ? <p role="alert">{problem}</p> : null}
        </section>
      ))}
    </>
  );
}
