import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { accounts, activities, advocates, opportunities, pipelineStages, referenceRequests, requestCandidates, users, type RequestCandidateRow } from '../../db/schema/index.js';
import { busiestWindowLoad, dayNumber, isoFromDayNumber } from '../../domain/requests/caps.js';
import { CAP_COUNTED_ACTIVITY_STATUSES } from '../../domain/requests/request-states.js';
import type { Actor, ServiceDeps } from '../context.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';

export interface ListApprovalsQuery {
  /** pending: waiting for the owner; decided: approved or declined, newest first. */
  status: 'pending' | 'decided';
  /** mine: the actor's approvals; all: every owner's (admins). */
  scope: 'mine' | 'all';
  cursor?: string;
  limit: number;
}

export interface Load {
  used: number;
  cap: number;
  windowDays: number;
}

export interface ApprovalItem {
  candidate: RequestCandidateRow;
  overdue: boolean;
  advocate: { id: string; name: string; title: string | null };
  account: { id: string; name: string };
  request: { id: string; number: number; activityTypeKey: string; neededBy: string; purpose: string | null; referencesNeeded: number; note: string | null; rush: boolean };
  requester: { id: string; name: string; team: string };
  opportunity: { id: string; name: string; prospectName: string; stageLabel: string | null; amountUsd: number | null } | null;
  /** How loaded the account and the advocate already are in the window around the needed-by date. */
  accountLoad: Load;
  advocateLoad: Load;
}

/**
 * A relationship owner's approvals: who asks, for which deal, which advocate, and how loaded
 * the account already is, with the due date and an overdue flag.
 */
export async function listApprovals(deps: ServiceDeps, actor: Actor, query: ListApprovalsQuery): Promise<Page<ApprovalItem>> {
  const now = deps.now();
  const policy = await getProgramPolicy(deps.db);
  const pending = query.status === 'pending';
  const sortAt = pending ? requestCandidates.approvalDueAt : requestCandidates.ownerDecidedAt;
  const parts = decodeCursorParts(query.cursor, 2, (part, i) => (i === 0 ? !Number.isNaN(Date.parse(part)) : UUID_PATTERN.test(part)));
  const after: SQL | undefined = parts
    ? pending
      ? sql`(${sortAt}, ${requestCandidates.id}) > (${parts[0]}::timestamptz, ${parts[1]}::uuid)`
      : sql`(${sortAt}, ${requestCandidates.id}) < (${parts[0]}::timestamptz, ${parts[1]}::uuid)`
    : undefined;
  const rows = await deps.db
    .select({
      candidate: requestCandidates,
      advocate: { id: advocates.id, firstName: advocates.firstName, lastName: advocates.lastName, title: advocates.title, personalCap: advocates.personalCap },
      account: { id: accounts.id, name: accounts.name, usageCap: accounts.usageCap },
      request: referenceRequests,
      requester: { id: users.id, name: users.name, team: users.team },
      opportunity: { id: opportunities.id, name: opportunities.name, prospectName: opportunities.prospectName, amountUsd: opportunities.amountUsd },
      stageLabel: pipelineStages.label,
    })
    .from(requestCandidates)
    .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
    .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
    .innerJoin(accounts, eq(accounts.id, requestCandidates.accountId))
    .innerJoin(users, eq(users.id, referenceRequests.requesterUserId))
    .leftJoin(opportunities, eq(opportunities.id, referenceRequests.opportunityId))
    .leftJoin(pipelineStages, eq(pipelineStages.key, opportunities.stageKey))
    .where(
      and(
        query.scope === 'mine' ? eq(requestCandidates.approverUserId, actor.userId) : undefined,
        pending
          ? and(eq(requestCandidates.status, 'owner_pending'), sql`${referenceRequests.status} not in ('cancelled', 'closed')`)
          : isNotNull(requestCandidates.ownerDecidedAt),
        isNotNull(sortAt),
        after,
      ),
    )
    .orderBy(...(pending ? [asc(sortAt), asc(requestCandidates.id)] : [desc(sortAt), desc(requestCandidates.id)]))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const uses = await loadUses(deps, page.map((r) => ({ accountId: r.account.id, on: r.request.neededBy })), policy.caps.windowDays);
  const last = page.at(-1);
  const lastAt = last ? (pending ? last.candidate.approvalDueAt : last.candidate.ownerDecidedAt) : null;
  return {
    nextCursor: rows.length > query.limit && last && lastAt ? encodeCursorParts([lastAt.toISOString(), last.candidate.id]) : null,
    items: page.map((r) => {
      const accountUses = uses.filter((u) => u.accountId === r.account.id);
      const windowDays = policy.caps.windowDays;
      return {
        candidate: r.candidate,
        overdue: r.candidate.status === 'owner_pending' && r.candidate.approvalDueAt !== null && r.candidate.approvalDueAt.getTime() < now.getTime(),
        advocate: { id: r.advocate.id, name: `${r.advocate.firstName} ${r.advocate.lastName}`, title: r.advocate.title },
        account: { id: r.account.id, name: r.account.name },
        request: {
          id: r.request.id,
          number: r.request.number,
          activityTypeKey: r.request.activityTypeKey,
          neededBy: r.request.neededBy,
          purpose: r.request.purpose,
          referencesNeeded: r.request.referencesNeeded,
          note: r.request.note,
          rush: r.request.rush,
        },
        requester: r.requester,
        opportunity: r.opportunity ? { ...r.opportunity, stageLabel: r.stageLabel } : null,
        accountLoad: { used: busiestWindowLoad(accountUses, r.request.neededBy, windowDays), cap: r.account.usageCap ?? policy.caps.accountUnits, windowDays },
        advocateLoad: {
          used: busiestWindowLoad(
            accountUses.filter((u) => u.advocateId === r.advocate.id),
            r.request.neededBy,
            windowDays,
          ),
          cap: r.advocate.personalCap ?? policy.caps.advocateUnits,
          windowDays,
        },
      };
    }),
  };
}

/** Counted uses (held, planned, happened) of these accounts around their dates, in one query. */
async function loadUses(deps: ServiceDeps, wanted: { accountId: string; on: string }[], windowDays: number) {
  if (wanted.length === 0) return [];
  const days = wanted.map((w) => dayNumber(w.on));
  const from = isoFromDayNumber(Math.min(...days) - windowDays);
  const to = isoFromDayNumber(Math.max(...days) + windowDays);
  const rows = await deps.db
    .select({ accountId: activities.accountId, advocateId: activities.advocateId, occursOn: activities.occursOn, weight: activities.weight })
    .from(activities)
    .where(
      and(
        inArray(activities.accountId, [...new Set(wanted.map((w) => w.accountId))]),
        inArray(activities.status, [...CAP_COUNTED_ACTIVITY_STATUSES]),
        gte(activities.occursOn, from),
        lte(activities.occursOn, to),
      ),
    );
  return rows.map((r) => ({ ...r, weight: Number(r.weight) }));
}
