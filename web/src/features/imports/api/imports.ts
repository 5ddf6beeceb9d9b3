import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionKey } from '@/features/auth/api/session';
import { apiErrorFromResponse, networkError } from '@/shared/api/apiError';
import { api, buildUrl } from '@/shared/api/client';
import { nextCursorOf, PAGE_SIZE } from '@/shared/api/pagination';
import type { Page, Session } from '@/shared/api/types';
import type { ImportJob, ImportKind, ImportPreview, ImportRowOutcome, ImportRowResult } from './types';

export const importKeys = {
  all: ['imports'] as const,
  list: () => ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  preview: (id: string) => ['imports', 'preview', id] as const,
  rows: (id: string, outcome: ImportRowOutcome | '') => ['imports', 'rows', id, outcome] as const,
};

const isActive = (job: ImportJob | undefined) => job?.status === 'queued' || job?.status === 'running';

export function useImports() {
  return useInfiniteQuery({
    queryKey: importKeys.list(),
    queryFn: ({ pageParam, signal }) => api.get<Page<ImportJob>>('/api/imports', { cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    // A run in the list keeps its progress fresh.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isActive)) ? 2000 : false),
  });
}

/** One import; polled every half second while it runs, for the progress bar. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportJob>(`/api/imports/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (isActive(query.state.data) ? 500 : false),
  });
}

export function useImportPreview(id: string | null) {
  return useQuery({
    queryKey: importKeys.preview(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportPreview>(`/api/imports/${encodeURIComponent(id ?? '')}/preview`, { limit: 10 }, signal),
    enabled: Boolean(id),
  });
}

export function useImportRows(id: string, outcome: ImportRowOutcome | '', enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.rows(id, outcome),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ImportRowResult>>(`/api/imports/${encodeURIComponent(id)}/rows`, { outcome, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    enabled,
  });
}

export function reportUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/report.csv`;
}

function csrfToken(queryClient: QueryClient): string | null {
  return queryClient.getQueryData<Session | null>(sessionKey)?.csrfToken ?? null;
}

/** Sends the file as it is (text/csv), not as JSON: the API client only speaks JSON, hence this one fetch. */
async function uploadFile(queryClient: QueryClient, input: { kind: ImportKind; file: File }): Promise<{ job: ImportJob; sample: string[][] }> {
  const headers = new Headers({ accept: 'application/json, application/problem+json', 'content-type': 'text/csv' });
  const token = csrfToken(queryClient);
  if (token) headers.set('x-csrf-token', token);
  let response: Response;
  try {
    response = await fetch(buildUrl('/api/imports', { kind: input.kind, fileName: input.file.name }), {
      method: 'POST',
      headers,
      body: await input.file.text(),
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return (await response.json()) as { job: ImportJob; sample: string[][] };
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ImportKind; file: File }) => uploadFile(queryClient, input),
    onSuccess: ({ job }) => {
      queryClient.setQueryData(importKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

export function useUpdateMapping(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: Record<string, string | null>) => api.patch<ImportJob>(`/api/imports/${encodeURIComponent(id)}`, { mapping }),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.preview(id) });
    },
  });
}

export function useStartRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dryRun: boolean) => api.post<ImportJob>(`/api/imports/${encodeURIComponent(id)}/runs`, { dryRun }),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(id), job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'rows', id] });
      void queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
