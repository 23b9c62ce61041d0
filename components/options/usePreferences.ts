import { useCallback, useEffect, useRef, useState } from 'react';
import { warn } from '@/lib/redact.ts';
import {
  DEFAULT_PREFERENCES,
  preferencesItem,
  updatePreferences,
  type Preferences,
} from '@/lib/storage.ts';

export interface PreferencesControl {
  preferences: Preferences;
  /** Shows the change at once, then stores it. */
  update(patch: Partial<Preferences>): void;
  /** The preferences whose last change is stored now (the section says "Saved"). */
  saved: ReadonlySet<keyof Preferences>;
}

/**
 * The saved preferences for the whole options page (one per page: its writes are queued, as each
 * is a read-modify-write of the same record). Null until read.
 */
export function usePreferences(): PreferencesControl | null {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState<ReadonlySet<keyof Preferences>>(new Set());
  const writing = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const showStored = useCallback(async () => {
    const stored = await preferencesItem.getValue();
    // While changes are being written, what is shown is newer than what is stored.
    if (writing.current === 0) setPreferences({ ...DEFAULT_PREFERENCES, ...stored });
  }, []);

  // The popup changes some too (the tier ordered last); show what is stored.
  useEffect(() => {
    void showStored();
    return preferencesItem.watch(() => void showStored());
  }, [showStored]);

  const update = useCallback(
    (patch: Partial<Preferences>) => {
      setPreferences((p) => (p ? { ...p, ...patch } : p));
      const keys = Object.keys(patch) as (keyof Preferences)[];
      setSaved((s) => new Set([...s].filter((k) => !keys.includes(k))));
      writing.current += 1;
      queue.current = queue.current
        .then(() => updatePreferences(patch))
        .then(() => setSaved((s) => new Set([...s, ...keys])))
        .catch((e: unknown) => warn('saving the preferences failed', e))
        .finally(() => {
          writing.current -= 1;
          void showStored();
        });
    },
    [showStored],
  );

  return preferences ? { preferences, update, saved } : null;
}
