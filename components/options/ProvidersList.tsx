import { useState } from 'react';
import { t } from '@/lib/i18n.ts';
import { providerName, type ProviderSettings } from '@/lib/providers/catalog.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { describeSettings } from './provider-form.ts';
import { ProviderStanding } from './ProviderStanding.tsx';

interface Props {
  list: readonly ProviderSettings[];
  onEdit(providerId: ProviderId): void;
  onChange(next: ProviderSettings[]): void;
}

/** The providers set up, the default first: edit, make default, remove (after a confirm). */
export function ProvidersList({ list, onEdit, onChange }: Props) {
  const [removing, setRemoving] = useState<ProviderId | null>(null);
  return (
    <section className="card" aria-label={t('options.providers.heading')}>
      <h2>{t('options.providers.heading')}</h2>
      <ul className="providers">
        {list.map((s, i) => (
          <li key={s.providerId} className="row">
            <span>
              {describeSettings(s)}
              {i === 0 ? <strong> · {t('options.providers.default')}</strong> : null}
              <ProviderStanding providerId={s.providerId} />
            </span>
            {removing === s.providerId ? (
              <span
                className="buttons"
                role="group"
                aria-label={t('options.providers.removeNamed', providerName(s))}
              >
                <span>{t('guide.options.confirmRemove', providerName(s))}</span>
                <button
                  type="button"
                  onClick={() => {
                    setRemoving(null);
                    onChange(list.filter((p) => p !== s));
                  }}
                >
                  {t('common.remove')}
                </button>
                <button type="button" onClick={() => setRemoving(null)}>
                  {t('guide.options.keep')}
                </button>
              </span>
            ) : (
              <span className="buttons">
                <button
                  type="button"
                  aria-label={t('options.providers.editNamed', providerName(s))}
                  onClick={() => onEdit(s.providerId)}
                >
                  {t('options.providers.edit')}
                </button>
                {i > 0 ? (
                  <button
                    type="button"
                    onClick={() => onChange([s, ...list.filter((p) => p !== s)])}
                  >
                    {t('options.providers.makeDefault')}
                  </button>
                ) : null}
                <button
                  type="button"
                  aria-label={t('options.providers.removeNamed', providerName(s))}
                  onClick={() => setRemoving(s.providerId)}
                >
                  {t('common.remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {list.length > 1 ? <p className="hint">{t('options.providers.several')}</p> : null}
    </section>
  );
}
