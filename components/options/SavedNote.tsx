import { t } from '@/lib/i18n.ts';
import type { Preferences } from '@/lib/storage.ts';

/** "Saved" beside a section's heading once a change to one of its preferences is stored. */
export function SavedNote({
  saved,
  keys,
}: {
  saved: ReadonlySet<keyof Preferences>;
  keys: readonly (keyof Preferences)[];
}) {
  const shown = keys.some((k) => saved.has(k));
  // A live region without the status role: the page's status line is the provider test's.
  return (
    <span className="saved-note" aria-live="polite">
      {shown ? `✓ ${t('guide.options.saved')}` : ''}
    </span>
  );
}
