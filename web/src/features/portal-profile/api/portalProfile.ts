import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalApi } from './portalClient';
import type { PortalBlackout, PortalPreferences, PortalProfile, PreferencesInput, ProfileChanges, ProfileOptions, ProposalResult } from './types';

export const portalProfileKeys = {
  profile: ['portal', 'profile'] as const,
  options: ['portal', 'profile-options'] as const,
  blackouts: ['portal', 'blackouts'] as const,
  preferences: ['portal', 'preferences'] as const,
};

export function usePortalProfile() {
  return useQuery({ queryKey: portalProfileKeys.profile, queryFn: () => portalApi<PortalProfile>('/api/portal/profile'), retry: false });
}

export function useProfileOptions() {
  return useQuery({ queryKey: portalProfileKeys.options, queryFn: () => portalApi<ProfileOptions>('/api/portal/profile-options'), staleTime: 10 * 60_000, retry: false });
}

/** Proposes changes, or (with none) confirms the profile is still right. */
export function useProposeProfileChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => portalApi<ProposalResult>('/api/portal/profile-changes', 'POST', { changes }),
    onSuccess: (result) => queryClient.setQueryData(portalProfileKeys.profile, result.profile),
  });
}

export function usePortalBlackouts() {
  return useQuery({
    queryKey: portalProfileKeys.blackouts,
    queryFn: () => portalApi<{ today: string; items: PortalBlackout[] }>('/api/portal/blackouts'),
    retry: false,
  });
}

export function useAddBlackout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { startsOn: string; endsOn: string; reason: string | null }) => portalApi<PortalBlackout>('/api/portal/blackouts', 'POST', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalProfileKeys.blackouts }),
  });
}

export function useRemoveBlackout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => portalApi<{ outcome: 'removed' | 'ended_early' }>(`/api/portal/blackouts/${encodeURIComponent(id)}`, 'DELETE'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalProfileKeys.blackouts }),
  });
}

export function usePortalPreferences() {
  return useQuery({ queryKey: portalProfileKeys.preferences, queryFn: () => portalApi<PortalPreferences>('/api/portal/preferences'), retry: false });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) => portalApi<PortalPreferences>('/api/portal/preferences', 'PUT', input),
    onSuccess: (saved) => queryClient.setQueryData(portalProfileKeys.preferences, saved),
  });
}
