import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ProviderSettings } from '@/lib/providers/registry.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { draftFor, editDraft, type Draft } from './provider-form.ts';

// The options page's own client state: the provider form as typed. The saved settings and
// preferences stay where they are read from storage (react-query, usePreferences.ts).

export interface OptionsUi {
  /** The provider family the form shows; null: the default provider's (or CODASMS). */
  shown: ProviderId | null;
  /** What was typed per family, kept while the user looks at another one. */
  drafts: Partial<Record<ProviderId, Draft>>;
}

export interface OptionsActions {
  /** The form's provider select: the family's form as last typed, else as saved. */
  showFamily(providerId: ProviderId): void;
  /** "Edit" in the list: the saved settings, dropping what was typed for that provider. */
  editSaved(providerId: ProviderId): void;
  /** A field typed (provider-form.ts editDraft: a new address of a saved one empties its key). */
  type(next: Draft, saved: readonly ProviderSettings[]): void;
}

export type OptionsStore = OptionsUi & OptionsActions;

/** The form as shown: the family's typed draft, or its saved settings, or a fresh one. */
export function shownDraft(s: OptionsUi, saved: readonly ProviderSettings[]): Draft {
  const providerId = s.shown ?? saved[0]?.providerId ?? 'codasms';
  return s.drafts[providerId] ?? draftFor(providerId, saved);
}

/** A store of its own (tests make one each); the page uses `optionsStore`. */
export const createOptionsStore = () =>
  createStore<OptionsStore>()((set) => ({
    shown: null,
    drafts: {},
    showFamily: (providerId) => set({ shown: providerId }),
    editSaved: (providerId) =>
      set((s) => ({ shown: providerId, drafts: { ...s.drafts, [providerId]: undefined } })),
    type: (next, saved) =>
      set((s) => ({
        shown: next.providerId,
        drafts: { ...s.drafts, [next.providerId]: editDraft(next, saved) },
      })),
  }));

/** The options page's one store. */
export const optionsStore = createOptionsStore();

export function useOptionsStore<T>(selector: (s: OptionsStore) => T): T {
  return useStore(optionsStore, selector);
}
