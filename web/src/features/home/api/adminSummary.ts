import { useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';

type UserCounts = { active: number; deactivated: number };
type InvitationCounts = { pending: number; accepted: number; revoked: number; expired: number };
type OutboxCounts = { pending: number; sent: number; failed: number; dead: number; held: number };

// Keys start with the list's own prefix, so any change that refreshes the list refreshes these too.
export function useActiveUsersCount(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'counts'],
    queryFn: ({ signal }) => api.get<UserCounts>('/api/users/counts', {}, signal).then((c) => c.active),
    enabled,
  });
}

export function usePendingInvitationsCount(enabled: boolean) {
  return useQuery({
    queryKey: ['invitations', 'counts'],
    queryFn: ({ signal }) => api.get<InvitationCounts>('/api/invitations/counts', {}, signal).then((c) => c.pending),
    enabled,
  });
}

/** Messages not delivered yet: queued, retrying, or held because no mail server is configured. */
export function useWaitingOutboxCount(enabled: boolean) {
  return useQuery({
    queryKey: ['outbox', 'counts'],
    queryFn: ({ signal }) => api.get<OutboxCounts>('/api/outbox-messages/counts', {}, signal).then((c) => c.pending + c.failed + c.held + c.dead),
    enabled,
  });
}

export function formatCount(value: number | undefined): string {
  return value === undefined ? '…' : String(value);
}
