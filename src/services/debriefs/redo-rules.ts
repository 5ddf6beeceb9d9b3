import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { referenceRequests, requestEvents, type ActivityRow, type DebriefRow } from '../../db/schema/index.js';

/** A "met the prospect's needs" score at or below this offers a redo. */
export const LOW_MET_NEEDS = 2;

/** Timeline kind on the original request when a redo is opened (data: activityId, redoRequestId). */
export const REDO_EVENT = 'redo_requested';
/** Timeline kind on the new request (data: activityId, redoOfRequestId, triedAdvocateIds). */
export const REDO_OF_EVENT = 'redo_of';

/** A use that fell through, or that the requester says did not meet the prospect's needs, may be redone. */
export function redoOffered(activity: Pick<ActivityRow, 'status' | 'requestId'>, requesterDebrief: Pick<DebriefRow, 'happened' | 'metNeeds'> | null): boolean {
  if (!activity.requestId) return false;
  if (activity.status === 'did_not_happen') return true;
  if (!requesterDebrief) return false;
  return !requesterDebrief.happened || (requesterDebrief.metNeeds !== null && requesterDebrief.metNeeds <= LOW_MET_NEEDS);
}

/** The redo already opened for this activity, if any. */
export async function findRedo(db: Executor, activity: Pick<ActivityRow, 'id' | 'requestId'>): Promise<{ id: string; number: number } | null> {
  if (!activity.requestId) return null;
  const [row] = await db
    .select({ id: referenceRequests.id, number: referenceRequests.number })
    .from(requestEvents)
    .innerJoin(referenceRequests, sql`${referenceRequests.id} = (${requestEvents.data} ->> 'redoRequestId')::uuid`)
    .where(and(eq(requestEvents.requestId, activity.requestId), eq(requestEvents.kind, REDO_EVENT), sql`${requestEvents.data} ->> 'activityId' = ${activity.id}`))
    .limit(1);
  return row ?? null;
}
