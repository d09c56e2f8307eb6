import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type FilterPatch = Record<string, string | number | null | undefined>;

/**
 * A page's filters live in its address (so a filtered list can be bookmarked and shared): `setFilters` changes some of
 * them, an empty value removes one, and the history keeps one entry per page rather than one per click.
 */
export function useFilters(): [URLSearchParams, (patch: FilterPatch) => void] {
  const [params, setParams] = useSearchParams();
  const setFilters = useCallback(
    (patch: FilterPatch) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  return [params, setFilters];
}
