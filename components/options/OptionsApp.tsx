import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import browser from 'webextension-polyfill';
import { formatMoney } from '@/lib/money.ts';
import { CODASMS_DEFAULT_BASE_URL } from '@/lib/providers/codasms/client.ts';
import { providerSettingsItem } from '@/lib/storage.ts';
import { ask } from '../shared/background.ts';

/** Asks for access to a custom provider origin (a local sandbox, a mirror) when saving. */
async function allowOrigin(baseUrl: string): Promise<boolean> {
  if (!baseUrl) return true;
  // Match patterns without a port cover every port of that host.
  const { protocol, hostname } = new URL(baseUrl);
  const origins = [`${protocol}//${hostname}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

export function OptionsApp() {
  const client = useQueryClient();
  const saved = useQuery({
    queryKey: ['settings'],
    queryFn: () => providerSettingsItem.getValue(),
  });
  const [draft, setDraft] = useState<{ apiKey: string; baseUrl: string } | null>(null);
  const values = draft ?? { apiKey: saved.data?.apiKey ?? '', baseUrl: saved.data?.baseUrl ?? '' };

  const save = useMutation({
    mutationFn: async () => {
      const baseUrl = values.baseUrl.trim();
      if (baseUrl && !/^https?:\/\//.test(baseUrl))
        throw new Error('The API address must start with https://');
      if (!(await allowOrigin(baseUrl))) throw new Error('Access to that address was not allowed.');
      await providerSettingsItem.setValue({
        providerId: 'codasms',
        apiKey: values.apiKey.trim(),
        baseUrl,
      });
      return ask({ type: 'options.testProvider' });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['settings'] }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} className="card">
      <h2>Provider</h2>
      <p className="hint">CODASMS: pay-per-code numbers with Standard and Priority options.</p>
      <label className="field">
        API key
        <input
          type="password"
          autoComplete="off"
          required
          value={values.apiKey}
          placeholder="coda_live_…"
          onChange={(e) => setDraft({ ...values, apiKey: e.target.value })}
        />
      </label>
      <label className="field">
        API address (leave empty for {CODASMS_DEFAULT_BASE_URL})
        <input
          type="url"
          value={values.baseUrl}
          placeholder={CODASMS_DEFAULT_BASE_URL}
          onChange={(e) => setDraft({ ...values, baseUrl: e.target.value })}
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        Save and test
      </button>
      {save.isSuccess ? (
        <p role="status">Connected. Balance: {formatMoney(save.data.balance)}</p>
      ) : null}
      {save.isError ? (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      ) : null}
      <p className="hint">
        The key stays in this browser’s local extension storage; web pages never see it.
      </p>
    </form>
  );
}
