import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/shared/api/client';

export type WebhookKind = 'slack' | 'teams';

export interface WebhookEndpoint {
  id: string;
  kind: WebhookKind;
  name: string;
  /** Host and last four characters: the URL itself is a secret the server never returns. */
  urlHint: string;
  team: string | null;
  events: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramEventKind {
  kind: string;
  label: string;
  description: string;
}

export interface WebhookEndpointList {
  items: WebhookEndpoint[];
  events: ProgramEventKind[];
}

export interface NewWebhookEndpoint {
  kind: WebhookKind;
  name: string;
  url: string;
  team: string | null;
  events: string[];
}

export interface WebhookTestResult {
  delivered: boolean;
  status: number | null;
  error: string | null;
}

export const webhookKeys = { all: ['webhook-endpoints'] as const };

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: ({ signal }) => api.get<WebhookEndpointList>('/api/webhook-endpoints', undefined, signal),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit-events'] });
  };
}

export function useCreateWebhookEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewWebhookEndpoint) => api.post<WebhookEndpoint>('/api/webhook-endpoints', input),
    onSuccess: invalidate,
  });
}

export function useSetWebhookEndpointEnabled() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api.patch<WebhookEndpoint>(`/api/webhook-endpoints/${encodeURIComponent(id)}`, { enabled }),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhookEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/webhook-endpoints/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSendTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookTestResult>(`/api/webhook-endpoints/${encodeURIComponent(id)}/test`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['audit-events'] }),
  });
}
