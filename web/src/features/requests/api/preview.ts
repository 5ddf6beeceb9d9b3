import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import type { MatchPreviewInput, MatchResult, RequestPreview, RequestPreviewInput } from './types';

/** The live judgement of the form (readiness, lead time, estimate); `input` null while the form cannot be judged. */
export function useRequestPreview(input: RequestPreviewInput | null) {
  return useQuery({
    queryKey: ['requests', 'preview', input],
    queryFn: ({ signal }) => api.post<RequestPreview>('/api/requests/preview', input, { signal }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

/** Ranked, explained matches for the form as it stands (never any contact detail). */
export function useMatchPreview(input: MatchPreviewInput | null) {
  return useQuery({
    queryKey: ['matching', 'preview', input],
    queryFn: ({ signal }) => api.post<MatchResult>('/api/matching/preview', input, { signal }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
