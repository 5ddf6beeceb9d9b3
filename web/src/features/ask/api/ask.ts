import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/shared/api/apiError';
import { api } from '@/shared/api/client';
import type { AdvocateAsk, AdvocateDebriefInput, AdvocateDebriefState, ProposeDatesInput } from './types';

const askPath = (token: string) => `/api/ask/${encodeURIComponent(token)}`;

export const askKeys = {
  ask: (token: string) => ['ask', token] as const,
  debrief: (token: string) => ['ask', token, 'debrief'] as const,
};

/** A link that is unknown, expired or revoked is not worth retrying. */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

export function useAsk(token: string | null) {
  return useQuery({
    queryKey: askKeys.ask(token ?? ''),
    queryFn: ({ signal }) => api.get<AdvocateAsk>(askPath(token ?? ''), undefined, signal),
    enabled: Boolean(token),
    retry,
    refetchOnWindowFocus: false,
  });
}

export type AskAnswer = { kind: 'accept' } | { kind: 'decline'; reason: string } | { kind: 'propose'; input: ProposeDatesInput };

/** The advocate's answer; the server answers with the ask as it now stands. */
export function useAnswerAsk(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: AskAnswer) => {
      if (answer.kind === 'accept') return api.post<AdvocateAsk>(`${askPath(token)}/accept`, {});
      if (answer.kind === 'decline') return api.post<AdvocateAsk>(`${askPath(token)}/decline`, { reason: answer.reason });
      return api.post<AdvocateAsk>(`${askPath(token)}/propose-dates`, answer.input);
    },
    onSuccess: (ask) => {
      queryClient.setQueryData(askKeys.ask(token), ask);
      void queryClient.invalidateQueries({ queryKey: askKeys.debrief(token) });
    },
  });
}

export function useAdvocateDebriefState(token: string, enabled: boolean) {
  return useQuery({
    queryKey: askKeys.debrief(token),
    queryFn: ({ signal }) => api.get<AdvocateDebriefState>(`${askPath(token)}/debrief`, undefined, signal),
    enabled,
    retry,
    refetchOnWindowFocus: false,
  });
}

export function useAdvocateDebrief(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdvocateDebriefInput) => api.post<unknown>(`${askPath(token)}/debrief`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: askKeys.debrief(token) }),
  });
}
