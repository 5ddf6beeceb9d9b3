import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { AuditEvent, Page } from '@/shared/api/types';

export interface AuditFilters {
  action: string;
  actorId: string;
  targetType: string;
  targetId: string;
  /** ISO instants. */
  from: string;
  to: string;
}

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (filters: AuditFilters) => ['audit-events', 'list', filters] as const,
  actions: ['audit-events', 'actions'] as const,
};

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEvent>>('/api/audit-events', { ...filters, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: auditKeys.actions,
    queryFn: ({ signal }) => api.get<{ items: string[] }>('/api/audit-events/actions', undefined, signal),
    staleTime: 10 * 60 * 1000,
    select: (data) => data.items,
  });
}
