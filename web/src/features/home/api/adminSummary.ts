import { useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import type { Invitation, OutboxMessage, Page, User } from '@/shared/api/types';

/** A count from the first page of a list: exact when it fits, "N+" when there is more. */
export interface PageCount {
  count: number;
  more: boolean;
}

const SUMMARY_LIMIT = 100;

function countOf<T>(page: Page<T>): PageCount {
  return { count: page.items.length, more: page.nextCursor !== null };
}

// Keys start with the list's own prefix, so any change that refreshes the list refreshes these too.
export function useActiveUsersCount(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'summary', 'active'],
    queryFn: ({ signal }) =>
      api.get<Page<User>>('/api/users', { status: 'active', limit: SUMMARY_LIMIT }, signal).then(countOf),
    enabled,
  });
}

export function usePendingInvitationsCount(enabled: boolean) {
  return useQuery({
    queryKey: ['invitations', 'summary', 'pending'],
    queryFn: ({ signal }) =>
      api.get<Page<Invitation>>('/api/invitations', { status: 'pending' }, signal).then(countOf),
    enabled,
  });
}

export function useWaitingOutboxCount(enabled: boolean) {
  return useQuery({
    queryKey: ['outbox', 'summary', 'pending'],
    queryFn: ({ signal }) =>
      api.get<Page<OutboxMessage>>('/api/outbox-messages', { status: 'pending', limit: SUMMARY_LIMIT }, signal).then(countOf),
    enabled,
  });
}

export function formatCount(value: PageCount | undefined): string {
  if (!value) return '…';
  return value.more ? `${value.count}+` : String(value.count);
}
