import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FILTER_PARAMS, isSearchSort, type FilterParam, type SearchSort } from './searchFilters';

/** Everything the search page shows, as kept in the URL (so a search can be bookmarked and shared). */
export interface SearchState {
  q: string;
  sort: SearchSort | '';
  filters: Record<FilterParam, string[]>;
}


export function parseSearchState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    FILTER_PARAMS.map((param) => [param, [...new Set(params.getAll(param).filter((value) => value !== ''))]]),
  ) as Record<FilterParam, string[]>;
  const sort = params.get('sort') ?? '';
  return { q: params.get('q') ?? '', sort: isSearchSort(sort) ? sort : '', filters };
}

/** A stable string for query keys: the same search always gives the same key. */
export function searchKey(state: SearchState): string {
  const parts = [`q=${state.q.trim()}`, `sort=${state.sort}`];
  for (const param of FILTER_PARAMS) parts.push(`${param}=${[...state.filters[param]].sort().join(',')}`);
  return parts.join('&');
}

export function activeFilterCount(state: SearchState): number {
  return FILTER_PARAMS.reduce((sum, param) => sum + state.filters[param].length, 0);
}

export function withoutFilter(state: SearchState, param: FilterParam): SearchState {
  return { ...state, filters: { ...state.filters, [param]: [] } };
}

export function useAdvocateSearchState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);

  const edit = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          change(next);
          return next;
        },
        // Checkboxes are controlled by the URL: apply it at once, not in a transition, so a tick shows immediately.
        { replace: true, flushSync: true },
      ),
    [setParams],
  );

  const setQuery = useCallback(
    (q: string) =>
      edit((next) => {
        if (q.trim() === '') next.delete('q');
        else next.set('q', q);
      }),
    [edit],
  );

  const setSort = useCallback(
    (sort: SearchSort | null) =>
      edit((next) => {
        if (sort) next.set('sort', sort);
        else next.delete('sort');
      }),
    [edit],
  );

  const setFilter = useCallback(
    (param: FilterParam, values: readonly string[]) =>
      edit((next) => {
        next.delete(param);
        for (const value of values) next.append(param, value);
      }),
    [edit],
  );

  const clearAll = useCallback(
    () =>
      edit((next) => {
        next.delete('q');
        for (const param of FILTER_PARAMS) next.delete(param);
      }),
    [edit],
  );

  /** Shows another search entirely (a saved one): a new history entry, so Back returns. */
  const replaceAll = useCallback((next: URLSearchParams) => setParams(next), [setParams]);

  return { state, setQuery, setSort, setFilter, clearAll, replaceAll };
}
