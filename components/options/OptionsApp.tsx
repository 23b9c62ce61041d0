import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import browser from 'webextension-polyfill';
import { formatMoney } from '@/lib/money.ts';
import { providerName, type ProviderSettings } from '@/lib/providers/registry.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { providerSettingsItem } from '@/lib/storage.ts';
import { ask } from '../shared/background.ts';
import {
  describeSettings,
  draftFor,
  draftProblem,
  originPattern,
  toSettings,
  upsert,
  type Draft,
} from './provider-form.ts';
import { ProviderForm } from './ProviderForm.tsx';

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
  const [draft, setDraft] = useState<Draft | null>(null);
  const values = draft ?? draftFor(list[0]?.providerId ?? 'codasms', list);

  const save = useMutation({
    mutationFn: async () => {
      const problem = draftProblem(values);
      if (problem) throw new Error(problem);
      if (!(await allowOrigin(originPattern(values))))
        throw new Error('Access to that address was not allowed.');
      const settings = toSettings(values, Date.now());
      await providerSettingsItem.setValue(upsert(await providerSettingsItem.getValue(), settings));
      const { balance } = await ask({ type: 'options.testProvider' });
      return { balance, name: providerName(settings) };
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
        <section className="card" aria-label="Your providers">
          <h2>Your providers</h2>
          <ul className="providers">
            {list.map((s, i) => (
              <li key={s.providerId} className="row">
                <span>
                  {describeSettings(s)}
                  {i === 0 ? <strong> · default</strong> : null}
                </span>
                <span>
                  <button type="button" onClick={() => pick(s.providerId)}>
                    Edit
                  </button>
                  {i > 0 ? (
                    <button
                      type="button"
                      onClick={() => update.mutate([s, ...list.filter((p) => p !== s)])}
                    >
                      Make default
                    </button>
                  ) : null}
                  <button
                    type="button"
                    aria-label={`Remove ${providerName(s)}`}
                    onClick={() => update.mutate(list.filter((p) => p !== s))}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {list.length > 1 ? (
            <p className="hint">
              The popup shows, per country, the best Standard and Priority offer across these
              providers, each labelled with who sells it.
            </p>
          ) : null}
        </section>
      ) : null}
      <form onSubmit={onSubmit} className="card">
        <h2>Provider</h2>
        <ProviderForm draft={values} onChange={setDraft} onFamily={pick} />
        <button type="submit" disabled={save.isPending}>
          Save and test
        </button>
        {save.isSuccess ? (
          <p role="status">
            Connected to {save.data.name}. Balance: {formatMoney(save.data.balance)}
          </p>
        ) : null}
        {save.isError ? (
          <p role="alert" className="error">
            {save.error.message}
          </p>
        ) : null}
        <p className="hint">
          Keys stay in this browser’s local extension storage; web pages never see them.
        </p>
      </form>
    </>
  );
}
