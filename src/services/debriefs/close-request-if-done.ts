import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activities, debriefs, referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { checkRequestTransition, LIVE_CANDIDATE_STATUSES, type CandidateStatus } from '../../domain/requests/request-states.js';
import { recordRequestEvent } from '../requests/record-request-event.js';

/** Candidates who said yes at some point: their use has to be closed by a debrief. */
const CONSENTED: readonly CandidateStatus[] = ['accepted', 'scheduled', 'happened', 'did_not_happen'];
const DONE: readonly CandidateStatus[] = ['happened', 'did_not_happen'];

/**
 * Closes a fulfilled request once every candidate who said yes has happened or not and the
 * requester debriefed each use (REQUEST_TRANSITIONS.close, by the system). The request row
 * must already be locked by the caller. Returns whether it closed.
 */
export async function closeRequestIfDone(tx: Tx, now: Date, requestId: string): Promise<boolean> {
  const [request] = await tx.select().from(referenceRequests).where(eq(referenceRequests.id, requestId));
  if (!request || !checkRequestTransition(request.status, 'close', ['system']).ok) return false;
  const candidates = await tx.select({ id: requestCandidates.id, status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.requestId, requestId));
  if (candidates.some((c) => LIVE_CANDIDATE_STATUSES.includes(c.status))) return false;
  const consented = candidates.filter((c) => CONSENTED.includes(c.status));
  if (consented.length === 0 || consented.some((c) => !DONE.includes(c.status))) return false;
  const debriefed = await tx
    .select({ candidateId: activities.candidateId })
    .from(activities)
    .innerJoin(debriefs, and(eq(debriefs.activityId, activities.id), eq(debriefs.side, 'requester')))
    .where(inArray(activities.candidateId, consented.map((c) => c.id)));
  const done = new Set(debriefed.map((d) => d.candidateId));
  if (consented.some((c) => !done.has(c.id))) return false;
  await tx.update(referenceRequests).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(referenceRequests.id, requestId));
  await recordRequestEvent(tx, { requestId, actor: 'system', kind: 'closed', fromStatus: request.status, toStatus: 'closed', at: now });
  return true;
}
