import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { ProfileChangeDetail, ProfileChangeFilter, ProfileChangePage } from './types';

export const profileChangeKeys = {
  all: ['profile-changes'] as const,
  list: (status: ProfileChangeFilter) => ['profile-changes', 'list', status] as const,
  detail: (id: string) => ['profile-changes', 'detail', id] as const,
  pendingFor: (advocateId: string) => ['profile-changes', 'pending-for', advocateId] as const,
};

/** Proposals, waiting ones first. */
export function useProfileChanges(status: ProfileChangeFilter) {
  return useInfiniteQuery({
    queryKey: profileChangeKeys.list(status),
    queryFn: ({ pageParam, signal }) => api.get<ProfileChangePage>('/api/profile-changes', { status, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useProfileChange(id: string | null) {
  return useQuery({
    queryKey: profileChangeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ProfileChangeDetail>(`/api/profile-changes/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

/** An advocate's waiting proposal, if any (for a link on their page). */
export function usePendingProfileChange(advocateId: string, enabled: boolean) {
  return useQuery({
    queryKey: profileChangeKeys.pendingFor(advocateId),
    queryFn: ({ signal }) => api.get<ProfileChangePage>('/api/profile-changes', { status: 'pending', advocateId, limit: 1 }, signal),
    enabled,
  });
}

function useDecided() {
  const queryClient = useQueryClient();
  return (detail: ProfileChangeDetail) => {
    queryClient.setQueryData(profileChangeKeys.detail(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: profileChangeKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['advocates'] });
  };
}

export function useApproveProfileChange() {
  const onDecided = useDecided();
  return useMutation({
    mutationFn: ({ id, fields, note }: { id: string; fields?: string[]; note?: string | null }) =>
      api.post<ProfileChangeDetail>(`/api/profile-changes/${encodeURIComponent(id)}/approve`, { fields, note: note ?? null }),
    onSuccess: onDecided,
  });
}

export function useRejectProfileChange() {
  const onDecided = useDecided();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post<ProfileChangeDetail>(`/api/profile-changes/${encodeURIComponent(id)}/reject`, { note }),
    onSuccess: onDecided,
  });
}
