import { eq } from 'drizzle-orm';
import { advocates, requestCandidates } from '../../db/schema/index.js';
import { isTimeZone } from '../../integrations/calendar/time-zones.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import type { CandidateTransitionResult } from '../requests/transition-candidate.js';
import { scheduleCandidate } from './schedule-candidate.js';

export interface AcceptProposedDateInput {
  startsAt: Date;
  durationMinutes?: number;
  timeZone?: string;
  meetingDetails?: string | null;
}

export const DEFAULT_DURATION_MINUTES = 30;

/**
 * The requester (or an admin) takes one of the dates the advocate offered: the candidate is
 * scheduled on it. The date must be one of the offered ones; the zone defaults to the advocate's.
 */
export async function acceptProposedDate(
  deps: ServiceDeps,
  actor: Actor,
  ids: { requestId: string; candidateId: string },
  input: AcceptProposedDateInput,
): Promise<CandidateTransitionResult> {
  const timeZone = input.timeZone ?? (await advocateTimeZone(deps, ids.candidateId));
  return scheduleCandidate(
    deps,
    actor,
    ids,
    { startsAt: input.startsAt, durationMinutes: input.durationMinutes ?? DEFAULT_DURATION_MINUTES, timeZone, meetingDetails: input.meetingDetails ?? null },
    {
      transition: 'accept_proposed_date',
      verify: (candidate) => {
        // Other states are refused by the state machine (409); here only a date nobody offered.
        if (candidate.status !== 'dates_proposed') return;
        const offered = candidate.proposedDates.some((d) => Date.parse(d.startsAt) === input.startsAt.getTime());
        if (!offered) {
          throw invalidInput([{ field: 'startsAt', reason: `is not one of the dates the advocate proposed (${candidate.proposedDates.map((d) => d.startsAt).join(', ')})` }]);
        }
      },
    },
  );
}

async function advocateTimeZone(deps: ServiceDeps, candidateId: string): Promise<string> {
  const [row] = await deps.db
    .select({ timeZone: advocates.timeZone })
    .from(requestCandidates)
    .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
    .where(eq(requestCandidates.id, candidateId))
    .limit(1);
  return row?.timeZone && isTimeZone(row.timeZone) ? row.timeZone : 'UTC';
}
