import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { debriefs, referenceRequests, requestCandidates, type ReferenceRequestRow } from '../../db/schema/index.js';
import { checkLeadTime } from '../../domain/requests/lead-time.js';
import { leadTimeFor } from '../../domain/requests/program-policy.js';
import { checkRequestTransition, LIVE_CANDIDATE_STATUSES } from '../../domain/requests/request-states.js';
import type { ActivityAccess } from '../../policies/activities.js';
import { loadActivityAccess } from '../activities/activity-access.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import { notifyRedoOpened } from '../notifications/messages/program-notices.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { partiesFor } from '../../policies/requests.js';
import { findRedo, REDO_EVENT, REDO_OF_EVENT, redoOffered } from './redo-rules.js';
import { recordRequestEvent } from '../requests/record-request-event.js';

export interface RedoInput {
  /** A new needed-by date; required when the original one has passed. */
  neededBy?: string;
  note?: string | null;
  rushJustification?: string | null;
}

export interface RedoResult {
  request: ReferenceRequestRow;
  /** The original request was still waiting in matching with nobody in flight: the redo replaces it. */
  originalCancelled: boolean;
}

/** Every advocate tried on a request and on the requests it redoes (matching leaves them out). */
export async function triedAdvocateIds(db: Executor, requestId: string): Promise<string[]> {
  const ids = new Set<string>();
  let current: string | null = requestId;
  for (let depth = 0; current && depth < 20; depth++) {
    const tried = await db.select({ advocateId: requestCandidates.advocateId }).from(requestCandidates).where(eq(requestCandidates.requestId, current));
    for (const t of tried) ids.add(t.advocateId);
    const [row] = await db.select({ redoOf: referenceRequests.redoOfRequestId }).from(referenceRequests).where(eq(referenceRequests.id, current));
    current = row?.redoOf ?? null;
  }
  return [...ids];
}

/**
 * One-click redo of a use that did not happen or did not meet the prospect's needs: a new
 * request with the same type, prospect, criteria and topics, for one reference, straight into
 * matching (it passed the readiness gate once), pointing back with redoOfRequestId; the
 * advocates already tried are remembered on its timeline. Both timelines record it. Once per
 * activity. The requester of the original stays the requester.
 */
export async function redoActivity(
  deps: ServiceDeps,
  actor: Actor,
  activityId: string,
  input: RedoInput,
  check: (access: ActivityAccess) => void,
): Promise<RedoResult> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { activity, access } = await loadActivityAccess(tx, activityId, { lock: true });
    check(access);
    if (!activity.requestId) throw conflict('This use was logged outside the request flow: there is no request to redo.');
    const [requesterDebrief] = await tx.select().from(debriefs).where(and(eq(debriefs.activityId, activity.id), eq(debriefs.side, 'requester')));
    if (!redoOffered(activity, requesterDebrief ?? null)) {
      throw conflict('A redo is offered when the use did not happen or did not meet the prospect’s needs (debrief it first).');
    }
    const existing = await findRedo(tx, activity);
    if (existing) throw conflict(`This use was already redone as request R-${existing.number}.`);
    const [original] = await tx.select().from(referenceRequests).where(eq(referenceRequests.id, activity.requestId));
    if (!original) throw conflict('The original request is gone.');

    const policy = await getProgramPolicy(tx);
    const neededBy = input.neededBy ?? original.neededBy;
    const lead = checkLeadTime(now, neededBy, leadTimeFor(policy, original.activityTypeKey));
    if (lead.inPast) throw invalidInput([{ field: 'neededBy', reason: `${lead.message}` }], 'The needed-by date has passed: give a new one.');
    const tried = await triedAdvocateIds(tx, original.id);
    const [created] = await tx
      .insert(referenceRequests)
      .values({
        requesterUserId: original.requesterUserId,
        team: original.team,
        purpose: original.purpose,
        opportunityId: original.opportunityId,
        activityTypeKey: original.activityTypeKey,
        prospect: original.prospect,
        criteria: original.criteria,
        topicKeys: original.topicKeys,
        neededBy,
        referencesNeeded: 1,
        note: input.note?.trim() || original.note,
        status: 'matching',
        rush: lead.rush,
        rushJustification: lead.rush ? input.rushJustification?.trim() || `Redo of R-${original.number}` : null,
        estimatedBusinessDays: original.estimatedBusinessDays,
        submittedAt: now,
        redoOfRequestId: original.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const request = created!;
    const why = activity.status === 'did_not_happen' || requesterDebrief?.happened === false ? 'did_not_happen' : 'did_not_meet_needs';
    await recordRequestEvent(tx, {
      requestId: request.id,
      actor,
      kind: REDO_OF_EVENT,
      toStatus: 'matching',
      data: { activityId: activity.id, redoOfRequestId: original.id, redoOfNumber: original.number, why, triedAdvocateIds: tried },
      at: now,
    });
    await recordRequestEvent(tx, {
      requestId: original.id,
      candidateId: activity.candidateId,
      actor,
      kind: REDO_EVENT,
      data: { activityId: activity.id, redoRequestId: request.id, redoNumber: request.number, why },
      at: now,
    });
    const originalCancelled = await retireOriginal(tx, actor, original, request, now);
    await notifyRedoOpened(deps, tx, request, original, why);
    return { request, originalCancelled };
  });
}

/**
 * When the original request fell back to matching with nobody left in flight, the redo is its
 * plan B: the original ends (reason "other", pointing to the redo) so the queue holds one need once.
 */
async function retireOriginal(tx: Executor, actor: Actor, original: ReferenceRequestRow, redo: ReferenceRequestRow, now: Date): Promise<boolean> {
  if (original.status !== 'matching') return false;
  const live = await tx
    .select({ id: requestCandidates.id })
    .from(requestCandidates)
    .where(and(eq(requestCandidates.requestId, original.id), inArray(requestCandidates.status, [...LIVE_CANDIDATE_STATUSES])));
  if (live.length > 0) return false;
  const reason = `Replaced by redo R-${redo.number}`;
  if (!checkRequestTransition(original.status, 'cancel', partiesFor(actor, original), reason).ok) return false;
  await tx
    .update(referenceRequests)
    .set({ status: 'cancelled', endReason: 'other', endNote: reason, updatedAt: now })
    .where(eq(referenceRequests.id, original.id));
  await recordRequestEvent(tx, { requestId: original.id, actor, kind: 'cancelled', fromStatus: 'matching', toStatus: 'cancelled', reason, data: { endReason: 'other', redoRequestId: redo.id }, at: now });
  return true;
}
