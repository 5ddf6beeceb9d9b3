import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page } from '@/shared/api/types';
import type { EndReason, RematchResult, RequestDetail, RequestInput, RequestListFilters, RequestSummary } from './types';

export const requestsKeys = {
  all: ['requests'] as const,
  list: (filters: RequestListFilters) => ['requests', 'list', filters] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  ofOpportunity: (id: string) => ['requests', 'opportunity', id] as const,
};

export const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

/** Requests, newest first, filtered and paginated on the server (`GET /api/requests`). */
export function useRequestsList(filters: RequestListFilters) {
  return useInfiniteQuery({
    queryKey: requestsKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RequestSummary>>(
        '/api/requests',
        {
          scope: filters.scope,
          status: filters.status,
          activityTypeKey: filters.activityTypeKey,
          q: filters.q.trim(),
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    placeholderData: (previous) => previous,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<RequestDetail>(requestPath(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

/** The requests of one opportunity (`GET /api/opportunities/:id/requests`). */
export function useOpportunityRequests(opportunityId: string) {
  return useQuery({
    queryKey: requestsKeys.ofOpportunity(opportunityId),
    queryFn: ({ signal }) =>
      api.get<{ items: RequestSummary[] }>(`/api/opportunities/${encodeURIComponent(opportunityId)}/requests`, undefined, signal),
    select: (data) => data.items,
  });
}

/** After any change to a request: its page, the lists and the queues that show it. */
export function useRequestEffects() {
  const queryClient = useQueryClient();
  return (request?: RequestDetail) => {
    if (request) queryClient.setQueryData(requestsKeys.detail(request.id), request);
    void queryClient.invalidateQueries({ queryKey: requestsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    void queryClient.invalidateQueries({ queryKey: ['program-queue'] });
    void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
  };
}

export function useCreateRequest() {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: (input: RequestInput) => api.post<RequestDetail>('/api/requests', input),
    onSuccess: (request) => onChanged(request),
  });
}

export function useUpdateRequest(id: string) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: (changes: Partial<RequestInput>) => api.patch<RequestDetail>(requestPath(id), changes),
    onSuccess: (request) => onChanged(request),
  });
}

/** A request action answered with the request as it now stands. */
function useRequestAction<Input>(id: string, action: string, body: (input: Input) => unknown) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: (input: Input) => api.post<RequestDetail>(`${requestPath(id)}/${action}`, body(input)),
    onSuccess: (request) => onChanged(request),
  });
}

export function useSubmitRequest(id: string) {
  return useRequestAction<{ rushJustification?: string | null; pickedAdvocateIds?: string[] }>(id, 'submit', (input) => input);
}

export function useCancelRequest(id: string) {
  return useRequestAction<{ endReason: EndReason; note: string | null }>(id, 'cancel', (input) => input);
}

export function useOverrideReadiness(id: string) {
  return useRequestAction<{ reason: string }>(id, 'override-readiness', (input) => input);
}

/** Runs matching again (admins), optionally proposing the best N at once. */
export function useRematchRequest(id: string) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: (input: { propose?: number }) => api.post<RematchResult>(`${requestPath(id)}/rematch`, input),
    onSuccess: (result) => onChanged(result.request),
  });
}

/** Seller picks (seller_picks mode) or admin proposes candidates. */
export function useAddCandidates(id: string) {
  return useRequestAction<{ advocateIds: string[] }>(id, 'candidates', (input) => input);
}

/**
 * Saves a draft or blocked request from the form: its changes, then (when asked) the submission
 * through the readiness gate, with the seller's picks.
 */
export function useSaveExistingRequest(id: string) {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: async (input: RequestInput) => {
      const { submit, pickedAdvocateIds, ...changes } = input;
      const saved = await api.patch<RequestDetail>(requestPath(id), changes);
      if (!submit) return saved;
      return api.post<RequestDetail>(`${requestPath(id)}/submit`, {
        rushJustification: changes.rushJustification ?? null,
        ...(pickedAdvocateIds ? { pickedAdvocateIds } : {}),
      });
    },
    onSuccess: (request) => onChanged(request),
  });
}
