import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { Advocate, AdvocateInput, RevealedContact } from './types';

export interface AdvocateListFilters {
  accountId?: string;
  status?: AdvocateStatus | '';
  q?: string;
}

export const advocatesKeys = {
  all: ['advocates'] as const,
  list: (filters: AdvocateListFilters) => ['advocates', 'list', filters] as const,
  detail: (id: string) => ['advocates', 'detail', id] as const,
};

const advocatePath = (id: string) => `/api/advocates/${encodeURIComponent(id)}`;

/** Advocates in name order, by account, status or name (`GET /api/advocates`). */
export function useAdvocatesList(filters: AdvocateListFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: advocatesKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Advocate>>(
        '/api/advocates',
        { accountId: filters.accountId, status: filters.status, q: filters.q?.trim(), cursor: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
    enabled: options.enabled ?? true,
  });
}

export function useAdvocate(id: string | undefined) {
  return useQuery({
    queryKey: advocatesKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Advocate>(advocatePath(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

function useAdvocateEffects() {
  const queryClient = useQueryClient();
  return (advocate: Advocate) => {
    queryClient.setQueryData(advocatesKeys.detail(advocate.id), advocate);
    void queryClient.invalidateQueries({ queryKey: ['advocates', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['advocates', 'search'] });
    // The account page counts its advocates by status.
    void queryClient.invalidateQueries({ queryKey: ['accounts', 'detail', advocate.account.id] });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };
}

export function useCreateAdvocate() {
  const onChanged = useAdvocateEffects();
  return useMutation({
    mutationFn: (input: AdvocateInput & { accountId: string; firstName: string; lastName: string }) =>
      api.post<Advocate>('/api/advocates', input),
    onSuccess: onChanged,
  });
}

export function useUpdateAdvocate(id: string) {
  const onChanged = useAdvocateEffects();
  return useMutation({
    mutationFn: (changes: AdvocateInput) => api.patch<Advocate>(advocatePath(id), changes),
    onSuccess: onChanged,
  });
}

export function useChangeAdvocateStatus(id: string) {
  const onChanged = useAdvocateEffects();
  return useMutation({
    mutationFn: (input: { status: AdvocateStatus; reason?: string }) =>
      api.post<Advocate>(`${advocatePath(id)}/status`, input),
    onSuccess: onChanged,
  });
}

/** Reveals e-mail and phone. The answer is kept only in this mutation, never in the query cache. */
export function useRevealContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RevealedContact>(`${advocatePath(id)}/contact-reveals`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
  });
}
