import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { Approval, ApprovalFilters } from './types';

export const approvalsKeys = {
  all: ['approvals'] as const,
  list: (filters: ApprovalFilters) => ['approvals', 'list', filters] as const,
};

/** The owner's approvals, due soonest first (pending) or newest first (decided). */
export function useApprovals(filters: ApprovalFilters) {
  return useInfiniteQuery({
    queryKey: approvalsKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Approval>>('/api/approvals', { ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

const decisionPath = (approval: Approval, decision: 'approve' | 'decline') =>
  `/api/requests/${encodeURIComponent(approval.request.id)}/candidates/${encodeURIComponent(approval.candidateId)}/${decision}`;

function useDecisionEffects() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: approvalsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
    void queryClient.invalidateQueries({ queryKey: ['program-queue'] });
  };
}

export function useApprove() {
  const onChanged = useDecisionEffects();
  return useMutation({
    mutationFn: (approval: Approval) => api.post<unknown>(decisionPath(approval, 'approve'), {}),
    onSuccess: onChanged,
  });
}

export function useDecline() {
  const onChanged = useDecisionEffects();
  return useMutation({
    mutationFn: ({ approval, reason }: { approval: Approval; reason: string }) =>
      api.post<unknown>(decisionPath(approval, 'decline'), { reason }),
    onSuccess: onChanged,
  });
}
