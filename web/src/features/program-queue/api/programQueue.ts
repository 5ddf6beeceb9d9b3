import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { QueueItem, QueueKind } from './types';

export const programQueueKeys = {
  all: ['program-queue'] as const,
  list: (kinds: readonly QueueKind[]) => ['program-queue', 'list', kinds] as const,
};

export function useProgramQueue(kinds: readonly QueueKind[]) {
  return useInfiniteQuery({
    queryKey: programQueueKeys.list(kinds),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<QueueItem>>('/api/program-queue', { kind: kinds, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

/** One queue action per item; several items run one after the other (bulk), each reported. */
export type QueueAction = { kind: 'no_answer'; item: QueueItem } | { kind: 'rematch'; item: QueueItem } | { kind: 'override'; item: QueueItem; reason: string };

function run(action: QueueAction): Promise<unknown> {
  const { item } = action;
  if (action.kind === 'no_answer') {
    if (!item.candidate) return Promise.reject(new Error('No candidate to mark'));
    return api.post(`${requestPath(item.request.id)}/candidates/${encodeURIComponent(item.candidate.id)}/no-answer`, {});
  }
  if (action.kind === 'rematch') return api.post(`${requestPath(item.request.id)}/rematch`, {});
  return api.post(`${requestPath(item.request.id)}/override-readiness`, { reason: action.reason });
}

export interface BulkOutcome {
  done: number;
  failed: { item: QueueItem; error: unknown }[];
}

export function useQueueActions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (actions: QueueAction[]): Promise<BulkOutcome> => {
      const outcome: BulkOutcome = { done: 0, failed: [] };
      for (const action of actions) {
        try {
          await run(action);
          outcome.done += 1;
        } catch (error) {
          outcome.failed.push({ item: action.item, error });
        }
      }
      return outcome;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: programQueueKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}
