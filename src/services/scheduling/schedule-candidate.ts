import { addDays, addYears } from 'date-fns';
import { localDateIn } from '../../integrations/calendar/time-zones.js';
import type { RequestCandidateRow } from '../../db/schema/index.js';
import type { CandidateTransition } from '../../domain/requests/request-states.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { transitionCandidate, type CandidateTransitionResult } from '../requests/transition-candidate.js';
import { partiesFor } from '../../policies/requests.js';
import { findCandidateOfRequest } from './find-candidate-of-request.js';

export interface ScheduleInput {
  startsAt: Date;
  durationMinutes: number;
  /** IANA zone the requester scheduled in (validated by the route). */
  timeZone: string;
  meetingDetails: string | null;
}

/** A date may be recorded up to this long after the fact (a call arranged before it was logged). */
const PAST_LIMIT_DAYS = 30;

export function checkStartsAt(now: Date, startsAt: Date, field = 'startsAt'): void {
  if (startsAt < addDays(now, -PAST_LIMIT_DAYS)) throw invalidInput([{ field, reason: `must be at most ${PAST_LIMIT_DAYS} days in the past` }]);
  if (startsAt > addYears(now, 2)) throw invalidInput([{ field, reason: 'must be within two years' }]);
}

/**
 * Records (or moves) the date and time of an accepted candidate's conversation: the candidate
 * becomes `scheduled` and its activity counts on the local date of the meeting (capacity is
 * re-checked when that date moves). Through transitionCandidate: not yours → 403, not now → 409.
 */
export async function scheduleCandidate(
  deps: ServiceDeps,
  actor: Actor,
  ids: { requestId: string; candidateId: string },
  input: ScheduleInput,
  options: { transition?: Extract<CandidateTransition, 'schedule' | 'accept_proposed_date'>; verify?: (candidate: RequestCandidateRow) => void } = {},
): Promise<CandidateTransitionResult> {
  const transition = options.transition ?? 'schedule';
  const now = deps.now();
  checkStartsAt(now, input.startsAt);
  return deps.db.transaction(async (tx) => {
    const { request, candidate } = await findCandidateOfRequest(tx, ids.requestId, ids.candidateId);
    options.verify?.(candidate);
    const policy = await getProgramPolicy(tx);
    return transitionCandidate(tx, now, policy, {
      candidateId: candidate.id,
      requestId: request.id,
      transition,
      parties: partiesFor(actor, request),
      actor,
      actorKind: 'user',
      set: { scheduledAt: input.startsAt, durationMinutes: input.durationMinutes, meetingDetails: input.meetingDetails },
      occursOn: localDateIn(input.startsAt, input.timeZone),
      eventData: {
        startsAt: input.startsAt.toISOString(),
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        rescheduled: candidate.status === 'scheduled',
        ...(candidate.scheduledAt ? { previousStartsAt: candidate.scheduledAt.toISOString() } : {}),
      },
    });
  });
}
