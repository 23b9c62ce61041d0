import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  currentLanguage,
  // Not a React hook despite its name: it loads a language's messages.
  useLanguage as loadLanguage,
  t,
  type LanguageChoice,
  type MessageKey,
} from '@/lib/i18n.ts';
import { DEFAULT_PREFERENCES, preferencesItem, readPreferences } from '@/lib/storage.ts';

export interface PageSpec {
  /** The tab's title and the page's heading. */
  title: MessageKey;
  heading: MessageKey;
  className: string;
  /** The page's query cache, when the page seeds it before mounting (default: a new one). */
  client?: QueryClient;
  /** Work the first render needs, done alongside loading the language. Must not reject. */
  ready?: Promise<unknown>;
  /** Called on every render, so strings are looked up in the language shown now. */
  render(): ReactNode;
}

/** The language the user chose in the options ("auto" when unreadable). */
export async function savedLanguage(): Promise<LanguageChoice> {
  try {
    return (await readPreferences()).language;
  } catch {
    return 'auto';
  }
}

/** Loads `choice` and tells the document (its `lang` for screen readers, its title). */
export async function applyLanguage(
  choice: LanguageChoice,
  title: MessageKey,
  doc: Document = document,
): Promise<void> {
  try {
    await loadLanguage(choice);
  } catch {
    // A missing messages file must not leave the page blank: the browser's language it is.
    await loadLanguage('auto');
  }
  doc.documentElement.lang = currentLanguage();
  doc.title = t(title);
}

function Page({ spec, initial }: { spec: PageSpec; initial: LanguageChoice }) {
  const [, setShown] = useState(initial);
  // A language chosen in the options (this page or another) applies at once, everywhere.
  useEffect(() => {
    let last = initial;
    let latest = 0;
    return preferencesItem.watch(async (prefs) => {
      const choice = prefs?.language ?? DEFAULT_PREFERENCES.language;
      if (choice === last) return;
      last = choice;
      const mine = ++latest;
      await applyLanguage(choice, spec.title);
      if (mine === latest) setShown(choice);
    });
  }, [initial, spec.title]);
  return (
    <main className={spec.className}>
      <h1>{t(spec.heading)}</h1>
      {spec.render()}
    </main>
  );
}

/** Renders an extension page once its saved language is loaded (no flash of English). */
export async function mountPage(spec: PageSpec, root = document.getElementById('root')) {
  if (!root) return;
  const language = savedLanguage().then(async (choice) => {
    await applyLanguage(choice, spec.title);
    return choice;
  });
  const [initial] = await Promise.all([language, spec.ready]);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={spec.client ?? new QueryClient()}>
        <Page spec={spec} initial={initial} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
