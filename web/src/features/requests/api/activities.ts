import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client';
import type { Page } from '@/shared/api/types';
import { useRequestEffects } from './requests';
import type { ActivityItem, DebriefResult, RedoInput, RedoResult, RequesterDebriefInput, ThankYouInput } from './types';

const activityPath = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export function useRequesterDebrief() {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: ({ activityId, input }: { activityId: string; input: RequesterDebriefInput }) =>
      api.post<DebriefResult>(`${activityPath(activityId)}/debriefs`, input),
    onSuccess: () => onChanged(),
  });
}

/** One-click redo: a new request with the same criteria, matching reopened. */
export function useRedoActivity() {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: ({ activityId, input }: { activityId: string; input: RedoInput }) =>
      api.post<RedoResult>(`${activityPath(activityId)}/redo`, input),
    onSuccess: () => onChanged(),
  });
}

export function useLogThankYou() {
  const onChanged = useRequestEffects();
  return useMutation({
    mutationFn: ({ activityId, input }: { activityId: string; input: ThankYouInput }) =>
      api.post<unknown>(`${activityPath(activityId)}/thank-yous`, input),
    onSuccess: () => onChanged(),
  });
}

/** The uses of an advocate on one opportunity (`GET /api/activities?opportunityId=`). */
export function useOpportunityActivities(opportunityId: string) {
  return useQuery({
    queryKey: ['activities', 'opportunity', opportunityId],
    queryFn: ({ signal }) =>
      api.get<Page<ActivityItem>>('/api/activities', { opportunityId, limit: 100 }, signal),
    select: (page) => page.items,
  });
}
