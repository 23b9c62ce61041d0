import browser from 'webextension-polyfill';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { OPEN_STATES } from '@/lib/orders/types.ts';
import { ask } from '../shared/background.ts';
import { OfferList } from './OfferList.tsx';
import { OrderCard } from './OrderCard.tsx';
import { SiteAccess } from './SiteAccess.tsx';
import { targetTabId } from './target-tab.ts';

export function PopupApp() {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void targetTabId().then(setTabId);
  }, []);
  const state = useQuery({
    queryKey: ['state', tabId],
    queryFn: () => ask({ type: 'popup.getState', tabId: tabId ?? -1 }),
    enabled: typeof tabId === 'number',
    refetchInterval: 1000,
  });

  if (tabId === null) return <p className="hint">Open the popup on a signup page.</p>;
  if (!state.data) {
    return state.isError ? (
      <p role="alert">{state.error.message}</p>
    ) : (
      <p className="hint">Loading…</p>
    );
  }
  const { site, configured, orders, preferences } = state.data;
  if (!configured) {
    return (
      <div className="card">
        <p>Add your SMS provider’s API key to get numbers.</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Open settings
        </button>
      </div>
    );
  }
  const here = orders.filter((o) => o.site.tabId === tabId);
  const current = here.find((o) => OPEN_STATES.has(o.state)) ?? here[0];
  // This site's orders in other tabs first, then the rest (getState sends the newest first).
  const thisSite = (o: (typeof orders)[number]) => Number(o.site.domain === site?.domain);
  const others = orders
    .filter((o) => o.site.tabId !== tabId && OPEN_STATES.has(o.state))
    .sort((a, b) => thisSite(b) - thisSite(a));
  const showOffers = !current || !OPEN_STATES.has(current.state);

  return (
    <>
      <p className="site">
        {site ? (
          <>
            <strong data-testid="service">{site.service?.name ?? 'Unknown service'}</strong>{' '}
            <span className="domain">{site.domain}</span>
          </>
        ) : (
          'This tab is not a web page.'
        )}
      </p>
      {current ? (
        <section aria-label="This site’s order" data-testid="current-order">
          <OrderCard order={current} />
        </section>
      ) : null}
      <SiteAccess orders={orders} />
      {showOffers && site?.service ? (
        <OfferList
          tabId={tabId ?? -1}
          service={site.service}
          lastCountry={preferences.lastCountry}
        />
      ) : null}
      {showOffers && site && !site.service ? (
        <p className="hint">This site is not in the catalog yet.</p>
      ) : null}
      <footer className="row footer">
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({ url: browser.runtime.getURL('/order-history.html') })
          }
        >
          History
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </footer>
      {others.length > 0 ? (
        <section aria-label="Other open orders">
          <h2>Other open orders</h2>
          {others.map((o) => (
            <OrderCard key={o.id} order={o} />
          ))}
        </section>
      ) : null}
    </>
  );
}
