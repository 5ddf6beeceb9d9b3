import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { Account, AccountDetail, AccountFilters, AccountInput } from './types';

export const accountsKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountFilters) => ['accounts', 'list', filters] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
};

const accountPath = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;

export function useAccountsList(filters: AccountFilters) {
  return useInfiniteQuery({
    queryKey: accountsKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Account>>(
        '/api/accounts',
        { ...filters, q: filters.q.trim(), cursor: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useAccount(id: string | null | undefined) {
  return useQuery({
    queryKey: accountsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<AccountDetail>(accountPath(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

function useAccountEffects() {
  const queryClient = useQueryClient();
  return (account: Account) => {
    void queryClient.invalidateQueries({ queryKey: accountsKeys.all });
    // Search results and advocate pages show the account's name and reference status.
    void queryClient.invalidateQueries({ queryKey: ['advocates'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
    return account;
  };
}

export function useCreateAccount() {
  const onChanged = useAccountEffects();
  return useMutation({
    mutationFn: (input: AccountInput & { name: string }) => api.post<Account>('/api/accounts', input),
    onSuccess: onChanged,
  });
}

export function useUpdateAccount(id: string) {
  const onChanged = useAccountEffects();
  return useMutation({
    mutationFn: (changes: AccountInput) => api.patch<Account>(accountPath(id), changes),
    onSuccess: onChanged,
  });
}
