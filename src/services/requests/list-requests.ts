import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { opportunities, referenceRequests, requestCandidates, users, type ReferenceRequestRow } from '../../db/schema/index.js';
import type { CandidateStatus, RequestStatus } from '../../domain/requests/request-states.js';
import type { Actor, ServiceDeps } from '../context.js';
import { afterCursor, decodeCursor, exactTime, newestFirst, toPage, type Page } from '../pagination.js';

export interface ListRequestsQuery {
  /** mine: the actor's own requests; all: everyone's (admins). */
  scope: 'mine' | 'all';
  status?: RequestStatus[];
  opportunityId?: string;
  activityTypeKey?: string;
  /** R-number, purpose, opportunity or prospect name. */
  q?: string;
  cursor?: string;
  limit: number;
}

export interface RequestListItem {
  request: ReferenceRequestRow;
  requesterName: string;
  opportunity: { id: string; name: string; prospectName: string } | null;
  /** How many candidates the request has, by status. */
  candidateCounts: Partial<Record<CandidateStatus, number>>;
}


function textMatch(q: string): SQL | undefined {
  const number = /^r?-?(\d{1,9})$/i.exec(q.trim());
  const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    number ? eq(referenceRequests.number, Number(number[1])) : undefined,
    ilike(referenceRequests.purpose, pattern),
    ilike(opportunities.name, pattern),
    ilike(opportunities.prospectName, pattern),
    sql`${referenceRequests.prospect} ->> 'name' ilike ${pattern}`,
  );
}

/** Requests newest first, filtered on the server, keyset-paged. */
export async function listRequests(deps: ServiceDeps, actor: Actor, query: ListRequestsQuery): Promise<Page<RequestListItem>> {
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    query.scope === 'mine' ? eq(referenceRequests.requesterUserId, actor.userId) : undefined,
    query.status?.length ? inArray(referenceRequests.status, query.status) : undefined,
    query.opportunityId ? eq(referenceRequests.opportunityId, query.opportunityId) : undefined,
    query.activityTypeKey ? eq(referenceRequests.activityTypeKey, query.activityTypeKey) : undefined,
    afterCursor(cursor, referenceRequests.createdAt, referenceRequests.id),
    query.q ? textMatch(query.q) : undefined,
  ];
  const rows = await deps.db
    .select({
      request: referenceRequests,
      at: exactTime(referenceRequests.createdAt),
      requesterName: users.name,
      opportunityId: opportunities.id,
      opportunityName: opportunities.name,
      prospectName: opportunities.prospectName,
    })
    .from(referenceRequests)
    .innerJoin(users, eq(users.id, referenceRequests.requesterUserId))
    .leftJoin(opportunities, eq(opportunities.id, referenceRequests.opportunityId))
    .where(and(...conditions))
    .orderBy(...newestFirst(referenceRequests.createdAt, referenceRequests.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.at, id: r.request.id }));
  const counts = await countCandidates(deps, page.items.map((r) => r.request.id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      request: r.request,
      requesterName: r.requesterName,
      opportunity: r.opportunityId && r.opportunityName !== null && r.prospectName !== null ? { id: r.opportunityId, name: r.opportunityName, prospectName: r.prospectName } : null,
      candidateCounts: counts.get(r.request.id) ?? {},
    })),
  };
}

/** Candidates per request and status, for a page of requests. */
export async function countCandidates(deps: Pick<ServiceDeps, 'db'>, requestIds: string[]): Promise<Map<string, Partial<Record<CandidateStatus, number>>>> {
  const counts = new Map<string, Partial<Record<CandidateStatus, number>>>();
  if (requestIds.length === 0) return counts;
  const rows = await deps.db
    .select({ requestId: requestCandidates.requestId, status: requestCandidates.status, n: count() })
    .from(requestCandidates)
    .where(inArray(requestCandidates.requestId, requestIds))
    .groupBy(requestCandidates.requestId, requestCandidates.status);
  for (const row of rows) counts.set(row.requestId, { ...counts.get(row.requestId), [row.status]: row.n });
  return counts;
}
