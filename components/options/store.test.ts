import { describe, expect, it } from 'vitest';
import type { ProviderSettings } from '@/lib/providers/registry.ts';
import { createOptionsStore, shownDraft } from './store.ts';

const coda: ProviderSettings = {
  providerId: 'codasms',
  apiKey: 'coda_live_saved',
  baseUrl: 'https://sandbox.example',
  savedAt: 1,
};

describe('the options store: the provider form as typed', () => {
  it('a fresh page shows the default provider as saved, or an empty CODASMS form', () => {
    const store = createOptionsStore();
    expect(shownDraft(store.getState(), [coda])).toMatchObject({
      providerId: 'codasms',
      apiKey: 'coda_live_saved',
    });
    expect(shownDraft(store.getState(), [])).toMatchObject({ providerId: 'codasms', apiKey: '' });
  });

  it('what was typed for one provider is kept while the user looks at another', () => {
    const store = createOptionsStore();
    const { showFamily, type } = store.getState();
    showFamily('fivesim');
    const fivesim = shownDraft(store.getState(), [coda]);
    expect(fivesim).toMatchObject({ providerId: 'fivesim', apiKey: '', currency: 'RUB' });
    type({ ...fivesim, apiKey: 'typed-5sim-key', currency: 'USD' }, [coda]);

    showFamily('codasms');
    expect(shownDraft(store.getState(), [coda]).apiKey).toBe('coda_live_saved');
    showFamily('fivesim');
    expect(shownDraft(store.getState(), [coda])).toMatchObject({
      apiKey: 'typed-5sim-key',
      currency: 'USD',
    });
  });

  it('"Edit" in the list shows the saved settings, dropping what was typed for that provider', () => {
    const store = createOptionsStore();
    const { editSaved, type } = store.getState();
    type({ ...shownDraft(store.getState(), [coda]), apiKey: 'half-typed' }, [coda]);
    expect(shownDraft(store.getState(), [coda]).apiKey).toBe('half-typed');
    editSaved('codasms');
    expect(shownDraft(store.getState(), [coda]).apiKey).toBe('coda_live_saved');
  });

  it('a new address for a saved provider empties its key, to be typed again', () => {
    const store = createOptionsStore();
    const shown = shownDraft(store.getState(), [coda]);
    store.getState().type({ ...shown, baseUrl: 'https://codasms.example' }, [coda]);
    expect(shownDraft(store.getState(), [coda])).toMatchObject({
      baseUrl: 'https://codasms.example',
      apiKey: '',
    });
  });
});
