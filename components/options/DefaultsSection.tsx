import { useId, useState, type FormEvent } from 'react';
import { currentLanguage, t, type MessageKey } from '@/lib/i18n.ts';
import type { Tier } from '@/lib/providers/types.ts';
import { countryChoices } from '../shared/country.ts';
import { formatMaxPrice, parseMaxPrice } from './max-price.ts';
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
      <MaxPriceField
        // A new stored cap or language shows the field afresh, formatted.
        key={`${preferences.maxPriceCents ?? ''}-${lang}`}
        cents={preferences.maxPriceCents}
        currency={currency}
        onSave={(maxPriceCents) => update({ maxPriceCents })}
      />
    </section>
  );
}

interface MaxPriceProps {
  cents: number | null;
  currency: string;
  onSave(cents: number | null): void;
}

/** A money field saved when left or on Enter; empty means no cap. */
function MaxPriceField({ cents, currency, onSave }: MaxPriceProps) {
  const id = useId();
  const lang = currentLanguage();
  const [text, setText] = useState(() => formatMaxPrice(cents, lang));
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const parsed = parseMaxPrice(text);
    setInvalid(parsed === null);
    if (!parsed) return;
    if (parsed.cents === cents) setText(formatMaxPrice(cents, lang));
    else onSave(parsed.cents);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    commit();
  };
  return (
    <form onSubmit={onSubmit}>
      <label className="field">
        {t('options.defaults.maxPrice', currency)}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
        />
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('options.defaults.maxPriceHint')}
      </p>
      <p id={`${id}-error`} className="error" aria-live="polite">
        {invalid ? t('money.invalid') : ''}
      </p>
    </form>
  );
}
