import { useId } from 'react';
import { t } from '@/lib/i18n.ts';
import { SavedNote } from './SavedNote.tsx';
import type { PreferencesControl } from './usePreferences.ts';

/** What the extension fills by itself; it never submits anything. */
export function AutoFillSection({ preferences, update, saved }: PreferencesControl) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <div className="row">
        <h2 id={`${id}-heading`}>{t('options.autofill.heading')}</h2>
        <SavedNote saved={saved} keys={['autoFillPhone', 'autoFillCode']} />
      </div>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={preferences.autoFillPhone}
          onChange={(e) => update({ autoFillPhone: e.target.checked })}
        />
        {t('options.autofill.phone')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={preferences.autoFillCode}
          onChange={(e) => update({ autoFillCode: e.target.checked })}
        />
        {t('options.autofill.code')}
      </label>
      <p className="hint">{t('options.autofill.neverSubmits')}</p>
    </section>
  );
}
