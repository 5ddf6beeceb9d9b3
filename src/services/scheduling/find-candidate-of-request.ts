import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { referenceRequests, requestCandidates, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
import type { Party } from '../../domain/requests/request-states.js';
import { hasRole } from '../../domain/roles.js';
import type { Actor } from '../context.js';
import { notFound } from '../errors.js';

/** A candidate of a request (404 unless it belongs to that request). */
export async function findCandidateOfRequest(
  db: Executor,
  requestId: string,
  candidateId: string,
): Promise<{ request: ReferenceRequestRow; candidate: RequestCandidateRow }> {
  const [row] = await db
    .select({ request: referenceRequests, candidate: requestCandidates })
    .from(requestCandidates)
    .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
    .where(and(eq(requestCandidates.id, candidateId), eq(requestCandidates.requestId, requestId)))
    .limit(1);
  if (!row) throw notFound('The candidate');
  return row;
}

/** What a signed-in person is to a request in the state machine's terms. */
export function partiesOf(actor: Actor, request: Pick<ReferenceRequestRow, 'requesterUserId'>): Party[] {
  const parties: Party[] = [];
  if (request.requesterUserId === actor.userId) parties.push('requester');
  if (hasRole(actor.roles, 'admin')) parties.push('admin');
  return parties;
}
