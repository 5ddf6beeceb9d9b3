import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { referenceRequests, requestCandidates, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
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
