import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '@/lib/providers/registry.ts';
import { addressChanged, draftFor, editDraft } from './provider-form.ts';

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
