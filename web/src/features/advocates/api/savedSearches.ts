import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';
import type { SearchSort } from '../lib/searchFilters';

/** A search as stored: text, sort and facet filters (the URL's parameters). */
export interface SavedSearchQuery {
  q?: string;
  sort?: SearchSort;
  filters: Record<string, string[]>;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: SavedSearchQuery;
  createdAt: string;
  updatedAt: string;
}

export const savedSearchKeys = { all: ['saved-searches'] as const };

const path = (id: string) => `/api/saved-searches/${encodeURIComponent(id)}`;

/** The signed-in person's saved searches, by name. */
export function useSavedSearches() {
  return useQuery({
    queryKey: savedSearchKeys.all,
    queryFn: ({ signal }) => api.get<{ items: SavedSearch[] }>('/api/saved-searches', undefined, signal).then((body) => body.items),
  });
}

function useRefreshSavedSearches() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: savedSearchKeys.all });
}

export function useSaveSearch() {
  const onSuccess = useRefreshSavedSearches();
  return useMutation({
    mutationFn: (input: { name: string; query: SavedSearchQuery }) => api.post<SavedSearch>('/api/saved-searches', input),
    onSuccess,
  });
}

export function useUpdateSavedSearch() {
  const onSuccess = useRefreshSavedSearches();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string; name?: string; query?: SavedSearchQuery }) => api.patch<SavedSearch>(path(id), changes),
    onSuccess,
  });
}

export function useDeleteSavedSearch() {
  const onSuccess = useRefreshSavedSearches();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(path(id), { method: 'DELETE' }),
    onSuccess,
  });
}
