import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, buildUrl, type QueryValue } from '@/shared/api/client';
import { FILTER_PARAMS } from '../lib/searchFilters';
import { searchKey, type SearchState } from '../lib/searchState';
import type { SearchResponse } from './types';

export const SEARCH_PAGE_SIZE = 24;

export const searchKeys = {
  all: ['advocates', 'search'] as const,
  results: (state: SearchState) => ['advocates', 'search', 'results', searchKey(state)] as const,
  totals: (variants: readonly SearchState[]) => ['advocates', 'search', 'totals', ...variants.map(searchKey)] as const,
};

function searchQuery(state: SearchState, extra: Record<string, QueryValue>): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = { q: state.q.trim(), sort: state.sort, ...extra };
  for (const param of FILTER_PARAMS) query[param] = state.filters[param];
  return query;
}

function fetchSearch(state: SearchState, extra: Record<string, QueryValue>, signal: AbortSignal) {
  return api.get<SearchResponse>('/api/advocates/search', searchQuery(state, extra), signal);
}

export function useAdvocateSearch(state: SearchState) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(state),
    queryFn: ({ pageParam, signal }) => fetchSearch(state, { cursor: pageParam, limit: SEARCH_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many advocates each variant of a search finds (one result fetched per variant, in parallel). */
export function useSearchTotals(variants: readonly SearchState[], enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.totals(variants),
    queryFn: ({ signal }) =>
      Promise.all(variants.map((variant) => fetchSearch(variant, { limit: 1 }, signal).then((page) => page.total))),
    enabled,
    staleTime: 60_000,
  });
}

/** Where the browser downloads every result of this search as CSV (the same filters, no paging). */
export function searchExportUrl(state: SearchState): string {
  return buildUrl('/api/advocates/search/export.csv', searchQuery(state, {}));
}
