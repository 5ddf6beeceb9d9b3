import type { SavedSearchQuery } from '../api/savedSearches';
import { FILTER_PARAMS } from './searchFilters';
import { parseSearchState, searchKey, type SearchState } from './searchState';

/** The search on screen, as a saved search stores it (only the filters in use). */
export function savedQueryOf(state: SearchState): SavedSearchQuery {
  const filters: Record<string, string[]> = {};
  for (const param of FILTER_PARAMS) if (state.filters[param].length) filters[param] = [...state.filters[param]];
  const q = state.q.trim();
  return { ...(q ? { q } : {}), ...(state.sort ? { sort: state.sort } : {}), filters };
}

/** The URL parameters that show a saved search. */
export function paramsOf(query: SavedSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  for (const [param, values] of Object.entries(query.filters)) for (const value of values) params.append(param, value);
  return params;
}

/** Whether the page shows exactly this saved search. */
export function showsSavedSearch(state: SearchState, query: SavedSearchQuery): boolean {
  return searchKey(state) === searchKey(parseSearchState(paramsOf(query)));
}
