import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { Notification } from './types';

/** How often the bell asks for the unread count while the page is open. */
export const UNREAD_POLL_MS = 30_000;
/** How many notices the bell's popover shows. */
export const LATEST_COUNT = 10;
const PAGE_SIZE = 25;

export const notificationsKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (unread: boolean) => ['notifications', 'list', { unread }] as const,
};

/** The bell's number: polled every 30 s and again when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationsKeys.unreadCount,
    queryFn: ({ signal }) => api.get<{ unread: number }>('/api/notifications/unread-count', undefined, signal),
    select: (data) => data.unread,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** The newest notices, for the bell's popover (fetched while it is open). */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKeys.latest,
    queryFn: ({ signal }) => api.get<Page<Notification>>('/api/notifications', { limit: LATEST_COUNT }, signal),
    select: (page) => page.items,
    enabled,
    staleTime: 0,
  });
}

/** Every notice, newest first, or the unread ones only; keyset-paged. */
export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationsKeys.list(unread),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Notification>>('/api/notifications', { unread: unread || undefined, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

function useInvalidateNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all });
}

export function useMarkNotificationRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
    onSuccess: invalidate,
  });
}

export function useMarkAllNotificationsRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all', {}),
    onSuccess: invalidate,
  });
}
