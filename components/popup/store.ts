import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { OfferSort } from '@/lib/storage.ts';

// The popup's own client state: what the user set in this popup, read by the components that
// need it instead of being handed down through props. What comes from the background (state,
// offers, balance, stored preferences) stays in react-query.

/** An action a button started that the background has not answered yet. */
export type PendingAction = 'ordering';

/** How the offer list of one service is looked at. */
export interface OfferView {
  service: string;
  /** The country search, as typed. */
  search: string;
  /** The rows above the price cap, shown on request. */
  showAboveCap: boolean;
}

export interface PopupUi {
  /** The service picker, opened on request (an unknown site shows it anyway). */
  picking: boolean;
  /** The offer list's view; a list of another service starts whole (offerView). */
  offers: OfferView;
  /** The sort chosen in this popup; null: the one stored in the preferences (sortOf). */
  sort: OfferSort | null;
  /** One at a time: while an order is asked for, every order button waits. */
  pending: PendingAction | null;
}

export interface PopupActions {
  openPicker(): void;
  closePicker(): void;
  setSearch(service: string, search: string): void;
  setShowAboveCap(service: string, shown: boolean): void;
  setSort(sort: OfferSort): void;
  /** Claims the one pending slot; false (start nothing) while another action waits. */
  start(action: PendingAction): boolean;
  /** The background answered the pending action: the buttons work again. */
  finish(): void;
  /** An order was placed: its card replaces the list, which comes back whole (no search). */
  ordered(): void;
}

export type PopupStore = PopupUi & PopupActions;

const wholeList = (service: string): OfferView => ({ service, search: '', showAboveCap: false });

const INITIAL: PopupUi = { picking: false, offers: wholeList(''), sort: null, pending: null };

/** The view of `service`'s list: what was set for it, or the whole list. */
export const offerView = (s: PopupUi, service: string): OfferView =>
  s.offers.service === service ? s.offers : wholeList(service);

/** The sort in force: the one chosen in this popup, else the stored one. */
export const sortOf = (s: PopupUi, stored: OfferSort | undefined): OfferSort =>
  s.sort ?? stored ?? 'cheapest';

/** A store of its own (tests make one each); the popup uses `popupStore`. */
export const createPopupStore = () =>
  createStore<PopupStore>()((set, get) => ({
    ...INITIAL,
    openPicker: () => set({ picking: true }),
    closePicker: () => set({ picking: false }),
    setSearch: (service, search) => set((s) => ({ offers: { ...offerView(s, service), search } })),
    setShowAboveCap: (service, showAboveCap) =>
      set((s) => ({ offers: { ...offerView(s, service), showAboveCap } })),
    setSort: (sort) => set({ sort }),
    start: (action) => {
      if (get().pending !== null) return false;
      set({ pending: action });
      return true;
    },
    finish: () => set({ pending: null }),
    ordered: () => set((s) => ({ offers: wholeList(s.offers.service) })),
  }));

/** The popup page's one store (a popup is one page: created with it, gone when it closes). */
export const popupStore = createPopupStore();

export function usePopupStore<T>(selector: (s: PopupStore) => T): T {
  return useStore(popupStore, selector);
}
