import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import { accountCurrency, providerName, type ProviderSettings } from '@/lib/providers/catalog.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { providerSettingsItem } from '@/lib/storage.ts';
import { ask, BackgroundError } from '../shared/background.ts';
import { formatPrice } from '../shared/format.ts';
import { problemText } from '../shared/problem.ts';
import { AutoFillSection } from './AutoFillSection.tsx';
import { DefaultsSection } from './DefaultsSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { LimitsSection } from './LimitsSection.tsx';
import { NoSmsSection } from './NoSmsSection.tsx';
import {
  addressChanged,
  draftProblem,
  originPattern,
  toSettings,
  type Draft,
} from './provider-form.ts';
import { ProviderForm } from './ProviderForm.tsx';
import { ProvidersList } from './ProvidersList.tsx';
import { Welcome } from './Welcome.tsx';
import { SiteServicesSection } from './SiteServicesSection.tsx';
import { optionsStore, shownDraft, useOptionsStore } from './store.ts';
import { usePreferences, type PreferencesControl } from './usePreferences.ts';

/** The address as typed, or the provider's default one, for messages. */
const addressOf = (s: ProviderSettings) => s.baseUrl || providerName(s);

/** Asks for access to the provider's origin when saving (granted already for CODASMS). */
async function allowOrigin(pattern: string): Promise<boolean> {
  const origins = [pattern];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

/** "Save and test": the draft checked, the origin allowed, the key tried; a refusal in words. */
async function saveProvider(values: Draft) {
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
    if (e.kind === 'bad_key') throw new Error(t('options.provider.badKey', providerName(settings)));
    // Something answered, but not the provider's API: the address (or its path) is wrong.
    if (e.kind === 'not_found' || e.kind === 'malformed_reply')
      throw new Error(t('options.provider.notTheApi', addressOf(settings), providerName(settings)));
    throw new Error(problemText(e));
  }
}

/** The saved providers, read from storage; a change to the list is written back. */
function useSavedProviders() {
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: ['settings'],
    queryFn: () => providerSettingsItem.getValue(),
  });
  const update = useMutation({
    mutationFn: (next: ProviderSettings[]) => providerSettingsItem.setValue(next),
    onSettled: () => client.invalidateQueries({ queryKey: ['settings'] }),
  });
  return { saved, update };
}

/** "Save and test" of the form as shown; the saved list is read again after. */
function useSaveProvider(values: Draft) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => saveProvider(values),
    onSettled: () => client.invalidateQueries({ queryKey: ['settings'] }),
  });
}

/** The last test's outcome: connected with the balance, or why not. */
function SaveOutcome({ save }: { save: ReturnType<typeof useSaveProvider> }) {
  return (
    <>
      {save.isSuccess ? (
        <p role="status" className="success">
          {t('options.provider.connected', save.data.name, formatPrice(save.data.balance))}
        </p>
      ) : null}
      {save.isError ? (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      ) : null}
    </>
  );
}

/** The preferences' sections, in the default provider's currency, above the site services. */
function PreferenceSections({
  prefs,
  list,
}: {
  prefs: PreferencesControl;
  list: ProviderSettings[];
}) {
  return (
    <>
      <DefaultsSection {...prefs} currency={accountCurrency(list[0])} />
      <LimitsSection {...prefs} currency={accountCurrency(list[0])} />
      <NoSmsSection {...prefs} />
      <AutoFillSection {...prefs} />
    </>
  );
}

export function OptionsApp() {
  const { saved, update } = useSavedProviders();
  const list = saved.data ?? [];
  const prefs = usePreferences();
  // The store's parts, not a draft made in the selector (a new object each time would loop).
  const shown = useOptionsStore((s) => s.shown);
  const drafts = useOptionsStore((s) => s.drafts);
  const { showFamily, editSaved, type } = optionsStore.getState();
  const values = shownDraft({ shown, drafts }, list);
  const editing = list.some((s) => s.providerId === values.providerId);
  // Nothing set up when the page opened: the welcome steps stay for this visit.
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  if (firstRun === null && saved.data) setFirstRun(saved.data.length === 0);
  const save = useSaveProvider(values);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  // Another provider's form: the last test's outcome does not speak for it.
  const pick = (show: (providerId: ProviderId) => void) => (providerId: ProviderId) => {
    save.reset();
    show(providerId);
  };

  return (
    <>
      {firstRun ? <Welcome draft={values} connected={save.isSuccess} /> : null}
      {list.length > 0 ? (
        <ProvidersList
          list={list}
          onEdit={pick(editSaved)}
          onChange={(next) => update.mutate(next)}
        />
      ) : null}
      <form onSubmit={onSubmit} className="card">
        <h2>
          {editing
            ? t('guide.options.editing', providerName(toSettings(values, 0)))
            : t('guide.options.adding')}
        </h2>
        <ProviderForm
          draft={values}
          onChange={(next) => {
            // An edited form is untested: the last test's outcome no longer speaks for it.
            if (!save.isPending) save.reset();
            type(next, list);
          }}
          onFamily={pick(showFamily)}
          keyAgain={!values.apiKey && addressChanged(values, list)}
        />
        <button type="submit" disabled={save.isPending}>
          {t('options.provider.saveAndTest')}
        </button>
        <SaveOutcome save={save} />
        <p className="hint">{t('options.provider.keysStayLocal')}</p>
      </form>
      {prefs ? <PreferenceSections prefs={prefs} list={list} /> : null}
      <SiteServicesSection />
      {prefs ? <LanguageSection {...prefs} /> : null}
    </>
  );
}
