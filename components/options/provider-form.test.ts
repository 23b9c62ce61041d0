import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '@/lib/providers/registry.ts';
import { setMessages } from '@/lib/i18n.ts';
import { useMessages } from '../../tests/support/messages.ts';
import {
  addressChanged,
  CUSTOM_HOST,
  describeSettings,
  draftFor,
  editDraft,
  toSettings,
} from './provider-form.ts';

const saved: ProviderSettings[] = [
  { providerId: 'codasms', apiKey: 'coda_live_mine', baseUrl: 'http://127.0.0.1:8787' },
  { providerId: 'smsactivate', apiKey: 'hero-key', baseUrl: '', hostPreset: 'herosms' },
];

describe('changing a provider’s address asks for the key again', () => {
  it('empties the saved key when the address changes', () => {
    const draft = draftFor('codasms', saved);
    expect(draft.apiKey).toBe('coda_live_mine');
    const moved = editDraft({ ...draft, baseUrl: 'https://codasms.example' }, saved);
    expect(moved.apiKey).toBe('');
    expect(addressChanged(moved, saved)).toBe(true);
  });

  it('empties it when another SMS-Activate host is picked', () => {
    const draft = draftFor('smsactivate', saved);
    expect(editDraft({ ...draft, hostPreset: 'daisysms' }, saved).apiKey).toBe('');
  });

  it('keeps a key the user typed, and the saved key while the address stays', () => {
    const draft = draftFor('codasms', saved);
    const typed = editDraft({ ...draft, apiKey: 'coda_live_new' }, saved);
    expect(editDraft({ ...typed, baseUrl: 'https://x.example' }, saved).apiKey).toBe(
      'coda_live_new',
    );
    // Same address written differently (spaces) is no move.
    expect(editDraft({ ...draft, baseUrl: ' http://127.0.0.1:8787 ' }, saved).apiKey).toBe(
      'coda_live_mine',
    );
    // A family never saved has no key to protect.
    expect(editDraft({ ...draftFor('fivesim', saved), baseUrl: 'https://a' }, saved).baseUrl).toBe(
      'https://a',
    );
  });
});

describe('a custom SMS-Activate-protocol host is named readably', () => {
  it('the name typed in the form is saved with the settings; presets do not take one', () => {
    const draft = {
      ...draftFor('smsactivate', []),
      hostPreset: CUSTOM_HOST,
      baseUrl: 'https://api.sms.example.com',
      name: ' Cheap SMS ',
    };
    expect(toSettings(draft, 1).name).toBe('Cheap SMS');
    expect(toSettings({ ...draft, name: '' }, 1)).not.toHaveProperty('name');
    expect(toSettings({ ...draft, hostPreset: 'herosms' }, 1)).not.toHaveProperty('name');
    // Edited again: the form shows the saved name.
    expect(draftFor('smsactivate', [toSettings(draft, 1)]).name).toBe('Cheap SMS');
  });

  it('the options list names it with the protocol it speaks, not by its address alone', async () => {
    await useMessages('en');
    const custom = {
      providerId: 'smsactivate' as const,
      apiKey: 'k',
      baseUrl: 'https://api.sms.example.com',
      hostPreset: CUSTOM_HOST,
    };
    expect(describeSettings(custom)).toBe(
      'sms.example.com (SMS-Activate protocol, https://api.sms.example.com)',
    );
    expect(describeSettings({ ...custom, name: 'Cheap SMS' })).toMatch(/^Cheap SMS \(SMS-Act/);
    expect(describeSettings(saved[1]!)).toBe('HeroSMS');
    setMessages('en', null);
  });
});
