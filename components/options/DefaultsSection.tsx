import { useId } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import type { Tier } from '@/lib/providers/types.ts';
import { countryChoices } from '../shared/country.ts';
import { MoneyField } from './MoneyField.tsx';
import { RadioChoices, type RadioChoice } from './RadioChoices.tsx';
import { SavedNote } from './SavedNote.tsx';
import { SelectField } from './SelectField.tsx';
import type { PreferencesControl } from './usePreferences.ts';

const TIERS: readonly RadioChoice<Tier>[] = [
  { value: 'standard', name: 'common.standard', hint: 'options.defaults.standardHint' },
  { value: 'priority', name: 'common.priority', hint: 'options.defaults.priorityHint' },
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
      <SelectField
        label={t('options.defaults.country')}
        value={preferences.defaultCountry ?? ''}
        choices={[
          { value: '', text: t('options.defaults.noCountry') },
          ...countryChoices(lang).map((c) => ({ value: c.id, text: c.label })),
        ]}
        onChange={(country) => update({ defaultCountry: country || null })}
      />
      <RadioChoices
        legend={t('options.defaults.tier')}
        group={`${id}-tier`}
        choices={TIERS}
        value={preferences.tier}
        onChange={(tier) => update({ tier })}
      />
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
