import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import { providerName, type ProviderSettings } from '@/lib/providers/registry.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { providerSettingsItem } from '@/lib/storage.ts';
import { ask, BackgroundError } from '../shared/background.ts';
import { formatPrice } from '../shared/format.ts';
import { problemText } from '../shared/problem.ts';
import { AutoFillSection } from './AutoFillSection.tsx';
import { DefaultsSection } from './DefaultsSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { accountCurrency } from './max-price.ts';
import {
  describeSettings,
  draftFor,
  draftProblem,
  originPattern,
  toSettings,
  type Draft,
} from './provider-form.ts';
import { ProviderForm } from './ProviderForm.tsx';
import { SiteServicesSection } from './SiteServicesSection.tsx';
import { usePreferences } from './usePreferences.ts';

/** Asks for access to the provider's origin when saving (granted already for CODASMS). */
async function allowOrigin(pattern: string): Promise<boolean> {
  const origins = [pattern];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

export function OptionsApp() {
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: ['settings'],
    queryFn: () => providerSettingsItem.getValue(),
  });
  const list = saved.data ?? [];
  const prefs = usePreferences();
  const [draft, setDraft] = useState<Draft | null>(null);
  const values = draft ?? draftFor(list[0]?.providerId ?? 'codasms', list);

  const save = useMutation({
    mutationFn: async () => {
      const problem = draftProblem(values);
      if (problem) throw new Error(problem);
      if (!(await allowOrigin(originPattern(values))))
        throw new Error(t('options.provider.notAllowed'));
      const settings = toSettings(values, Date.now());
      try {
        // The background saves the settings only once the provider accepted the key.
        const { balance } = await ask({ type: 'options.saveProvider', settings });
        return { balance, name: providerName(settings) };
      } catch (e) {
        // A rejected key names the provider; other provider answers in words by their kind,
        // the same words the popup uses.
        if (!(e instanceof BackgroundError)) throw e;
        if (e.kind === 'bad_key')
          throw new Error(t('options.provider.badKey', providerName(settings)));
        throw new Error(problemText(e));
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['settings'] }),
  });

  const update = useMutation({
    mutationFn: (next: ProviderSettings[]) => providerSettingsItem.setValue(next),
    onSettled: () => client.invalidateQueries({ queryKey: ['settings'] }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const pick = (providerId: ProviderId) => {
    save.reset();
    setDraft(draftFor(providerId, list));
  };

  return (
    <>
      {list.length > 0 ? (
        <section className="card" aria-label={t('options.providers.heading')}>
          <h2>{t('options.providers.heading')}</h2>
          <ul className="providers">
            {list.map((s, i) => (
              <li key={s.providerId} className="row">
                <span>
                  {describeSettings(s)}
                  {i === 0 ? <strong> · {t('options.providers.default')}</strong> : null}
                </span>
                <span>
                  <button type="button" onClick={() => pick(s.providerId)}>
                    {t('options.providers.edit')}
                  </button>
                  {i > 0 ? (
                    <button
                      type="button"
                      onClick={() => update.mutate([s, ...list.filter((p) => p !== s)])}
                    >
                      {t('options.providers.makeDefault')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    aria-label={t('options.providers.removeNamed', providerName(s))}
                    onClick={() => update.mutate(list.filter((p) => p !== s))}
                  >
                    {t('common.remove')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {list.length > 1 ? <p className="hint">{t('options.providers.several')}</p> : null}
        </section>
      ) : null}
      <form onSubmit={onSubmit} className="card">
        <h2>{t('options.provider.heading')}</h2>
        <ProviderForm draft={values} onChange={setDraft} onFamily={pick} />
        <button type="submit" disabled={save.isPending}>
          {t('options.provider.saveAndTest')}
        </button>
        {save.isSuccess ? (
          <p role="status">
            {t('options.provider.connected', save.data.name, formatPrice(save.data.balance))}
          </p>
        ) : null}
        {save.isError ? (
          <p role="alert" className="error">
            {save.error.message}
          </p>
        ) : null}
        <p className="hint">{t('options.provider.keysStayLocal')}</p>
      </form>
      {prefs ? (
        <>
          <DefaultsSection {...prefs} currency={accountCurrency(list[0])} />
          <AutoFillSection {...prefs} />
        </>
      ) : null}
      <SiteServicesSection />
      {prefs ? <LanguageSection {...prefs} /> : null}
    </>
  );
}
