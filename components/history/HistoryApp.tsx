import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { deliveryStatsCsv } from '@/lib/history/delivery-csv.ts';
import { historyCsv, totals } from '@/lib/history/summary.ts';
import { numberLive, outcomeOf, type Outcome } from '@/lib/orders/queries.ts';
import type { Order } from '@/lib/orders/types.ts';
import { t, tn, type MessageKey } from '@/lib/i18n.ts';
import { money } from '@/lib/money.ts';
import { ordersItem, readAllOrders } from '@/lib/storage.ts';
import { flagEmoji, formatPrice, formatWhen, usePhoneFormat } from '../shared/format.ts';
import { slot, withNodes } from '../shared/rich.tsx';
import { countryLabel } from '../shared/country.ts';
import { CopyButton } from '../shared/CopyButton.tsx';
import { OpenOrder } from './OpenOrder.tsx';
import { RefundFacts } from './RefundFacts.tsx';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Outcomes as shown; the CSV keeps the English words for spreadsheets. */
const OUTCOME_LABEL: Record<Outcome, MessageKey> = {
  charged: 'history.outcomeCharged',
  refunded: 'history.outcomeRefunded',
  'rejected by site': 'history.rejected.outcome',
  'refund pending': 'history.refundCheck.outcomePending',
  'not refunded': 'history.refundCheck.outcomeNotRefunded',
  'no number': 'history.outcomeNoNumber',
  open: 'history.outcomeOpen',
};

const COLUMNS: readonly MessageKey[] = [
  'history.when',
  'history.service',
  'history.country',
  'history.number',
  'history.price',
  'history.outcome',
];

/** The page's phone formatter (usePhoneFormat), handed to each row. */
type PhoneFormat = ReturnType<typeof usePhoneFormat>;

/** Every order, newest first, read again whenever the stored orders change. */
function useHistoryOrders() {
  const client = useQueryClient();
  const orders = useQuery({
    queryKey: ['history'],
    // The live record and the archive of orders finished long ago (lib/orders/archive.ts).
    queryFn: async () => (await readAllOrders()).sort((a, b) => b.createdAt - a.createdAt),
  });
  // Live: an order ending while the page is open shows up at once.
  useEffect(
    () => ordersItem.watch(() => void client.invalidateQueries({ queryKey: ['history'] })),
    [client],
  );
  return orders;
}

/** Spent, refunded, held and not refunded, and the two CSV exports. */
function HistoryTotals({ list }: { list: Order[] }) {
  const sum = totals(list);
  const m = (cents: number) => formatPrice(money(cents, sum.currency));
  return (
    <section className="card totals" aria-label={t('history.totals')}>
      <p>
        {withNodes(tn('history.spent', sum.codes, slot(0)), [
          <strong data-testid="spent">{m(sum.spentCents)}</strong>,
        ])}
      </p>
      <p>
        {withNodes(t('history.refunded', slot(0)), [
          <strong data-testid="refunded">{m(sum.refundedCents)}</strong>,
        ])}
        {sum.heldCents > 0 ? ` · ${t('history.held', m(sum.heldCents))}` : ''}{' '}
        {/* Every refund is what pay-per-code saved: one line, not a second total. */}
        <span className="hint">{t('guide.history.refundedHint')}</span>
      </p>
      {sum.notRefunded > 0 ? (
        <p role="alert" className="error">
          {withNodes(t('history.refundCheck.notRefunded', slot(0)), [
            <strong data-testid="not-refunded">{m(sum.notRefundedCents)}</strong>,
          ])}{' '}
          <span className="hint">{t('history.refundCheck.notRefundedHint')}</span>
        </p>
      ) : null}
      <button
        type="button"
        disabled={list.length === 0}
        onClick={() => download('sms-verify-history.csv', historyCsv(list))}
      >
        {t('history.export')}
      </button>{' '}
      {/* Per offer, a file of its own: the order CSV keeps its columns. */}
      <button
        type="button"
        disabled={list.length === 0}
        title={t('history.exportDeliveryHint')}
        onClick={() => download('sms-verify-delivery-stats.csv', deliveryStatsCsv(list))}
      >
        {t('history.exportDelivery')}
      </button>
    </section>
  );
}

/** One order: when, service and site, country, number, price, and what came of it. */
function HistoryRow({ order: o, formatPhone }: { order: Order; formatPhone: PhoneFormat }) {
  const outcome = outcomeOf(o);
  return (
    <tr>
      <td>{formatWhen(o.createdAt)}</td>
      <td>
        {o.service.name} <span className="hint">{o.site.domain}</span>
      </td>
      <td>
        <span aria-hidden="true" className="flag">
          {flagEmoji(o.country.iso)}
        </span>{' '}
        {countryLabel(o.country)}
        {o.tier === 'priority' ? ` · ${t('common.priority')}` : ''}
      </td>
      <td>
        {formatPhone(o.phone)}{' '}
        {/* A number given back (or being given back) is dead: nothing to copy. */}
        {o.phone && numberLive(o) ? (
          <CopyButton text={o.phone} shown={formatPhone(o.phone)} label="common.copyNumber" />
        ) : null}
      </td>
      <td>{o.price ? formatPrice(o.price) : '—'}</td>
      <td className={`outcome-${outcome.replaceAll(' ', '-')}`}>
        {t(OUTCOME_LABEL[outcome])}
        <OpenOrder order={o} />
        <RefundFacts order={o} />
        {o.code ? (
          <>
            {` · ${o.code} `}
            <CopyButton text={o.code} label="common.copyCode" />
          </>
        ) : null}
      </td>
    </tr>
  );
}

export function HistoryApp() {
  const formatPhone = usePhoneFormat();
  const orders = useHistoryOrders();

  if (!orders.data) return <p className="hint">{t('common.loading')}</p>;
  const list = orders.data;

  return (
    <>
      <HistoryTotals list={list} />
      {list.length === 0 ? <p className="hint">{t('history.empty')}</p> : null}
      <table className="history">
        <caption className="sr-only">{t('history.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <HistoryRow key={o.id} order={o} formatPhone={formatPhone} />
          ))}
        </tbody>
      </table>
    </>
  );
}
