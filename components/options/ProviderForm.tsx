import { useState } from 'react';
import { t } from '@/lib/i18n.ts';
import { PROVIDERS } from '@/lib/providers/catalog.ts';
import { customHostName, SMS_ACTIVATE_HOSTS } from '@/lib/providers/sms-activate/hosts.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import {
  asksCurrency,
  CURRENCIES,
  CUSTOM_HOST,
  defaultAddress,
  FAMILIES,
  isCustomHost,
  type Draft,
} from './provider-form.ts';

interface Props {
  draft: Draft;
  onChange(draft: Draft): void;
  onFamily(providerId: ProviderId): void;
  /** The address of a saved provider changed: its key must be typed again. */
  keyAgain?: boolean;
}

const isFamily = (v: string): v is ProviderId => FAMILIES.some((f) => f.id === v);

/** Patches the draft with what a field typed. */
type SetDraft = (patch: Partial<Draft>) => void;

/** Which provider family the form is for. */
function FamilyField({ draft, onFamily }: { draft: Draft; onFamily: Props['onFamily'] }) {
  return (
    <label className="field">
      {t('options.provider.family')}
      <select
        value={draft.providerId}
        onChange={(e) => {
          if (isFamily(e.target.value)) onFamily(e.target.value);
        }}
      >
        {FAMILIES.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label()}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The SMS-Activate protocol's host: a known one, or an address of one's own. */
function HostField({ draft, set }: { draft: Draft; set: SetDraft }) {
  return (
    <label className="field">
      {t('options.provider.host')}
      <select value={draft.hostPreset} onChange={(e) => set({ hostPreset: e.target.value })}>
        {SMS_ACTIVATE_HOSTS.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name} ({new URL(h.baseUrl).hostname})
          </option>
        ))}
        <option value={CUSTOM_HOST}>{t('options.provider.customHost')}</option>
      </select>
    </label>
  );
}

/** The API key, hidden unless asked to show it. */
function KeyField({ draft, set, keyAgain }: { draft: Draft; set: SetDraft; keyAgain: boolean }) {
  const [showKey, setShowKey] = useState(false);
  return (
    <div className="key-field">
      <label className="field">
        {t('options.provider.apiKey')}
        <input
          type={showKey ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          required
          value={draft.apiKey}
          aria-describedby={keyAgain ? 'key-again' : undefined}
          placeholder={PROVIDERS[draft.providerId].keyPlaceholder}
          onChange={(e) => set({ apiKey: e.target.value })}
        />
      </label>
      <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
        {showKey ? t('guide.options.hideKey') : t('guide.options.showKey')}
      </button>
    </div>
  );
}

/** The account currency, where the API does not say it. */
function CurrencyField({ draft, set }: { draft: Draft; set: SetDraft }) {
  return (
    <label className="field">
      {t('options.provider.currency')}
      <select value={draft.currency} onChange={(e) => set({ currency: e.target.value })}>
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The fields of one provider: family, host (SMS-Activate protocol), key, address, currency. */
export function ProviderForm({ draft, onChange, onFamily, keyAgain = false }: Props) {
  const family = FAMILIES.find((f) => f.id === draft.providerId);
  const fallback = defaultAddress(draft);
  const set: SetDraft = (patch) => onChange({ ...draft, ...patch });
  return (
    <>
      <FamilyField draft={draft} onFamily={onFamily} />
      {family ? <p className="hint">{t(family.hint)}</p> : null}
      {draft.providerId === 'smsactivate' ? <HostField draft={draft} set={set} /> : null}
      <KeyField draft={draft} set={set} keyAgain={keyAgain} />
      {keyAgain ? (
        <p className="hint" id="key-again">
          {t('guide.options.keyAgain')}
        </p>
      ) : null}
      <label className="field">
        {fallback
          ? t('options.provider.addressDefault', fallback)
          : t('options.provider.addressExample')}
        <input
          type="url"
          value={draft.baseUrl}
          required={!fallback}
          placeholder={fallback || 'https://'}
          onChange={(e) => set({ baseUrl: e.target.value })}
        />
      </label>
      {isCustomHost(draft) ? (
        <label className="field">
          {t('options.provider.hostName')}
          <input
            type="text"
            maxLength={40}
            value={draft.name}
            placeholder={customHostName(draft.baseUrl) ?? ''}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
      ) : null}
      {asksCurrency(draft) ? <CurrencyField draft={draft} set={set} /> : null}
    </>
  );
}
