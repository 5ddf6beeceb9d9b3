import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';

export interface OutcomeInput {
  outcome: 'won' | 'lost';
  closedOn: string;
  /** Won only; the opportunity's amount when left out. */
  amountWonUsd?: number | null;
  /** Lost only: what happened. */
  lossReason?: string | null;
}

/** `POST /api/opportunities/:id/outcome`: impact for the advocates who helped, or the requesters asked why. */
export interface OutcomeResult {
  opportunity: { id: string; outcome: 'open' | 'won' | 'lost'; amountWonUsd: number | null; closedOn: string | null; lossReason: string | null };
  changed: boolean;
  impactRecords: number;
  newImpactRecords: number;
  advocatesNotified: number;
  requestersAsked: number;
}

export function useRecordOutcome(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OutcomeInput) => api.post<OutcomeResult>(`/api/opportunities/${encodeURIComponent(opportunityId)}/outcome`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}
