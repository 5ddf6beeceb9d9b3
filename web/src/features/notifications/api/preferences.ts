import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';
import type { NotificationPreference } from './types';

const preferencesKey = ['me', 'notification-preferences'] as const;
const PATH = '/api/me/notification-preferences';

/** The messages Vouch sends the signed-in person, required ones always on. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => api.get<{ items: NotificationPreference[] }>(PATH, undefined, signal),
    select: (data) => data.items,
  });
}

/** Turns optional messages on or off; kinds not named keep their choice. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: Record<string, boolean>) =>
      apiRequest<{ items: NotificationPreference[] }>(PATH, { method: 'PUT', body: { preferences } }),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey, data),
  });
}
