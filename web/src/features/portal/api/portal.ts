import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/shared/api/apiError';
import { portalFetch, setPortalCsrf } from './portalFetch';
import type { PortalAnswer, PortalAsk, PortalImpact, PortalMe } from './types';

export const portalKeys = {
  me: ['portal', 'me'] as const,
  asks: ['portal', 'asks'] as const,
  impact: ['portal', 'impact'] as const,
};

const noRetryOnClientError = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

/** The signed-in advocate; `null` when there is no portal session (401). */
export function usePortalMe() {
  return useQuery({
    queryKey: portalKeys.me,
    queryFn: async () => {
      try {
        const me = await portalFetch<PortalMe>('/api/portal/me');
        setPortalCsrf(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: noRetryOnClientError,
    refetchOnWindowFocus: false,
  });
}

export function useRequestSignInLink() {
  return useMutation({ mutationFn: (email: string) => portalFetch<{ message: string }>('/api/portal/sign-in-link', 'POST', { email }) });
}

/** Exchanges the e-mailed link's token for a session. */
export function useOpenPortalSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => portalFetch<PortalMe>('/api/portal/session', 'POST', { token }),
    onSuccess: (me) => {
      setPortalCsrf(me.csrfToken);
      queryClient.setQueryData(portalKeys.me, me);
    },
  });
}

export function usePortalSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => portalFetch<void>('/api/portal/session', 'DELETE'),
    onSettled: () => {
      setPortalCsrf(null);
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalKeys.me, null);
    },
  });
}

export function usePortalAsks() {
  return useQuery({ queryKey: portalKeys.asks, queryFn: () => portalFetch<{ items: PortalAsk[] }>('/api/portal/asks'), retry: noRetryOnClientError });
}

export function useAnswerPortalAsk(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: PortalAnswer) => {
      const path = `/api/portal/asks/${encodeURIComponent(candidateId)}`;
      if (answer.kind === 'accept') return portalFetch<{ items: PortalAsk[] }>(`${path}/accept`, 'POST', {});
      if (answer.kind === 'decline') return portalFetch<{ items: PortalAsk[] }>(`${path}/decline`, 'POST', { reason: answer.reason });
      return portalFetch<{ items: PortalAsk[] }>(`${path}/propose`, 'POST', { dates: answer.dates, note: answer.note });
    },
    onSuccess: (asks) => {
      queryClient.setQueryData(portalKeys.asks, asks);
      void queryClient.invalidateQueries({ queryKey: portalKeys.impact });
    },
  });
}

export function usePortalImpact() {
  return useQuery({ queryKey: portalKeys.impact, queryFn: () => portalFetch<PortalImpact>('/api/portal/impact'), retry: noRetryOnClientError });
}

export function useWithdrawFromProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | null) =>
      portalFetch<{ withdrawnAt: string; withdrawnCandidacies: number; releasedActivities: number }>('/api/portal/withdraw', 'POST', { reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal'] }),
  });
}
