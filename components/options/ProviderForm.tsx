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
import { SelectField } from './SelectField.tsx';

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
    <SelectField
      label={t('options.provider.family')}
      value={draft.providerId}
      choices={FAMILIES.map((f) => ({ value: f.id, text: f.label() }))}
      onChange={(value) => {
        if (isFamily(value)) onFamily(value);
      }}
    />
  );
}

/** The SMS-Activate protocol's host: a known one, or an address of one's own. */
function HostField({ draft, set }: { draft: Draft; set: SetDraft }) {
  const hosts = SMS_ACTIVATE_HOSTS.map((h) => ({
    value: h.id,
    text: `${h.name} (${new URL(h.baseUrl).hostname})`,
  }));
  return (
    <SelectField
      label={t('options.provider.host')}
      value={draft.hostPreset}
      choices={[...hosts, { value: CUSTOM_HOST, text: t('options.provider.customHost') }]}
      onChange={(hostPreset) => set({ hostPreset })}
    />
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
    <SelectField
      label={t('options.provider.currency')}
      value={draft.currency}
      choices={CURRENCIES.map((c) => ({ value: c, text: c }))}
      onChange={(currency) => set({ currency })}
    />
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
