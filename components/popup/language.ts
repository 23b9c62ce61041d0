import { currentLanguage, useLanguage as loadLanguage } from '@/lib/i18n.ts';
import { DEFAULT_PREFERENCES, preferencesItem } from '@/lib/storage.ts';

/**
 * Shows strings in the language chosen in the options (before the first render, so the popup
 * never flashes in another language) and tells the page which language it is in.
 */
export async function applySavedLanguage(doc: Document = document): Promise<void> {
  const { language } = { ...DEFAULT_PREFERENCES, ...(await preferencesItem.getValue()) };
  try {
    await loadLanguage(language);
  } catch {
    // The chosen language's messages did not load: the browser's language it is.
  }
  doc.documentElement.lang = currentLanguage();
}
