import type { MergeChoices } from '@domain/advocate-merge';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { advocatesKeys } from './advocates';
import type { Advocate } from './types';

export type DuplicateReason = 'same_email' | 'same_name_same_account' | 'same_name';

export interface DuplicateSuggestion {
  advocate: Advocate;
  reasons: DuplicateReason[];
}

const advocatePath = (id: string) => `/api/advocates/${encodeURIComponent(id)}`;

/** Likely duplicates of an advocate (admins). */
export function useAdvocateDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['advocates', 'duplicates', id] as const,
    queryFn: ({ signal }) => api.get<{ items: DuplicateSuggestion[] }>(`${advocatePath(id)}/duplicates`, undefined, signal).then((body) => body.items),
    enabled,
  });
}

export interface MergeInput {
  duplicateId: string;
  fields: MergeChoices;
  allowDifferentAccounts?: boolean;
}

/** Merges a duplicate into this advocate; the duplicate's record is gone afterwards. */
export function useMergeAdvocate(survivorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api.post<Advocate>(`${advocatePath(survivorId)}/merge`, input),
    onSuccess: (advocate, input) => {
      queryClient.setQueryData(advocatesKeys.detail(advocate.id), advocate);
      queryClient.removeQueries({ queryKey: advocatesKeys.detail(input.duplicateId) });
      void queryClient.invalidateQueries({ queryKey: ['advocates', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['advocates', 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['advocates', 'duplicates'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    },
  });
}
