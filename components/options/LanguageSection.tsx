import { useId } from 'react';
import { LANGUAGES, t, type LanguageChoice, type MessageKey } from '@/lib/i18n.ts';
import { SavedNote } from './SavedNote.tsx';
import { SelectField } from './SelectField.tsx';
import type { PreferencesControl } from './usePreferences.ts';

const CHOICES: readonly { value: LanguageChoice; name: MessageKey }[] = [
  { value: 'auto', name: 'options.language.auto' },
  { value: 'en', name: 'options.language.en' },
  { value: 'ru', name: 'options.language.ru' },
];

const isChoice = (v: string): v is LanguageChoice => CHOICES.some((c) => c.value === v);
const isLanguage = (v: LanguageChoice) => (LANGUAGES as readonly string[]).includes(v);

/** The interface language; every open extension page switches as soon as it is stored. */
export function LanguageSection({ preferences, update, saved }: PreferencesControl) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <div className="row">
        <h2 id={`${id}-heading`}>{t('options.language.heading')}</h2>
        <SavedNote saved={saved} keys={['language']} />
      </div>
      <SelectField
        label={t('options.language.label')}
        value={preferences.language}
        // A language's own name is in that language; say so to screen readers.
        choices={CHOICES.map(({ value, name }) => ({
          value,
          text: t(name),
          lang: isLanguage(value) ? value : undefined,
        }))}
        onChange={(language) => {
          if (isChoice(language)) update({ language });
        }}
      />
    </section>
  );
}
