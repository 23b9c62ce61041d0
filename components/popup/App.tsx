import browser from 'webextension-polyfill';
import { useQuery } from '@tanstack/react-query';
import { t } from '@/lib/i18n.ts';
import type { PopupState } from '@/lib/messaging.ts';
import { refundPending } from '@/lib/orders/refund.ts';
import { OPEN_STATES, type Order } from '@/lib/orders/types.ts';
import { OfferList } from './OfferList.tsx';
import { NextSteps } from './NextSteps.tsx';
import { OrderCard } from './OrderCard.tsx';
import { SiteAccess } from './SiteAccess.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { usePopupStore } from './store.ts';
import { useFocusOnNewOrder, useFreshBalance } from './order-watch.ts';
import { fetchState, stateKey, tabKey } from './preload.ts';
import { targetTabId } from './target-tab.ts';

/** Still in the user's way: a cancelled order only awaiting its refund is not (offers show). */
const running = (o: Order) => OPEN_STATES.has(o.state) && !refundPending(o);

type TopUpUrls = PopupState['topUpUrls'];

/** The target tab and its state: both usually in the cache before the first render (preload.ts). */
function usePopupState() {
  const tab = useQuery({ queryKey: tabKey, queryFn: () => targetTabId(), staleTime: Infinity });
  const tabId = tab.data;
  const state = useQuery({
    queryKey: stateKey(tabId ?? -1),
    queryFn: () => fetchState(tabId ?? -1),
    enabled: typeof tabId === 'number',
    // Sooner while the page is reading its country selector, so the offers are marked at once.
    refetchInterval: (q) => (q.state.data?.siteCountries?.reading ? 250 : 1000),
    // The state preload.ts fetched as the page loaded is not asked for again on mount.
    staleTime: 1000,
  });
  return { tabId, state };
}

/** Open orders of other tabs: this site's first, then the rest (getState sends the newest first). */
function otherOrders(orders: Order[], tabId: number | null | undefined, domain?: string) {
  const thisSite = (o: Order) => Number(o.site.domain === domain);
  return orders
    .filter((o) => o.site.tabId !== tabId && running(o))
    .sort((a, b) => thisSite(b) - thisSite(a));
}

/** No provider set up: the way to the options page. */
function NeedKeyCard() {
  return (
    <div className="card">
      <p>{t('popup.needKey')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('common.openSettings')}
      </button>
    </div>
  );
}

/** The open orders of other tabs, each on its own card. */
function OtherOrders({ others, topUpUrls }: { others: Order[]; topUpUrls: TopUpUrls }) {
  return (
    <section aria-label={t('popup.otherOrders')}>
      <h2>{t('popup.otherOrders')}</h2>
      {others.map((o) => (
        <OrderCard key={o.id} order={o} topUpUrl={topUpUrls[o.providerId]} />
      ))}
    </section>
  );
}

/** The order history page and the options page. */
function PopupFooter() {
  return (
    <footer className="row footer">
      <button
        type="button"
        onClick={() =>
          void browser.tabs.create({ url: browser.runtime.getURL('/order-history.html') })
        }
      >
        {t('popup.history')}
      </button>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popup.settings')}
      </button>
    </footer>
  );
}

export function PopupApp() {
  const picking = usePopupStore((s) => s.picking);
  const { tabId, state } = usePopupState();
  useFreshBalance(state.data?.orders);
  const here = state.data?.orders.filter((o) => o.site.tabId === tabId) ?? [];
  const current = here.find(running) ?? here[0];
  const cardRef = useFocusOnNewOrder(current?.id);

  if (tabId === null) return <p className="hint">{t('popup.notOnATab')}</p>;
  if (!state.data) {
    return state.isError ? (
      <p role="alert">{state.error.message}</p>
    ) : (
      <p className="hint">{t('common.loading')}</p>
    );
  }
  const { site, configured, orders, preferences, topUpUrls } = state.data;
  const others = otherOrders(orders, tabId, site?.domain);
  const showOffers = !current || !running(current);
  // An unknown site asks which service it is; a known one may be changed on request.
  const choosing = configured && showOffers && !!site && (picking || !site.service);

  return (
    <>
      <SiteHeader site={site} changeable={configured && showOffers && !choosing} />
      {current ? (
        <section
          aria-label={t('popup.thisSiteOrder')}
          data-testid="current-order"
          ref={cardRef}
          tabIndex={-1}
        >
          <OrderCard
            order={current}
            topUpUrl={topUpUrls[current.providerId]}
            autoFillPhone={preferences.autoFillPhone}
            replaced={orders.find((o) => o.id === current.previousOrderId)}
          />
          <NextSteps order={current} tabId={tabId ?? -1} />
        </section>
      ) : null}
      <SiteAccess orders={orders} />
      {choosing && site ? (
        <ServicePicker domain={site.domain} current={site.service} picked={site.picked} />
      ) : null}
      {/* Orders stay shown without a provider (removed meanwhile): they end by themselves. */}
      {!configured ? <NeedKeyCard /> : null}
      {configured && showOffers && !choosing && site?.service ? (
        <OfferList
          key={site.service.code}
          tabId={tabId ?? -1}
          service={site.service}
          preferences={preferences}
          topUpUrls={topUpUrls}
          cached={state.data.offers?.service === site.service.code ? state.data.offers : null}
          site={{ domain: site.domain, countries: state.data.siteCountries?.countries ?? null }}
          waiting={state.data.offersWaiting}
        />
      ) : null}
      {others.length > 0 ? <OtherOrders others={others} topUpUrls={topUpUrls} /> : null}
      <PopupFooter />
    </>
  );
}
