import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activities, referenceRequests, requestCandidates, requestEvents, type ActivityRow, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
import type { ProgramPolicy } from '../../domain/requests/program-policy.js';
import {
  ACTIVITY_EFFECT,
  CANDIDATE_TRANSITIONS,
  checkCandidateTransition,
  deriveRequestStatus,
  type CandidateStatus,
  type CandidateTransition,
  type Party,
} from '../../domain/requests/request-states.js';
import type { Actor } from '../context.js';
import { conflict, forbidden, invalidInput, notFound, type AppError } from '../errors.js';
import { checkCapacity } from './book-capacity.js';

export interface CandidateTransitionInput {
  candidateId: string;
  transition: CandidateTransition;
  /** What the caller is to this candidate (resolved by the caller's policy check). */
  parties: readonly Party[];
  /** The signed-in person, or null when the advocate (signed link) or the system acts. */
  actor: Actor | null;
  actorKind: 'user' | 'advocate' | 'system';
  reason?: string | null;
  /** Extra candidate columns this transition sets (scheduledAt, proposedDates, …). */
  set?: Partial<Pick<RequestCandidateRow, 'scheduledAt' | 'durationMinutes' | 'meetingDetails' | 'proposedDates' | 'askedAt' | 'askExpiresAt' | 'approvalDueAt'>>;
  /** The date the booked activity now counts on (scheduling); capacity is re-checked when it moves. */
  occursOn?: string;
  /** Shown on the timeline with the event. */
  eventData?: Record<string, unknown>;
  /** Refuse unless the request belongs to this id (routes nest candidates under requests). */
  requestId?: string;
}

export interface CandidateTransitionResult {
  candidate: RequestCandidateRow;
  request: ReferenceRequestRow;
  activity: ActivityRow | null;
  /** The request's status changed with this transition (e.g. back to matching: plan B). */
  requestStatusChanged: boolean;
}

const PROBLEM_TEXT: Record<string, string> = {
  owner_approve: 'approved',
  owner_decline: 'declined',
  advocate_accept: 'accepted',
  advocate_decline: 'declined',
  advocate_propose_dates: 'answered with other dates',
  accept_proposed_date: 'scheduled on a proposed date',
  mark_no_answer: 'marked as not answering',
  schedule: 'scheduled',
  record_happened: 'recorded as happened',
  record_did_not_happen: 'recorded as not happened',
  withdraw: 'withdrawn',
};

/**
 * The one way a candidate moves (DESIGN §3): request, then candidate locked in that order,
 * the state machine asked, capacity booked or released on the activity, the event put on the
 * request's timeline and the request's status re-derived, all in the caller's transaction.
 * Out-of-order or replayed calls get 409 (wrong state) or 403 (not this party's step).
 */
export async function transitionCandidate(tx: Tx, now: Date, policy: ProgramPolicy, input: CandidateTransitionInput): Promise<CandidateTransitionResult> {
  const [ref] = await tx.select({ requestId: requestCandidates.requestId }).from(requestCandidates).where(eq(requestCandidates.id, input.candidateId));
  if (!ref || (input.requestId && ref.requestId !== input.requestId)) throw notFound('The candidate');
  const [request] = await tx.select().from(referenceRequests).where(eq(referenceRequests.id, ref.requestId)).for('update');
  const [candidate] = await tx.select().from(requestCandidates).where(eq(requestCandidates.id, input.candidateId)).for('update');
  if (!request || !candidate) throw notFound('The candidate');

  const verdict = checkCandidateTransition(candidate.status, input.transition, input.parties, input.reason);
  if (!verdict.ok) throw refusal(verdict.problem, candidate.status, input.transition);
  if (request.status === 'cancelled' || request.status === 'closed') {
    throw conflict(`The request is ${request.status}; its candidates can no longer change.`);
  }

  const activity = await applyActivityEffect(tx, now, policy, request, candidate, input);
  const [updated] = await tx
    .update(requestCandidates)
    .set({ status: verdict.to, updatedAt: now, ...candidateFields(input, now), ...input.set })
    .where(eq(requestCandidates.id, candidate.id))
    .returning();
  await tx.insert(requestEvents).values({
    requestId: request.id,
    candidateId: candidate.id,
    actorKind: input.actorKind,
    actorUserId: input.actor?.userId ?? null,
    kind: input.transition,
    fromStatus: candidate.status,
    toStatus: verdict.to,
    reason: input.reason?.trim() || null,
    data: input.eventData ?? {},
    at: now,
  });

  const { request: after, changed } = await refreshRequestStatus(tx, now, request);
  return { candidate: updated!, request: after, activity, requestStatusChanged: changed };
}

/** Re-derives a request's status from its candidates and records a change on the timeline. */
export async function refreshRequestStatus(tx: Tx, now: Date, request: ReferenceRequestRow): Promise<{ request: ReferenceRequestRow; changed: boolean }> {
  const statuses = await tx.select({ status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.requestId, request.id));
  const next = deriveRequestStatus(
    request.status,
    statuses.map((s) => s.status),
    request.referencesNeeded,
  );
  if (next === request.status) return { request, changed: false };
  const [after] = await tx
    .update(referenceRequests)
    .set({ status: next, updatedAt: now, ...(next === 'fulfilled' && !request.fulfilledAt ? { fulfilledAt: now } : {}) })
    .where(eq(referenceRequests.id, request.id))
    .returning();
  await tx.insert(requestEvents).values({
    requestId: request.id,
    actorKind: 'system',
    kind: next === 'matching' ? 'back_to_matching' : 'status_changed',
    fromStatus: request.status,
    toStatus: next,
    at: now,
  });
  return { request: after!, changed: true };
}

function candidateFields(input: CandidateTransitionInput, now: Date): Partial<RequestCandidateRow> {
  const reason = input.reason?.trim() || null;
  switch (input.transition) {
    case 'owner_approve':
    case 'owner_decline':
      return { ownerDecidedAt: now, ownerReason: reason };
    case 'advocate_accept':
    case 'advocate_decline':
    case 'advocate_propose_dates':
      return { advocateRespondedAt: now, advocateReason: reason };
    default:
      return {};
  }
}

async function applyActivityEffect(
  tx: Tx,
  now: Date,
  policy: ProgramPolicy,
  request: ReferenceRequestRow,
  candidate: RequestCandidateRow,
  input: CandidateTransitionInput,
): Promise<ActivityRow | null> {
  const effect = ACTIVITY_EFFECT[input.transition];
  const [existing] = await tx.select().from(activities).where(eq(activities.candidateId, candidate.id));
  if (effect === 'create_held') {
    if (existing) throw conflict('This advocate is already booked for this request.');
    const occursOn = input.occursOn ?? request.neededBy;
    const { weight, accountId } = await checkCapacity(tx, policy, { advocateId: candidate.advocateId, occursOn, activityTypeKey: request.activityTypeKey });
    const [created] = await tx
      .insert(activities)
      .values({
        advocateId: candidate.advocateId,
        accountId,
        activityTypeKey: request.activityTypeKey,
        status: 'held',
        occursOn,
        weight,
        requestId: request.id,
        candidateId: candidate.id,
        opportunityId: request.opportunityId,
        requestingTeam: request.team,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return created!;
  }
  if (!existing) return null;
  const moves = input.occursOn && input.occursOn !== existing.occursOn;
  if (moves && (existing.status === 'held' || existing.status === 'planned')) {
    await checkCapacity(tx, policy, { advocateId: candidate.advocateId, occursOn: input.occursOn!, activityTypeKey: existing.activityTypeKey, exceptActivityId: existing.id });
  }
  if (!effect && !moves) return existing;
  const [changed] = await tx
    .update(activities)
    .set({ ...(effect ? { status: effect } : {}), ...(moves ? { occursOn: input.occursOn } : {}), updatedAt: now })
    .where(eq(activities.id, existing.id))
    .returning();
  return changed!;
}

function refusal(problem: 'wrong_state' | 'not_allowed' | 'reason_required', status: CandidateStatus, transition: CandidateTransition): AppError {
  if (problem === 'not_allowed') return forbidden(`You cannot have this candidate ${PROBLEM_TEXT[transition]}: that is ${CANDIDATE_TRANSITIONS[transition].by.join(' or ')}'s step.`);
  if (problem === 'reason_required') return invalidInput([{ field: 'reason', reason: 'Give a reason.' }], 'A reason is required.');
  return conflict(`This candidate is ${status.replace(/_/g, ' ')}; it cannot be ${PROBLEM_TEXT[transition]} now.`);
}
