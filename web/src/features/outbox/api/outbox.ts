import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { OutboxStatus, Page } from '@/shared/api/types';
import type { OutboxChannel, OutboxMessage } from './types';

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (status: OutboxStatus | '', channel: OutboxChannel | '' = '') => ['outbox', 'list', status, channel] as const,
  detail: (id: string) => ['outbox', 'detail', id] as const,
};

export function useOutboxMessages(status: OutboxStatus | '', channel: OutboxChannel | '' = '') {
  return useInfiniteQuery({
    queryKey: outboxKeys.list(status, channel),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OutboxMessage>>('/api/outbox-messages', { status, channel, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
    // Delivery happens in the background: keep the statuses fresh while the page is open.
    refetchInterval: 30_000,
  });
}

export function useOutboxMessage(id: string | null) {
  const queryClient = useQueryClient();
  const fromLists = (): OutboxMessage | undefined => {
    const lists = queryClient.getQueriesData<{ pages: Page<OutboxMessage>[] }>({ queryKey: ['outbox', 'list'] });
    for (const [, data] of lists) {
      const found = data?.pages.flatMap((page) => page.items).find((message) => message.id === id);
      if (found) return found;
    }
    return undefined;
  };
  return useQuery<OutboxMessage>({
    queryKey: outboxKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<OutboxMessage>(`/api/outbox-messages/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    // Show the copy from the list at once while the fresh one loads.
    placeholderData: fromLists,
  });
}

/** Sends a dead or failed message again (or a held e-mail once SMTP is configured). */
export function useRetryOutboxMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(`/api/outbox-messages/${encodeURIComponent(id)}/retry`),
    onSuccess: (message) => {
      queryClient.setQueryData(outboxKeys.detail(message.id), message);
      void queryClient.invalidateQueries({ queryKey: ['outbox', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    },
  });
}
