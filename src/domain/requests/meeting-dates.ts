import { addDays, addYears } from 'date-fns';

/** A conversation's date may be recorded up to this long after the fact (a call arranged before it was logged). */
export const MEETING_PAST_LIMIT_DAYS = 30;
/** Nobody plans a reference conversation further ahead than this. */
export const MEETING_AHEAD_LIMIT_YEARS = 2;

/** The latest start a meeting may have, from `now`: the same limit for dates scheduled and dates an advocate proposes. */
export function latestMeetingStart(now: Date): Date {
  return addYears(now, MEETING_AHEAD_LIMIT_YEARS);
}

/**
 * Why a meeting start is refused, in words for the field; null when it is fine. Recorded dates
 * may lie a little in the past; proposed ones must lie ahead.
 */
export function meetingStartProblem(now: Date, startsAt: Date, kind: 'recorded' | 'proposed'): string | null {
  if (kind === 'proposed' && startsAt.getTime() <= now.getTime()) return 'is in the past';
  if (kind === 'recorded' && startsAt < addDays(now, -MEETING_PAST_LIMIT_DAYS)) return `must be at most ${MEETING_PAST_LIMIT_DAYS} days in the past`;
  if (startsAt > latestMeetingStart(now)) return `must be within ${MEETING_AHEAD_LIMIT_YEARS} years`;
  return null;
}
