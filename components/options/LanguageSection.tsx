import { useId } from 'react';
import { LANGUAGES, t, type LanguageChoice, type MessageKey } from '@/lib/i18n.ts';
import { SavedNote } from './SavedNote.tsx';
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
      <label className="field">
        {t('options.language.label')}
        <select
          value={preferences.language}
          onChange={(e) => {
            if (isChoice(e.target.value)) update({ language: e.target.value });
          }}
        >
          {CHOICES.map(({ value, name }) => (
            // A language's own name is in that language; say so to screen readers.
            <option key={value} value={value} lang={isLanguage(value) ? value : undefined}>
              {t(name)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
