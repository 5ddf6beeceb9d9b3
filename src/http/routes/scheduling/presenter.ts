import { z } from 'zod';
import { ACTIVITY_STATUSES, CANDIDATE_STATUSES, REQUEST_STATUSES } from '../../../domain/requests/request-states.js';
import type { CandidateTransitionResult } from '../../../services/requests/transition-candidate.js';

export const scheduledCandidateSchema = z
  .object({
    candidate: z.object({
      id: z.uuid(),
      requestId: z.uuid(),
      status: z.enum(CANDIDATE_STATUSES),
      scheduledAt: z.string().nullable(),
      durationMinutes: z.number().int().nullable(),
      meetingDetails: z.string().nullable(),
    }),
    request: z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(REQUEST_STATUSES) }),
    activity: z.object({ id: z.uuid(), status: z.enum(ACTIVITY_STATUSES), occursOn: z.string() }).nullable(),
    /** The timeline gained a request status change (e.g. fulfilled). */
    requestStatusChanged: z.boolean(),
  })
  .meta({ id: 'ScheduledCandidate' });

export type ScheduledCandidateView = z.infer<typeof scheduledCandidateSchema>;

export function presentScheduled(result: CandidateTransitionResult): ScheduledCandidateView {
  const { candidate, request, activity } = result;
  return {
    candidate: {
      id: candidate.id,
      requestId: candidate.requestId,
      status: candidate.status,
      scheduledAt: candidate.scheduledAt?.toISOString() ?? null,
      durationMinutes: candidate.durationMinutes,
      meetingDetails: candidate.meetingDetails,
    },
    request: { id: request.id, number: request.number, status: request.status },
    activity: activity ? { id: activity.id, status: activity.status, occursOn: activity.occursOn } : null,
    requestStatusChanged: result.requestStatusChanged,
  };
}
