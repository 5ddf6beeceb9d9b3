import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { OutboxMessage, OutboxStatus, Page } from '@/shared/api/types';

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (status: OutboxStatus | '') => ['outbox', 'list', status] as const,
  detail: (id: string) => ['outbox', 'detail', id] as const,
};

export function useOutboxMessages(status: OutboxStatus | '') {
  return useInfiniteQuery({
    queryKey: outboxKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OutboxMessage>>('/api/outbox-messages', { status, cursor: pageParam, limit: PAGE_SIZE }, signal),
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
