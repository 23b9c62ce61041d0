import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  DEFAULT_PREFERENCES,
  preferencesItem,
  updatePreferences,
  type Preferences,
} from '@/lib/storage.ts';

const KEY = ['preferences'];

/** The saved preferences and a way to change some of them (shown at once, then stored). */
export function usePreferences(): {
  preferences: Preferences | undefined;
  update(patch: Partial<Preferences>): void;
} {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: KEY,
    queryFn: async (): Promise<Preferences> => ({
      ...DEFAULT_PREFERENCES,
      ...(await preferencesItem.getValue()),
    }),
  });
  // The popup changes some too (the tier ordered last); show what is stored.
  useEffect(
    () => preferencesItem.watch(() => void client.invalidateQueries({ queryKey: KEY })),
    [client],
  );
  const mutation = useMutation({
    // One at a time: each is a read-modify-write of the same record.
    scope: { id: 'preferences' },
    mutationFn: (patch: Partial<Preferences>) => updatePreferences(patch),
    onMutate: (patch) => {
      const before = client.getQueryData<Preferences>(KEY);
      if (before) client.setQueryData<Preferences>(KEY, { ...before, ...patch });
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  return { preferences: query.data, update: mutation.mutate };
}
