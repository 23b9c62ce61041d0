import { useId } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { dailyCapFor, type SpendLimits } from '@/lib/orders/limits.ts';
import { CountField, MoneyField } from './MoneyField.tsx';
import { SavedNote } from './SavedNote.tsx';
import type { PreferencesControl } from './usePreferences.ts';

/**
 * Spending limits (lib/orders/limits.ts), in the currency the default provider bills in: the
 * background refuses any order that would break one, and the popup says which.
 */
export function LimitsSection({
  preferences,
  update,
  saved,
  currency,
}: PreferencesControl & { currency: string }) {
  const id = useId();
  const lang = currentLanguage();
  const limits = preferences.spendLimits;
  const set = (patch: Partial<SpendLimits>) => update({ spendLimits: { ...limits, ...patch } });
  const cap = dailyCapFor(limits, currency);
  // A floor set in another currency does not apply to this account's orders.
  const floor = limits.balanceFloor?.currency === currency ? limits.balanceFloor : null;
  const inCurrency = (cents: number | null) => (cents === null ? null : { cents, currency });
  return (
    <section className="card" id="limits" aria-labelledby={`${id}-heading`}>
      <div className="row">
        <h2 id={`${id}-heading`}>{t('options.limits.heading')}</h2>
        <SavedNote saved={saved} keys={['spendLimits']} />
      </div>
      <p className="hint">{t('options.limits.intro')}</p>
      <MoneyField
        key={`cap-${cap?.cents ?? ''}-${lang}`}
        label={t('options.limits.dailyCap', currency)}
        hint={t('options.limits.dailyCapHint')}
        value={cap?.cents ?? null}
        onSave={(cents) => set({ dailyCap: inCurrency(cents) })}
      />
      <MoneyField
        key={`floor-${floor?.cents ?? ''}-${lang}`}
        label={t('options.limits.floor', currency)}
        hint={t('options.limits.floorHint')}
        value={floor?.cents ?? null}
        onSave={(cents) => set({ balanceFloor: inCurrency(cents) })}
      />
      <CountField
        key={`visit-${limits.ordersPerVisit ?? ''}`}
        label={t('options.limits.perVisit')}
        hint={t('options.limits.perVisitHint')}
        value={limits.ordersPerVisit}
        onSave={(ordersPerVisit) => set({ ordersPerVisit })}
      />
    </section>
  );
}
