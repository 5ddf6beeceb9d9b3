import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { referenceRequests, requestCandidates, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
import type { RequestAccess } from '../../policies/requests.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** The request row, locked for the rest of the transaction (every workflow step starts here). */
export async function lockRequest(db: Executor, id: string): Promise<ReferenceRequestRow> {
  const [row] = await db.select().from(referenceRequests).where(eq(referenceRequests.id, id)).limit(1).for('update');
  if (!row) throw notFound('The request');
  return row;
}

export async function findRequest(db: Executor, id: string): Promise<ReferenceRequestRow> {
  const [row] = await db.select().from(referenceRequests).where(eq(referenceRequests.id, id)).limit(1);
  if (!row) throw notFound('The request');
  return row;
}

/** What authorization needs about a request: its requester and the owners asked to approve. */
export async function getRequestAccess(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<RequestAccess & { request: ReferenceRequestRow }> {
  const request = await findRequest(deps.db, id);
  const approvers = await deps.db
    .selectDistinct({ approverUserId: requestCandidates.approverUserId })
    .from(requestCandidates)
    .where(eq(requestCandidates.requestId, id));
  return {
    request,
    requesterUserId: request.requesterUserId,
    approverUserIds: approvers.flatMap((a) => (a.approverUserId ? [a.approverUserId] : [])),
  };
}

export async function listCandidatesOf(db: Executor, requestId: string): Promise<RequestCandidateRow[]> {
  return db.select().from(requestCandidates).where(eq(requestCandidates.requestId, requestId)).orderBy(requestCandidates.createdAt, requestCandidates.id);
}
