import { describe, expect, it } from 'vitest';
import { createPopupStore, offerView, sortOf } from './store.ts';

describe('the popup store', () => {
  it('while an order is asked for, no other order button starts one; after the answer they do', () => {
    const store = createPopupStore();
    expect(store.getState().start('ordering')).toBe(true);
    // A second click (another row, "Try Priority") is refused: one number at a time.
    expect(store.getState().start('ordering')).toBe(false);
    expect(store.getState().pending).toBe('ordering');
    store.getState().finish();
    expect(store.getState().pending).toBeNull();
    expect(store.getState().start('ordering')).toBe(true);
  });

  it('the search and "show hidden" belong to the service: another service shows its whole list', () => {
    const store = createPopupStore();
    store.getState().setSearch('ds', 'ind');
    store.getState().setShowAboveCap('ds', true);
    expect(offerView(store.getState(), 'ds')).toMatchObject({ search: 'ind', showAboveCap: true });
    expect(offerView(store.getState(), 'tg')).toMatchObject({ search: '', showAboveCap: false });
    // Searching the other service starts its view afresh (the cap applies again).
    store.getState().setSearch('tg', 'u');
    expect(offerView(store.getState(), 'tg')).toMatchObject({ search: 'u', showAboveCap: false });
  });

  it('showing the hidden rows keeps the search typed, and the other way round', () => {
    const store = createPopupStore();
    store.getState().setSearch('ds', 'rus');
    store.getState().setShowAboveCap('ds', true);
    store.getState().setSearch('ds', 'russ');
    expect(offerView(store.getState(), 'ds')).toMatchObject({ search: 'russ', showAboveCap: true });
  });

  it('opening and closing the service picker keeps what was searched', () => {
    const store = createPopupStore();
    store.getState().setSearch('ds', 'ind');
    store.getState().openPicker();
    expect(store.getState().picking).toBe(true);
    store.getState().closePicker();
    expect(store.getState().picking).toBe(false);
    expect(offerView(store.getState(), 'ds').search).toBe('ind');
  });

  it('after an order the list comes back whole: no search, the price cap applied again', () => {
    const store = createPopupStore();
    store.getState().setSearch('ds', 'ind');
    store.getState().setShowAboveCap('ds', true);
    store.getState().ordered();
    expect(offerView(store.getState(), 'ds')).toMatchObject({ search: '', showAboveCap: false });
  });

  it('the sort follows the stored preference until one is chosen in the popup', () => {
    const store = createPopupStore();
    expect(sortOf(store.getState(), undefined)).toBe('cheapest');
    expect(sortOf(store.getState(), 'bestChance')).toBe('bestChance');
    store.getState().setSort('cheapest');
    expect(sortOf(store.getState(), 'bestChance')).toBe('cheapest');
  });
});
