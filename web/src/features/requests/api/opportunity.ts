import { useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';

/** The opportunity facts the request form is prefilled from (`GET /api/opportunities/:id`). */
export interface OpportunityForRequest {
  id: string;
  name: string;
  prospectName: string;
  prospectIndustryKey: string | null;
  prospectEmployeeCount: number | null;
  prospectAnnualRevenueUsd: number | null;
  prospectCountry: string | null;
  stageKey: string;
  productKeys: string[];
  outcome: 'open' | 'won' | 'lost';
}

export function useOpportunityForRequest(id: string | null) {
  return useQuery({
    queryKey: ['opportunities', 'detail', id ?? ''],
    queryFn: ({ signal }) => api.get<OpportunityForRequest>(`/api/opportunities/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Open opportunities matching a name, for the "which deal?" picker (`GET /api/opportunities`). */
export function useOpportunityChoices(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['opportunities', 'choices', q],
    queryFn: ({ signal }) =>
      api.get<{ items: OpportunityForRequest[] }>('/api/opportunities', { q: q.trim(), outcome: 'open', limit: 20 }, signal),
    select: (data) => data.items,
    enabled,
    placeholderData: (previous) => previous,
  });
}
