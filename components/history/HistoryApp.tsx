import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { historyCsv, outcomeOf, totals } from '@/lib/history/summary.ts';
import { formatMoney, money } from '@/lib/money.ts';
import { ordersItem } from '@/lib/storage.ts';
import { flagEmoji, formatPhone } from '../shared/format.ts';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const when = (t: number) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(t);

export function HistoryApp() {
  const client = useQueryClient();
  const orders = useQuery({
    queryKey: ['history'],
    queryFn: async () =>
      Object.values(await ordersItem.getValue()).sort((a, b) => b.createdAt - a.createdAt),
  });
  // Live: an order ending while the page is open shows up at once.
  useEffect(
    () => ordersItem.watch(() => void client.invalidateQueries({ queryKey: ['history'] })),
    [client],
  );

  if (!orders.data) return <p className="hint">Loading…</p>;
  const list = orders.data;
  const t = totals(list);
  const m = (cents: number) => formatMoney(money(cents, t.currency));

  return (
    <>
      <section className="card totals" aria-label="Totals">
        <p>
          Spent <strong data-testid="spent">{m(t.spentCents)}</strong> on {t.codes}{' '}
          {t.codes === 1 ? 'code' : 'codes'}
        </p>
        <p>
          Refunded <strong data-testid="refunded">{m(t.refundedCents)}</strong>
          {t.heldCents > 0 ? ` · held now ${m(t.heldCents)}` : ''}
        </p>
        <p>
          Saved by pay-per-code: <strong data-testid="saved">{m(t.savedCents)}</strong>{' '}
          <span className="hint">(attempts without a code cost you nothing)</span>
        </p>
        <button
          type="button"
          disabled={list.length === 0}
          onClick={() => download('sms-verify-history.csv', historyCsv(list))}
        >
          Export CSV
        </button>
      </section>
      {list.length === 0 ? <p className="hint">No orders yet.</p> : null}
      <table className="history">
        <caption className="sr-only">Every order</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Service</th>
            <th scope="col">Country</th>
            <th scope="col">Number</th>
            <th scope="col">Price</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <tr key={o.id}>
              <td>{when(o.createdAt)}</td>
              <td>
                {o.service.name} <span className="hint">{o.site.domain}</span>
              </td>
              <td>
                {flagEmoji(o.country.iso)} {o.country.name}
                {o.tier === 'priority' ? ' · Priority' : ''}
              </td>
              <td>{formatPhone(o.phone)}</td>
              <td>{o.price ? formatMoney(o.price) : '—'}</td>
              <td className={`outcome-${outcomeOf(o.state).replace(' ', '-')}`}>
                {outcomeOf(o.state)}
                {o.code ? ` · ${o.code}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
