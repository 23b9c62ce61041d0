import { useId } from 'react';
import { t } from '@/lib/i18n.ts';
import { noSmsPolicy, type NoSmsChoice, type NoSmsPolicy } from '@/lib/orders/no-sms.ts';
import { CountField } from './MoneyField.tsx';
import { RadioChoices, type RadioChoice } from './RadioChoices.tsx';
import { SavedNote } from './SavedNote.tsx';
import type { PreferencesControl } from './usePreferences.ts';

const CHOICES: readonly RadioChoice<NoSmsChoice>[] = [
  { value: 'ask', name: 'options.noSms.ask', hint: 'options.noSms.askHint' },
  { value: 'swap', name: 'options.noSms.swap', hint: 'options.noSms.swapHint' },
  { value: 'wait', name: 'options.noSms.wait', hint: 'options.noSms.waitHint' },
];

/** "When no SMS comes within N minutes" (lib/orders/no-sms.ts): ask, swap, or wait. */
export function NoSmsSection({ preferences, update, saved }: PreferencesControl) {
  const id = useId();
  const policy = noSmsPolicy(preferences.noSms);
  const set = (patch: Partial<NoSmsPolicy>) => update({ noSms: { ...policy, ...patch } });
  const required = { invalidText: t('options.noSms.invalidCount') };
  return (
    <section className="card" id="no-sms" aria-labelledby={`${id}-heading`}>
      <div className="row">
        <h2 id={`${id}-heading`}>{t('options.noSms.heading')}</h2>
        <SavedNote saved={saved} keys={['noSms']} />
      </div>
      <p className="hint">{t('options.noSms.intro')}</p>
      <RadioChoices
        legend={t('options.noSms.heading')}
        group={`${id}-when`}
        choices={CHOICES}
        value={policy.when}
        onChange={(when) => set({ when })}
      />
      <CountField
        key={`minutes-${policy.minutes}`}
        label={t('options.noSms.minutes')}
        hint={t('options.noSms.minutesHint')}
        value={policy.minutes}
        required={required}
        onSave={(minutes) => set({ minutes: minutes ?? policy.minutes })}
      />
      <CountField
        key={`swaps-${policy.maxSwaps}`}
        label={t('options.noSms.maxSwaps')}
        hint={t('options.noSms.maxSwapsHint')}
        value={policy.maxSwaps}
        required={required}
        onSave={(maxSwaps) => set({ maxSwaps: maxSwaps ?? policy.maxSwaps })}
      />
    </section>
  );
}
