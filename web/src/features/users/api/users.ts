import type { Role, Team } from '@domain/roles';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '@/features/auth/api/session';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page, User, UserStatus } from '@/shared/api/types';

export interface UserFilters {
  q: string;
  role: Role | '';
  team: Team | '';
  status: UserStatus | '';
}

export const usersKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function fetchUsersPage(
  filters: Partial<UserFilters> & { cursor?: string; limit?: number },
  signal?: AbortSignal,
): Promise<Page<User>> {
  return api.get<Page<User>>(
    '/api/users',
    {
      q: filters.q?.trim(),
      role: filters.role,
      team: filters.team,
      status: filters.status,
      cursor: filters.cursor,
      limit: filters.limit ?? PAGE_SIZE,
    },
    signal,
  );
}

export function useUsersList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: usersKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchUsersPage({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: usersKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<User>(`/api/users/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export interface UserChanges {
  name?: string;
  roles?: Role[];
  team?: Team;
}

/** After any change to a person: refresh lists and, when it is you, your own session. */
function useUserMutationEffects() {
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.setQueryData(usersKeys.detail(user.id), user);
    void queryClient.invalidateQueries({ queryKey: usersKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    const session = queryClient.getQueryData<{ user: User }>(sessionKey);
    if (session?.user.id === user.id) void queryClient.invalidateQueries({ queryKey: sessionKey });
  };
}

export function useUpdateUser(id: string) {
  const onChanged = useUserMutationEffects();
  return useMutation({
    mutationFn: (changes: UserChanges) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, changes),
    onSuccess: onChanged,
  });
}

export function useSetUserActive(id: string) {
  const onChanged = useUserMutationEffects();
  return useMutation({
    mutationFn: (active: boolean) =>
      api.post<User>(`/api/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`),
    onSuccess: onChanged,
  });
}
