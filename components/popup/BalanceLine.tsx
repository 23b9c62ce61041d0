import { currentLanguage, t } from '@/lib/i18n.ts';
import { formatMoney, type Money } from '@/lib/money.ts';

/** The balance, always in sight, with the way to add money where the provider's site is known. */
export function BalanceLine({ balance, topUpUrl }: { balance: Money; topUpUrl: string | null }) {
  return (
    <p className="row">
      <span>
        {t('popup.offers.balance')}:{' '}
        <strong data-testid="balance">{formatMoney(balance, currentLanguage())}</strong>
      </span>
      {topUpUrl ? (
        <a href={topUpUrl} target="_blank" rel="noreferrer">
          {t('popup.offers.topUp')}
        </a>
      ) : null}
    </p>
  );
}
