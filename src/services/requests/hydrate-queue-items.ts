import { count, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts, advocates, opportunities, referenceRequests, requestCandidates, users } from '../../db/schema/index.js';
import type { CandidateStatus, RequestStatus } from '../../domain/requests/request-states.js';
import { selectionModeFor, type SelectionMode } from '../../domain/requests/program-policy.js';
import type { ServiceDeps } from '../context.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import type { QueueKind } from './list-program-queue.js';

export interface QueueItem {
  kind: QueueKind;
  dueAt: string;
  request: {
    id: string;
    number: number;
    status: RequestStatus;
    activityTypeKey: string;
    neededBy: string;
    rush: boolean;
    purpose: string | null;
    requester: { id: string; name: string };
    opportunity: { id: string; name: string; prospectName: string } | null;
    selectionMode: SelectionMode;
    /** Candidates tried so far: a request back in matching after some is on plan B. */
    candidatesTried: number;
  };
  candidate: {
    id: string;
    status: CandidateStatus;
    advocate: { id: string; name: string };
    account: { id: string; name: string };
    approver: { id: string; name: string } | null;
    approvalDueAt: Date | null;
    askExpiresAt: Date | null;
  } | null;
  activityId: string | null;
}

const approver = alias(users, 'approver');

/** Adds to each queue row the request and candidate facts the queue shows. */
export async function hydrateQueueItems(
  deps: ServiceDeps,
  rows: { kind: QueueKind; dueAt: string; requestId: string; candidateId: string | null; activityId: string | null }[],
): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  const policy = await getProgramPolicy(deps.db);
  const requestIds = [...new Set(rows.map((r) => r.requestId))];
  const candidateIds = [...new Set(rows.flatMap((r) => (r.candidateId ? [r.candidateId] : [])))];
  const requests = await deps.db
    .select({
      request: referenceRequests,
      requesterName: users.name,
      opportunityId: opportunities.id,
      opportunityName: opportunities.name,
      prospectName: opportunities.prospectName,
    })
    .from(referenceRequests)
    .innerJoin(users, eq(users.id, referenceRequests.requesterUserId))
    .leftJoin(opportunities, eq(opportunities.id, referenceRequests.opportunityId))
    .where(inArray(referenceRequests.id, requestIds));
  const tried = await deps.db
    .select({ requestId: requestCandidates.requestId, n: count() })
    .from(requestCandidates)
    .where(inArray(requestCandidates.requestId, requestIds))
    .groupBy(requestCandidates.requestId);
  const candidates = candidateIds.length
    ? await deps.db
        .select({
          candidate: requestCandidates,
          advocateFirst: advocates.firstName,
          advocateLast: advocates.lastName,
          accountName: accounts.name,
          approverName: approver.name,
        })
        .from(requestCandidates)
        .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
        .innerJoin(accounts, eq(accounts.id, requestCandidates.accountId))
        .leftJoin(approver, eq(approver.id, requestCandidates.approverUserId))
        .where(inArray(requestCandidates.id, candidateIds))
    : [];
  const requestById = new Map(requests.map((r) => [r.request.id, r]));
  const triedById = new Map(tried.map((t) => [t.requestId, t.n]));
  const candidateById = new Map(candidates.map((c) => [c.candidate.id, c]));
  return rows.flatMap((row) => {
    const r = requestById.get(row.requestId);
    if (!r) return [];
    const c = row.candidateId ? candidateById.get(row.candidateId) : undefined;
    return [
      {
        kind: row.kind,
        dueAt: row.dueAt,
        activityId: row.activityId,
        request: {
          id: r.request.id,
          number: r.request.number,
          status: r.request.status,
          activityTypeKey: r.request.activityTypeKey,
          neededBy: r.request.neededBy,
          rush: r.request.rush,
          purpose: r.request.purpose,
          requester: { id: r.request.requesterUserId, name: r.requesterName },
          opportunity: r.opportunityId && r.opportunityName !== null && r.prospectName !== null ? { id: r.opportunityId, name: r.opportunityName, prospectName: r.prospectName } : null,
          selectionMode: selectionModeFor(policy, r.request.activityTypeKey),
          candidatesTried: triedById.get(r.request.id) ?? 0,
        },
        candidate: c
          ? {
              id: c.candidate.id,
              status: c.candidate.status,
              advocate: { id: c.candidate.advocateId, name: `${c.advocateFirst} ${c.advocateLast}` },
              account: { id: c.candidate.accountId, name: c.accountName },
              approver: c.candidate.approverUserId && c.approverName !== null ? { id: c.candidate.approverUserId, name: c.approverName } : null,
              approvalDueAt: c.candidate.approvalDueAt,
              askExpiresAt: c.candidate.askExpiresAt,
            }
          : null,
      },
    ];
  });
}
