import {
  DEFAULT_HOST_PRESET,
  defaultBaseUrl,
  PROVIDERS,
  providerName,
  type ProviderSettings,
} from '@/lib/providers/catalog.ts';
import { normalizeSmsActivateUrl } from '@/lib/providers/sms-activate/hosts.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { t, type MessageKey } from '@/lib/i18n.ts';

/** What the options form edits: one provider's settings as typed. */
export interface Draft {
  providerId: ProviderId;
  /** SMS-Activate protocol: a preset id, or `custom` for an address typed in. */
  hostPreset: string;
  apiKey: string;
  baseUrl: string;
  currency: string;
  /** A custom SMS-Activate-protocol host's name (empty: its host name). */
  name: string;
}

export const CUSTOM_HOST = 'custom';

/** Provider families: a brand name shows as it is, a description in the page's language. */
export const FAMILIES: readonly { id: ProviderId; label(): string; hint: MessageKey }[] = [
  { id: 'codasms', label: () => PROVIDERS.codasms.name, hint: 'options.provider.hintCodasms' },
  {
    id: 'smsactivate',
    label: () => t('options.provider.smsactivate'),
    hint: 'options.provider.hintSmsactivate',
  },
  { id: 'fivesim', label: () => PROVIDERS.fivesim.name, hint: 'options.provider.hintFivesim' },
];

export const CURRENCIES = ['USD', 'EUR', 'RUB'] as const;

/** The form for a provider family: its saved settings, or a fresh draft. */
export function draftFor(providerId: ProviderId, saved: readonly ProviderSettings[]): Draft {
  const s = saved.find((p) => p.providerId === providerId);
  const preset = s?.hostPreset ?? DEFAULT_HOST_PRESET;
  return {
    providerId,
    hostPreset: providerId === 'smsactivate' ? preset : '',
    apiKey: s?.apiKey ?? '',
    baseUrl: s?.baseUrl ?? '',
    currency: s?.currency ?? PROVIDERS[providerId].currency,
    name: s?.name ?? '',
  };
}

/** The address used when the field is left empty; '' when one must be typed. */
export function defaultAddress(d: Draft): string {
  return defaultBaseUrl(d.providerId, d.hostPreset);
}

/** Whether the draft is a custom SMS-Activate-protocol host (named by the user or its host). */
export const isCustomHost = (d: Pick<Draft, 'providerId' | 'hostPreset'>): boolean =>
  d.providerId === 'smsactivate' && d.hostPreset === CUSTOM_HOST;

/** Whether the account currency must be said (the provider's API does not name it). */
export const asksCurrency = (d: Draft): boolean => d.providerId === 'fivesim' || isCustomHost(d);

/** A problem with the draft, in words, or null. */
export function draftProblem(d: Draft): string | null {
  if (!d.apiKey.trim()) return t('options.provider.noKey');
  const url = d.baseUrl.trim() || defaultAddress(d);
  if (!url) return t('options.provider.noAddress');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return t('options.provider.notAnAddress');
  }
  const local =
    ['127.0.0.1', 'localhost'].includes(parsed.hostname) || parsed.hostname.endsWith('.localhost');
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    return t('options.provider.notHttps');
  }
  return null;
}

/** The host permission pattern for the address the provider will be reached at. */
export function originPattern(d: Draft): string {
  const { protocol, hostname } = new URL(d.baseUrl.trim() || defaultAddress(d));
  // Match patterns without a port cover every port of that host.
  return `${protocol}//${hostname}/*`;
}

export function toSettings(d: Draft, now: number): ProviderSettings {
  const baseUrl =
    d.providerId === 'smsactivate' ? normalizeSmsActivateUrl(d.baseUrl) : d.baseUrl.trim();
  return {
    providerId: d.providerId,
    apiKey: d.apiKey.trim(),
    baseUrl,
    ...(d.providerId === 'smsactivate' ? { hostPreset: d.hostPreset } : {}),
    ...(asksCurrency(d) ? { currency: d.currency } : {}),
    ...(isCustomHost(d) && d.name.trim() ? { name: d.name.trim() } : {}),
    savedAt: now,
  };
}

/**
 * The provider as the options list names it: a custom SMS-Activate-protocol host by its name
 * and the protocol it speaks ("sms.example.com (SMS-Activate protocol, https://…)"), others by
 * their brand, with the address where one was typed.
 */
export function describeSettings(s: ProviderSettings): string {
  const name = providerName(s);
  if (s.providerId === 'smsactivate' && s.hostPreset === CUSTOM_HOST) {
    return t('options.providers.customHost', name, s.baseUrl);
  }
  return s.baseUrl ? `${name} (${s.baseUrl})` : name;
}

/** Whether the draft points the family at another address than the saved settings. */
export function addressChanged(d: Draft, saved: readonly ProviderSettings[]): boolean {
  const s = saved.find((p) => p.providerId === d.providerId);
  if (!s) return false;
  const preset = d.providerId === 'smsactivate' ? d.hostPreset : undefined;
  return toSettings(d, 0).baseUrl !== s.baseUrl || preset !== s.hostPreset;
}

/**
 * An edit of the form. Changing a saved provider's address empties the saved key: the user
 * types it again for the new host, so a key is never sent somewhere by a mistyped address.
 */
export function editDraft(next: Draft, saved: readonly ProviderSettings[]): Draft {
  const savedKey = saved.find((p) => p.providerId === next.providerId)?.apiKey;
  const keepsSavedKey = !!savedKey && next.apiKey === savedKey;
  return keepsSavedKey && addressChanged(next, saved) ? { ...next, apiKey: '' } : next;
}
