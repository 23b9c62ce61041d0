import { useId, useState, type FormEvent } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { dailyCapFor, type SpendLimits } from '@/lib/orders/limits.ts';
import { parseCount } from './max-price.ts';
import { MoneyField } from './MoneyField.tsx';
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
        cents={cap?.cents ?? null}
        onSave={(cents) => set({ dailyCap: inCurrency(cents) })}
      />
      <MoneyField
        key={`floor-${floor?.cents ?? ''}-${lang}`}
        label={t('options.limits.floor', currency)}
        hint={t('options.limits.floorHint')}
        cents={floor?.cents ?? null}
        onSave={(cents) => set({ balanceFloor: inCurrency(cents) })}
      />
      <CountField
        key={`visit-${limits.ordersPerVisit ?? ''}`}
        count={limits.ordersPerVisit}
        onSave={(ordersPerVisit) => set({ ordersPerVisit })}
      />
    </section>
  );
}

function CountField({ count, onSave }: { count: number | null; onSave(n: number | null): void }) {
  const id = useId();
  const [text, setText] = useState(count === null ? '' : String(count));
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const parsed = parseCount(text);
    setInvalid(parsed === null);
    if (parsed && parsed.count !== count) onSave(parsed.count);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    commit();
  };
  return (
    <form onSubmit={onSubmit}>
      <label className="field">
        {t('options.limits.perVisit')}
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
        />
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('options.limits.perVisitHint')}
      </p>
      <p id={`${id}-error`} className="error" aria-live="polite">
        {invalid ? t('options.limits.invalidCount') : ''}
      </p>
    </form>
  );
}
