import { create } from 'zustand';
import type { Tier } from '@/lib/providers/types.ts';

/** UI-only state of the popup; data from the background lives in react-query. */
interface PopupUi {
  tier: Tier | null;
  setTier(tier: Tier): void;
}

export const usePopupUi = create<PopupUi>((set) => ({
  tier: null,
  setTier: (tier) => set({ tier }),
}));
