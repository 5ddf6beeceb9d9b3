import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the URL query string, so a filtered list can be bookmarked, shared
 * and restored with the back button. Empty values are removed from the URL.
 */
export function useSearchParamState<Key extends string>(keys: readonly Key[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, searchParams.get(key) ?? ''])) as Record<Key, string>;

  const update = useCallback(
    (changes: Partial<Record<Key, string | null>>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes) as Array<[Key, string | null | undefined]>) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        // Controlled inputs (checkboxes, selects) read the URL: apply it at once, not in a transition.
        { replace: options.replace ?? true, flushSync: true },
      );
    },
    [setSearchParams],
  );

  return [values, update] as const;
}
