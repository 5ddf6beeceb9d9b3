import type { Role, Team } from '@domain/roles';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf } from '@/shared/api/pagination';
import type { Invitation, InvitationStatus, Page } from '@/shared/api/types';

export const invitationsKeys = {
  all: ['invitations'] as const,
  list: (status: InvitationStatus | '') => ['invitations', 'list', status] as const,
};

export interface InvitationResult {
  invitation: Invitation;
  /** Set while the server can't send e-mail: the admin passes the link on. */
  inviteUrl: string | null;
}

export function useInvitationsList(status: InvitationStatus | '') {
  return useInfiniteQuery({
    queryKey: invitationsKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Invitation>>('/api/invitations', { status, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export interface NewInvitation {
  email: string;
  name: string;
  roles: Role[];
  team: Team;
}

function useInvitationEffects() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: invitationsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };
}

export function useCreateInvitation() {
  const onChanged = useInvitationEffects();
  return useMutation({
    mutationFn: (input: NewInvitation) => api.post<InvitationResult>('/api/invitations', input),
    onSuccess: onChanged,
  });
}

export function useRevokeInvitation() {
  const onChanged = useInvitationEffects();
  return useMutation({
    mutationFn: (id: string) => api.post<Invitation>(`/api/invitations/${encodeURIComponent(id)}/revoke`),
    onSuccess: onChanged,
  });
}

export function useResendInvitation() {
  const onChanged = useInvitationEffects();
  return useMutation({
    mutationFn: (id: string) => api.post<InvitationResult>(`/api/invitations/${encodeURIComponent(id)}/resend`),
    onSuccess: onChanged,
  });
}
