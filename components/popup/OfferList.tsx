import browser from 'webextension-polyfill';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatMoney } from '@/lib/money.ts';
import type { Offer, Tier } from '@/lib/providers/types.ts';
import { ask, BackgroundError } from '../shared/background.ts';
import { flagEmoji } from '../shared/format.ts';

interface Props {
  tabId: number;
  service: { code: string; name: string };
  lastCountry: string | null;
}

interface Row {
  country: string;
  name: string;
  iso: string | null;
  standard: Offer | undefined;
  priority: Offer | undefined;
}

/** Cheapest first, the user's last country on top. */
export function offerRows(offers: Offer[], lastCountry: string | null): Row[] {
  const rows = new Map<string, Row>();
  for (const o of offers) {
    const row = rows.get(o.country) ?? {
      country: o.country,
      name: o.countryName,
      iso: o.countryIso,
      standard: undefined,
      priority: undefined,
    };
    row[o.tier] = o;
    rows.set(o.country, row);
  }
  const price = (r: Row) => r.standard?.price.cents ?? r.priority?.price.cents ?? Infinity;
  return [...rows.values()].sort(
    (a, b) =>
      Number(b.country === lastCountry) - Number(a.country === lastCountry) ||
      price(a) - price(b) ||
      a.name.localeCompare(b.name),
  );
}

function stockLine(r: Row): string {
  const stock = (r.standard?.stock ?? 0) + (r.priority?.stock ?? 0);
  return stock === 0 ? 'out of stock' : `${stock.toLocaleString()} numbers`;
}

export function OfferList({ tabId, service, lastCountry }: Props) {
  const client = useQueryClient();
  const offers = useQuery({
    queryKey: ['offers', service.code],
    queryFn: () => ask({ type: 'popup.getOffers', service: service.code }),
    staleTime: 30_000,
  });
  const order = useMutation({
    mutationFn: (pick: { country: string; tier: Tier; providerId?: string }) =>
      ask({ type: 'popup.createOrder', tabId, service: service.code, ...pick }),
    onSettled: () => client.invalidateQueries({ queryKey: ['state'] }),
  });

  if (offers.isPending) return <p className="hint">Loading numbers for {service.name}…</p>;
  if (offers.isError) {
    const e = offers.error;
    return (
      <div role="alert" className="error">
        {e.message}
        {e instanceof BackgroundError && e.kind === 'bad_key' ? (
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Check the API key
          </button>
        ) : null}
      </div>
    );
  }
  const rows = offerRows(offers.data.offers, lastCountry);
  const tiers = offers.data.capabilities.tiers;
  // With several providers set up, each price says who sells it.
  const sellers = new Set(offers.data.offers.map((o) => o.providerName));
  const labelled = sellers.size > 1;
  const capped = offers.data.offers.some((o) => o.priceIsCap && o.stock > 0);
  return (
    <section aria-label="Numbers">
      <p className="row">
        <span>
          Balance: <strong data-testid="balance">{formatMoney(offers.data.balance)}</strong>
        </span>
      </p>
      {tiers.includes('priority') ? (
        <p className="hint">
          Priority numbers cost more and get the SMS more reliably. Either way you pay only if a
          code arrives.
        </p>
      ) : null}
      {capped ? (
        <p className="hint">
          “Up to” prices are a higher price cap on the same numbers (SMS-Activate-protocol providers
          have no Priority pool): you pay the provider’s going rate, at most that.
        </p>
      ) : null}
      {order.isError ? (
        <p role="alert" className="error">
          {order.error.message}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="hint">No numbers for {service.name} right now.</p> : null}
      <ul className="offers">
        {rows.map((r) => (
          <li key={r.country}>
            <span className="country">
              {flagEmoji(r.iso)} {r.name}
              <span className="stock">{stockLine(r)}</span>
            </span>
            {tiers.map((tier) => {
              const offer = r[tier];
              const label = tier === 'standard' ? 'Standard' : 'Priority';
              const amount = offer ? formatMoney(offer.price) : '—';
              const price = offer?.priceIsCap ? `up to ${amount}` : amount;
              const seller = offer && labelled ? ` from ${offer.providerName}` : '';
              return (
                <button
                  key={tier}
                  type="button"
                  className={`tier tier-${tier}`}
                  disabled={!offer || offer.stock === 0 || order.isPending}
                  aria-label={`Get a ${r.name} number, ${label}, ${price}${seller}`}
                  onClick={() =>
                    order.mutate({ country: r.country, tier, providerId: offer?.providerId })
                  }
                >
                  <span className="tier-name">{label}</span>
                  <span className="price">{price}</span>
                  {seller ? (
                    <span className="tier-name provider">{offer?.providerName}</span>
                  ) : null}
                </button>
              );
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
