import { localDateIn } from '../../integrations/calendar/time-zones.js';
import type { RequestCandidateRow } from '../../db/schema/index.js';
import { meetingStartProblem } from '../../domain/requests/meeting-dates.js';
import type { CandidateTransition } from '../../domain/requests/request-states.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { transitionCandidate, type CandidateTransitionResult } from '../requests/transition-candidate.js';
import { partiesFor } from '../../policies/requests.js';
import { notifyScheduled } from '../notifications/messages/conversation-notices.js';
import { findCandidateOfRequest } from './find-candidate-of-request.js';

export interface ScheduleInput {
  startsAt: Date;
  durationMinutes: number;
  /** IANA zone the requester scheduled in (validated by the route). */
  timeZone: string;
  meetingDetails: string | null;
}

/** The recorded date's limits (src/domain/requests/meeting-dates.ts), the same horizon advocates propose within. */
export function checkStartsAt(now: Date, startsAt: Date, field = 'startsAt'): void {
  const reason = meetingStartProblem(now, startsAt, 'recorded');
  if (reason) throw invalidInput([{ field, reason }]);
}

/**
 * Records (or moves) the date and time of an accepted candidate's conversation: the candidate
 * becomes `scheduled` and its activity counts on the local date of the meeting (capacity is
 * re-checked when that date moves). Through transitionCandidate: not yours → 403, not now → 409.
 * The requester and the advocate get the date with the .ics attached, in the same transaction.
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
    const rescheduled = candidate.status === 'scheduled';
    const result = await transitionCandidate(tx, now, policy, {
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
        rescheduled,
        ...(candidate.scheduledAt ? { previousStartsAt: candidate.scheduledAt.toISOString() } : {}),
      },
    });
    // Both sides hear of the date, with the calendar invitation attached.
    const scheduledAt = result.candidate.scheduledAt ?? input.startsAt;
    await notifyScheduled(deps, tx, result.request, { ...result.candidate, scheduledAt }, rescheduled);
    return result;
  });
}
