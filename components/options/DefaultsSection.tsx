import { useId } from 'react';
import { currentLanguage, t, type MessageKey } from '@/lib/i18n.ts';
import type { Tier } from '@/lib/providers/types.ts';
import { countryChoices } from '../shared/country.ts';
import { MoneyField } from './MoneyField.tsx';
import { SavedNote } from './SavedNote.tsx';
import type { PreferencesControl } from './usePreferences.ts';

const TIERS: readonly { tier: Tier; name: MessageKey; hint: MessageKey }[] = [
  { tier: 'standard', name: 'common.standard', hint: 'options.defaults.standardHint' },
  { tier: 'priority', name: 'common.priority', hint: 'options.defaults.priorityHint' },
];

/** What the popup starts from: the country shown first, the tier, a price cap. */
export function DefaultsSection({
  preferences,
  update,
  saved,
  currency,
}: PreferencesControl & { currency: string }) {
  const id = useId();
  const lang = currentLanguage();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <div className="row">
        <h2 id={`${id}-heading`}>{t('options.defaults.heading')}</h2>
        <SavedNote saved={saved} keys={['defaultCountry', 'tier', 'maxPriceCents']} />
      </div>
      <label className="field">
        {t('options.defaults.country')}
        <select
          value={preferences.defaultCountry ?? ''}
          onChange={(e) => update({ defaultCountry: e.target.value || null })}
        >
          <option value="">{t('options.defaults.noCountry')}</option>
          {countryChoices(lang).map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="choices">
        <legend>{t('options.defaults.tier')}</legend>
        {TIERS.map(({ tier, name, hint }) => (
          <label key={tier} className="check">
            <input
              type="radio"
              name={`${id}-tier`}
              value={tier}
              checked={preferences.tier === tier}
              onChange={() => update({ tier })}
            />
            <span>
              {t(name)}
              <span className="hint line">{t(hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <MoneyField
        // A new stored cap or language shows the field afresh, formatted.
        key={`${preferences.maxPriceCents ?? ''}-${lang}`}
        label={t('options.defaults.maxPrice', currency)}
        hint={t('options.defaults.maxPriceHint')}
        value={preferences.maxPriceCents}
        onSave={(maxPriceCents) => update({ maxPriceCents })}
      />
    </section>
  );
}
