import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { Opportunity, OpportunityDetail, OpportunityFilters, OpportunityInput } from './types';

/** The request form reads `['opportunities', 'detail', id]` too: one cache for both. */
export const opportunitiesKeys = {
  all: ['opportunities'] as const,
  list: (filters: OpportunityFilters) => ['opportunities', 'list', filters] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
};

const opportunityPath = (id: string) => `/api/opportunities/${encodeURIComponent(id)}`;

export function useOpportunitiesList(filters: OpportunityFilters) {
  return useInfiniteQuery({
    queryKey: opportunitiesKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Opportunity>>(
        '/api/opportunities',
        {
          q: filters.q.trim(),
          stage: filters.stage,
          outcome: filters.outcome,
          ownerId: filters.mine ? 'me' : undefined,
          sort: filters.sort,
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useOpportunity(id: string | null | undefined) {
  return useQuery({
    queryKey: opportunitiesKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<OpportunityDetail>(opportunityPath(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

function useOpportunityEffects() {
  const queryClient = useQueryClient();
  return (opportunity: Opportunity) => {
    void queryClient.invalidateQueries({ queryKey: opportunitiesKeys.all });
    // Stage counts in the pipeline editor.
    void queryClient.invalidateQueries({ queryKey: ['pipeline-stages'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    return opportunity;
  };
}

export function useCreateOpportunity() {
  const onChanged = useOpportunityEffects();
  return useMutation({
    mutationFn: (input: OpportunityInput & { name: string; prospectName: string; stageKey: string }) =>
      api.post<Opportunity>('/api/opportunities', input),
    onSuccess: onChanged,
  });
}

export function useUpdateOpportunity(id: string) {
  const onChanged = useOpportunityEffects();
  return useMutation({
    mutationFn: (changes: OpportunityInput) => api.patch<Opportunity>(opportunityPath(id), changes),
    onSuccess: onChanged,
  });
}
