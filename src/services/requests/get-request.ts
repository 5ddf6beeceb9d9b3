import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  accounts,
  activities,
  advocates,
  debriefs,
  opportunities,
  pipelineStages,
  requestCandidates,
  requestEvents,
  users,
  type ActivityRow,
  type DebriefRow,
  type ReferenceRequestRow,
  type RequestCandidateRow,
  type RequestEventRow,
} from '../../db/schema/index.js';
import { selectionModeFor, type SelectionMode } from '../../domain/requests/program-policy.js';
import {
  allowedCandidateActions,
  allowedRequestActions,
  type CandidateAction,
  type CandidateUseFacts,
  type RequestAccess,
  type RequestAction,
} from '../../policies/requests.js';
import { hasRole } from '../../domain/roles.js';
import type { Actor, ServiceDeps } from '../context.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { REDO_EVENT, redoOffered } from '../debriefs/redo-rules.js';

export interface PersonRef {
  id: string;
  name: string;
}

export interface OpportunitySummary {
  id: string;
  name: string;
  prospectName: string;
  stageKey: string;
  stageLabel: string | null;
  amountUsd: number | null;
  closeDate: string | null;
  ownerUserId: string;
}

/** An advocate as a requester sees them: never an e-mail or a phone. */
export interface CandidateAdvocate {
  id: string;
  firstName: string;
  lastName: string;
  title: string | null;
  seniorityKey: string | null;
  functionKey: string | null;
  country: string | null;
  timeZone: string | null;
}

export interface CandidateDetail {
  candidate: RequestCandidateRow;
  advocate: CandidateAdvocate;
  account: { id: string; name: string };
  approver: PersonRef | null;
  /** The use that books the advocate (from the owner's approval on), with its debriefs. */
  activity: { activity: ActivityRow; debriefs: DebriefRow[] } | null;
  allowedActions: CandidateAction[];
}

export interface TimelineEntry {
  event: RequestEventRow;
  actorName: string | null;
}

export interface RequestDetail {
  request: ReferenceRequestRow;
  requester: PersonRef & { team: string };
  opportunity: OpportunitySummary | null;
  selectionMode: SelectionMode;
  candidates: CandidateDetail[];
  timeline: TimelineEntry[];
  allowedActions: RequestAction[];
}

const approver = alias(users, 'approver');

export const CANDIDATE_ADVOCATE_COLUMNS = {
  id: advocates.id,
  firstName: advocates.firstName,
  lastName: advocates.lastName,
  title: advocates.title,
  seniorityKey: advocates.seniorityKey,
  functionKey: advocates.functionKey,
  country: advocates.country,
  timeZone: advocates.timeZone,
};

/**
 * Steps written in one transaction share their instant: this is the order they happened in
 * (created, then submitted, candidates proposed, their moves, then the status that follows).
 */
const EVENT_ORDER: Record<string, number> = {
  created: 0,
  updated: 1,
  submitted: 2,
  blocked: 2,
  readiness_overridden: 2,
  rematched: 2,
  candidate_proposed: 3,
  contact_revealed: 5,
  status_changed: 6,
  back_to_matching: 6,
  plan_b: 7,
  cancelled: 8,
};
/** Candidate transitions (owner_approve, advocate_accept, …) sit between proposals and status changes. */
const TRANSITION_RANK = 4;

export async function loadOpportunitySummary(deps: Pick<ServiceDeps, 'db'>, opportunityId: string | null): Promise<OpportunitySummary | null> {
  if (!opportunityId) return null;
  const [row] = await deps.db
    .select({
      id: opportunities.id,
      name: opportunities.name,
      prospectName: opportunities.prospectName,
      stageKey: opportunities.stageKey,
      stageLabel: pipelineStages.label,
      amountUsd: opportunities.amountUsd,
      closeDate: opportunities.closeDate,
      ownerUserId: opportunities.ownerUserId,
    })
    .from(opportunities)
    .leftJoin(pipelineStages, eq(pipelineStages.key, opportunities.stageKey))
    .where(eq(opportunities.id, opportunityId))
    .limit(1);
  return row ?? null;
}

/**
 * A request as the viewer may see it: its candidates with their score and explanation (no
 * contact details, ever), the timeline, and what the viewer may do next. A relationship owner
 * who is neither requester nor admin sees only the candidates they are asked about.
 */
export async function getRequest(deps: ServiceDeps, actor: Actor, request: ReferenceRequestRow, access: RequestAccess): Promise<RequestDetail> {
  const policy = await getProgramPolicy(deps.db);
  const selectionMode = selectionModeFor(policy, request.activityTypeKey);
  const [requester] = await deps.db.select({ id: users.id, name: users.name, team: users.team }).from(users).where(eq(users.id, request.requesterUserId));
  const opportunity = await loadOpportunitySummary(deps, request.opportunityId);
  const seesAll = hasRole(actor.roles, 'admin') || request.requesterUserId === actor.userId;
  const rows = await deps.db
    .select({
      candidate: requestCandidates,
      advocate: CANDIDATE_ADVOCATE_COLUMNS,
      account: { id: accounts.id, name: accounts.name },
      approverId: approver.id,
      approverName: approver.name,
    })
    .from(requestCandidates)
    .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
    .innerJoin(accounts, eq(accounts.id, requestCandidates.accountId))
    .leftJoin(approver, eq(approver.id, requestCandidates.approverUserId))
    .where(and(eq(requestCandidates.requestId, request.id), seesAll ? undefined : eq(requestCandidates.approverUserId, actor.userId)))
    .orderBy(asc(requestCandidates.createdAt), asc(requestCandidates.id));
  const activityOf = await loadActivities(deps, rows.map((r) => r.candidate.id));
  const events = await deps.db
    .select({ event: requestEvents, actorName: users.name })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, request.id))
    .orderBy(asc(requestEvents.at));
  const useFacts = useFactsFor(new Set(events.filter((e) => e.event.kind === REDO_EVENT).map((e) => String(e.event.data.activityId ?? ''))));
  const candidates = rows.map((r) => {
    const activity = activityOf.get(r.candidate.id) ?? null;
    return {
      candidate: r.candidate,
      advocate: r.advocate,
      account: r.account,
      approver: r.approverId && r.approverName !== null ? { id: r.approverId, name: r.approverName } : null,
      activity,
      allowedActions: allowedCandidateActions(actor, access, r.candidate, request.status, useFacts(activity)),
    };
  });
  const visible = new Set(candidates.map((c) => c.candidate.id));
  const timeline = events
    .filter((e) => seesAll || e.event.candidateId === null || visible.has(e.event.candidateId))
    .map((e, index) => ({ ...e, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || (EVENT_ORDER[a.event.kind] ?? TRANSITION_RANK) - (EVENT_ORDER[b.event.kind] ?? TRANSITION_RANK) || a.index - b.index)
    .map(({ event, actorName }) => ({ event, actorName }));
  return {
    request,
    requester: requester ?? { id: request.requesterUserId, name: 'Unknown', team: request.team },
    opportunity,
    selectionMode,
    candidates,
    timeline,
    allowedActions: allowedRequestActions(actor, access, request, selectionMode),
  };
}

/** The facts the loop-closing actions need; `redone` is read off the request's timeline. */
function useFactsFor(redoneActivityIds: ReadonlySet<string>) {
  return (use: { activity: ActivityRow; debriefs: DebriefRow[] } | null): CandidateUseFacts => {
    const requesterDebrief = use?.debriefs.find((d) => d.side === 'requester') ?? null;
    return {
      requesterDebriefed: requesterDebrief !== null,
      redoOffered: use ? redoOffered(use.activity, requesterDebrief) : false,
      redone: use ? redoneActivityIds.has(use.activity.id) : false,
    };
  };
}

async function loadActivities(deps: Pick<ServiceDeps, 'db'>, candidateIds: string[]): Promise<Map<string, { activity: ActivityRow; debriefs: DebriefRow[] }>> {
  const result = new Map<string, { activity: ActivityRow; debriefs: DebriefRow[] }>();
  if (candidateIds.length === 0) return result;
  const rows = await deps.db.select().from(activities).where(inArray(activities.candidateId, candidateIds));
  const notes = rows.length ? await deps.db.select().from(debriefs).where(inArray(debriefs.activityId, rows.map((r) => r.id))) : [];
  for (const activity of rows) {
    if (activity.candidateId) result.set(activity.candidateId, { activity, debriefs: notes.filter((d) => d.activityId === activity.id) });
  }
  return result;
}
