import type { Role, Team } from '@domain/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';

export interface PasswordPolicy {
  minLength: number;
}

/** Used until the policy endpoint answers, and if it can't. */
export const FALLBACK_MIN_PASSWORD_LENGTH = 12;

export function usePasswordPolicy() {
  return useQuery({
    queryKey: ['meta', 'password-policy'],
    queryFn: ({ signal }) => api.get<PasswordPolicy>('/api/meta/password-policy', undefined, signal),
    staleTime: Infinity,
  });
}

export interface InvitationPreview {
  email: string;
  name: string;
  roles: Role[];
  team: Team;
  organization: { name: string };
  expiresAt: string;
}

export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      apiRequest<InvitationPreview>('/api/invitations/preview', {
        method: 'POST',
        body: { token },
        signal,
        expectUnauthorized: true,
      }),
    enabled: token !== null && token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

interface AcceptInvitationInput {
  token: string;
  name: string;
  password: string;
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) =>
      apiRequest<{ email: string }>('/api/invitations/accept', {
        method: 'POST',
        body: input,
        expectUnauthorized: true,
      }),
  });
}
