import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, activities, advocates, debriefs, opportunities, referenceRequests, users, type ActivityRow } from '../../db/schema/index.js';
import type { ActivityStatus } from '../../domain/requests/request-states.js';
import type { ActivityAccess } from '../../policies/activities.js';
import type { ServiceDeps } from '../context.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';

export interface ActivityListItem {
  activity: ActivityRow;
  access: ActivityAccess;
  advocate: { id: string; name: string };
  account: { id: string; name: string };
  request: { id: string; number: number } | null;
  opportunity: { id: string; name: string } | null;
  requester: { id: string; name: string } | null;
  loggedBy: { id: string; name: string } | null;
  /** Sides that have debriefed. */
  debriefedBy: ('requester' | 'advocate')[];
}

export interface ActivityFilters {
  advocateId?: string;
  accountId?: string;
  opportunityId?: string;
  requestId?: string;
  status?: ActivityStatus[];
  activityTypeKey?: string;
  team?: string;
  from?: string;
  to?: string;
  /** Only uses logged outside the request flow (true) or only those from requests (false). */
  outsideFlow?: boolean;
}

/** `all` for admins and for histories (details are then hidden per item by the presenter); `involving` a user otherwise. */
export type ActivityScope = { kind: 'all' } | { kind: 'involving'; userId: string };

const requestOf = alias(referenceRequests, 'list_request');
const requester = alias(users, 'list_requester');
const logger = alias(users, 'list_logger');

function decodeActivityCursor(cursor: string | undefined): { occursOn: string; id: string } | null {
  const parts = decodeCursorParts(cursor, 2, (part, i) => (i === 0 ? /^\d{4}-\d{2}-\d{2}$/.test(part) : UUID_PATTERN.test(part)));
  return parts ? { occursOn: parts[0]!, id: parts[1]! } : null;
}

function conditionsFor(scope: ActivityScope, filters: ActivityFilters): (SQL | undefined)[] {
  const c: (SQL | undefined)[] = [];
  if (scope.kind === 'involving') {
    c.push(or(eq(requestOf.requesterUserId, scope.userId), eq(accounts.ownerUserId, scope.userId), eq(opportunities.ownerUserId, scope.userId)));
  }
  if (filters.advocateId) c.push(eq(activities.advocateId, filters.advocateId));
  if (filters.accountId) c.push(eq(activities.accountId, filters.accountId));
  if (filters.opportunityId) c.push(eq(activities.opportunityId, filters.opportunityId));
  if (filters.requestId) c.push(eq(activities.requestId, filters.requestId));
  if (filters.status?.length) c.push(inArray(activities.status, filters.status));
  if (filters.activityTypeKey) c.push(eq(activities.activityTypeKey, filters.activityTypeKey));
  if (filters.team) c.push(eq(activities.requestingTeam, filters.team));
  if (filters.from) c.push(gte(activities.occursOn, filters.from));
  if (filters.to) c.push(lte(activities.occursOn, filters.to));
  if (filters.outsideFlow !== undefined) c.push(filters.outsideFlow ? sql`${activities.requestId} is null` : sql`${activities.requestId} is not null`);
  return c;
}

/** Activities with the names around them, newest date first, keyset-paged. */
export async function queryActivities(
  db: Executor,
  scope: ActivityScope,
  filters: ActivityFilters,
  page: { cursor?: string; limit: number } | { ids: string[] },
): Promise<{ items: ActivityListItem[]; more: boolean }> {
  const conditions = conditionsFor(scope, filters);
  let limit = 1000;
  if ('ids' in page) conditions.push(inArray(activities.id, page.ids));
  else {
    const cursor = decodeActivityCursor(page.cursor);
    if (cursor) conditions.push(sql`(${activities.occursOn}, ${activities.id}) < (${cursor.occursOn}::date, ${cursor.id}::uuid)`);
    limit = page.limit + 1;
  }
  const rows = await db
    .select({
      activity: activities,
      advocateFirst: advocates.firstName,
      advocateLast: advocates.lastName,
      accountName: accounts.name,
      accountOwnerUserId: accounts.ownerUserId,
      requestNumber: requestOf.number,
      requesterUserId: requestOf.requesterUserId,
      requesterName: requester.name,
      opportunityName: opportunities.name,
      opportunityOwnerUserId: opportunities.ownerUserId,
      loggerName: logger.name,
    })
    .from(activities)
    .innerJoin(advocates, eq(advocates.id, activities.advocateId))
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .leftJoin(requestOf, eq(requestOf.id, activities.requestId))
    .leftJoin(requester, eq(requester.id, requestOf.requesterUserId))
    .leftJoin(opportunities, eq(opportunities.id, activities.opportunityId))
    .leftJoin(logger, eq(logger.id, activities.loggedByUserId))
    .where(and(...conditions))
    .orderBy(desc(activities.occursOn), desc(activities.id))
    .limit(limit);
  const more = rows.length > limit - 1 && !('ids' in page);
  const kept = 'ids' in page ? rows : rows.slice(0, limit - 1);
  const ids = kept.map((r) => r.activity.id);
  const sides = ids.length
    ? await db.select({ activityId: debriefs.activityId, side: debriefs.side }).from(debriefs).where(inArray(debriefs.activityId, ids))
    : [];
  return {
    more,
    items: kept.map((r) => ({
      activity: r.activity,
      access: { requesterUserId: r.requesterUserId, accountOwnerUserId: r.accountOwnerUserId, opportunityOwnerUserId: r.opportunityOwnerUserId },
      advocate: { id: r.activity.advocateId, name: `${r.advocateFirst} ${r.advocateLast}` },
      account: { id: r.activity.accountId, name: r.accountName },
      request: r.activity.requestId && r.requestNumber !== null ? { id: r.activity.requestId, number: r.requestNumber } : null,
      opportunity: r.activity.opportunityId && r.opportunityName !== null ? { id: r.activity.opportunityId, name: r.opportunityName } : null,
      requester: r.requesterUserId && r.requesterName !== null ? { id: r.requesterUserId, name: r.requesterName } : null,
      loggedBy: r.activity.loggedByUserId && r.loggerName !== null ? { id: r.activity.loggedByUserId, name: r.loggerName } : null,
      debriefedBy: sides.filter((s) => s.activityId === r.activity.id).map((s) => s.side),
    })),
  };
}

export async function listActivities(
  deps: ServiceDeps,
  scope: ActivityScope,
  filters: ActivityFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<ActivityListItem>> {
  const { items, more } = await queryActivities(deps.db, scope, filters, page);
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursorParts([last.activity.occursOn, last.activity.id]) : null };
}
