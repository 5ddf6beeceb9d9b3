import type { ProgramPolicy } from '@domain/requests/program-policy';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';
import type { PipelineStage, PipelineStageInput, ProgramPolicies } from './types';

export const settingsKeys = {
  stages: ['pipeline-stages'] as const,
  policies: ['program-policies'] as const,
};

/** The sales pipeline in order, retired stages included. */
export function usePipelineStages() {
  return useQuery({
    queryKey: settingsKeys.stages,
    queryFn: ({ signal }) => api.get<{ stages: PipelineStage[] }>('/api/pipeline-stages', undefined, signal),
    select: (data) => data.stages,
    staleTime: 60_000,
  });
}

export function useSavePipelineStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stages: PipelineStageInput[]) =>
      apiRequest<{ stages: PipelineStage[] }>('/api/pipeline-stages', { method: 'PUT', body: { stages } }),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsKeys.stages, data);
      // Opportunities show their stage's label.
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    },
  });
}

export function useProgramPolicies() {
  return useQuery({
    queryKey: settingsKeys.policies,
    queryFn: ({ signal }) => api.get<ProgramPolicies>('/api/program-policies', undefined, signal),
    staleTime: 60_000,
  });
}

export function useSaveProgramPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: ProgramPolicy) => apiRequest<ProgramPolicies>('/api/program-policies', { method: 'PUT', body: policy }),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsKeys.policies, data);
      // Readiness on opportunities and requests follows the policies.
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    },
  });
}
