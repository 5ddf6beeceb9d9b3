import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/shared/api/apiError';
import { api, apiRequest, setCsrfToken } from '@/shared/api/client';
import type { Session, User } from '@/shared/api/types';

export const sessionKey = ['auth', 'session'] as const;

/** Set when the server ends a live session (401), so sign-in can say why the person is there. */
let sessionEnded = false;

export function markSessionEnded(): void {
  sessionEnded = true;
}

export function wasSessionEnded(): boolean {
  return sessionEnded;
}

/** The signed-in person, or null when nobody is signed in. */
async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('/api/auth/me', { signal, expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 5 * 60 * 1000,
  retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** The current session; only call under the signed-in layout, which guarantees one. */
export function useCurrentSession(): Session {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error('useCurrentSession needs a signed-in session');
  return data;
}

export function useCurrentUser(): User {
  return useCurrentSession().user;
}

interface SignInInput {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      const result = await apiRequest<{ user: User; csrfToken: string }>('/api/auth/sign-in', {
        method: 'POST',
        body: input,
        expectUnauthorized: true,
      });
      setCsrfToken(result.csrfToken);
      sessionEnded = false;
      // Forget anything cached for a previous person, then load the full session.
      queryClient.removeQueries();
      return queryClient.fetchQuery(sessionQuery);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiRequest<void>('/api/auth/sign-out', { method: 'POST', expectUnauthorized: true });
      } catch (error) {
        // Already signed out is as good as signed out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/api/auth/password', input),
    // The server may rotate this session's CSRF token along with the password.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
