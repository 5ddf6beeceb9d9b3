import type { Facet } from '@domain/taxonomy/types';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import type {
  FacetSummary,
  MergeResult,
  NewTaxonomyValue,
  TaxonomyValue,
  TaxonomyValueChanges,
} from './types';

/** Values change rarely (an admin edits them): keep them for the session and refresh now and then. */
export const TAXONOMY_STALE_TIME = 10 * 60 * 1000;

export const taxonomyKeys = {
  all: ['taxonomy'] as const,
  facets: ['taxonomy', 'facets'] as const,
  values: (facet: Facet) => ['taxonomy', 'values', facet] as const,
  withUsage: (facet: Facet) => ['taxonomy', 'usage', facet] as const,
};

/**
 * Every value of a facet, retired and merged ones included, so records holding an old key still
 * show its label. Pickers offer only the live ones.
 */
export function taxonomyQuery(facet: Facet) {
  return queryOptions({
    queryKey: taxonomyKeys.values(facet),
    queryFn: ({ signal }) =>
      api.get<{ items: TaxonomyValue[] }>(`/api/taxonomy/${facet}`, { includeRetired: true }, signal),
    select: (data) => data.items,
    staleTime: TAXONOMY_STALE_TIME,
    gcTime: 3 * TAXONOMY_STALE_TIME,
    refetchOnWindowFocus: false,
  });
}

export function useTaxonomy(facet: Facet) {
  return useQuery(taxonomyQuery(facet));
}

/** Facets with how many values are live and retired. */
export function useTaxonomyFacets() {
  return useQuery({
    queryKey: taxonomyKeys.facets,
    queryFn: ({ signal }) => api.get<{ items: FacetSummary[] }>('/api/taxonomy', undefined, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Admins: a facet's values with how many accounts and advocates hold each. */
export function useTaxonomyWithUsage(facet: Facet) {
  return useQuery({
    queryKey: taxonomyKeys.withUsage(facet),
    queryFn: ({ signal }) =>
      api.get<{ items: TaxonomyValue[] }>(`/api/taxonomy/${facet}`, { includeRetired: true, withUsage: true }, signal),
    select: (data) => data.items,
  });
}

/** A change to the taxonomy may relabel anything: refresh values, facets, and lists showing them. */
function useTaxonomyEffects() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: taxonomyKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };
}

const valuePath = (id: string) => `/api/taxonomy-values/${encodeURIComponent(id)}`;

export function useAddTaxonomyValue(facet: Facet) {
  const onChanged = useTaxonomyEffects();
  return useMutation({
    mutationFn: (input: NewTaxonomyValue) => api.post<TaxonomyValue>(`/api/taxonomy/${facet}`, input),
    onSuccess: onChanged,
  });
}

export function useUpdateTaxonomyValue(id: string) {
  const onChanged = useTaxonomyEffects();
  return useMutation({
    mutationFn: (changes: TaxonomyValueChanges) => api.patch<TaxonomyValue>(valuePath(id), changes),
    onSuccess: onChanged,
  });
}

export function useSetTaxonomyValueRetired() {
  const onChanged = useTaxonomyEffects();
  return useMutation({
    mutationFn: ({ id, retired }: { id: string; retired: boolean }) =>
      api.post<TaxonomyValue>(`${valuePath(id)}/${retired ? 'retire' : 'restore'}`),
    onSuccess: onChanged,
  });
}

export function useMergeTaxonomyValue(id: string) {
  const queryClient = useQueryClient();
  const onChanged = useTaxonomyEffects();
  return useMutation({
    mutationFn: (intoId: string) => api.post<MergeResult>(`${valuePath(id)}/merge`, { intoId }),
    onSuccess: () => {
      onChanged();
      // Records were rewritten to the surviving key.
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['advocates'] });
    },
  });
}
