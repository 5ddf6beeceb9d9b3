import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activities, debriefs, requestCandidates, type ActivityRow, type DebriefRow, type RequestCandidateRow } from '../../db/schema/index.js';
import type { CandidateTransition } from '../../domain/requests/request-states.js';
import type { ActivityAccess } from '../../policies/activities.js';
import { loadActivityAccess } from '../activities/activity-access.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { partiesFor } from '../../policies/requests.js';
import { transitionCandidate } from '../requests/transition-candidate.js';
import { closeRequestIfDone } from './close-request-if-done.js';
import { redoOffered } from './redo-rules.js';
import { recordRequestEvent } from '../requests/record-request-event.js';

export interface RequesterDebriefInput {
  happened: boolean;
  /** Did it meet the prospect's needs, 1–5 (required when it happened). */
  metNeeds: number | null;
  buyerIntent: string | null;
  concerns: string | null;
}

export interface DebriefResult {
  debrief: DebriefRow;
  activity: ActivityRow;
  /** A redo may be opened (did not happen, or did not meet the prospect's needs). */
  redoOffered: boolean;
  requestClosed: boolean;
}

const fmt = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** The candidate transition this answer takes, or null when the candidate is already there. */
function transitionFor(candidate: RequestCandidateRow, happened: boolean, now: Date): CandidateTransition | null {
  const state = candidate.status;
  if (state === (happened ? 'happened' : 'did_not_happen')) return null;
  if (happened) {
    if (state === 'accepted') throw conflict('Record when the conversation took place (schedule it) before saying it happened.');
    if (state === 'scheduled' && candidate.scheduledAt && candidate.scheduledAt > now) {
      throw conflict(`It is scheduled for ${fmt(candidate.scheduledAt)}: debrief once it has taken place.`);
    }
    return 'record_happened';
  }
  return 'record_did_not_happen';
}

async function loadCandidate(tx: Tx, activity: ActivityRow): Promise<RequestCandidateRow> {
  if (!activity.candidateId || !activity.requestId) throw conflict('This use was logged outside the request flow: it has no debrief.');
  const [candidate] = await tx.select().from(requestCandidates).where(eq(requestCandidates.id, activity.candidateId));
  if (!candidate) throw conflict('This use has no candidate to debrief.');
  return candidate;
}

/**
 * The requester's debrief (or an admin's for them): did it happen, did it meet the prospect's
 * needs, the buyer's intent, lingering concerns. Once per activity. It moves the candidate to
 * happened / did not happen through transitionCandidate (the activity follows), puts the
 * debrief on the request's timeline and closes the request when every use is debriefed.
 */
export async function submitRequesterDebrief(
  deps: ServiceDeps,
  actor: Actor,
  activityId: string,
  input: RequesterDebriefInput,
  check: (access: ActivityAccess) => void,
): Promise<DebriefResult> {
  if (input.happened && input.metNeeds === null) throw invalidInput([{ field: 'metNeeds', reason: 'is required when it happened (1–5)' }]);
  if (!input.happened && input.metNeeds !== null) throw invalidInput([{ field: 'metNeeds', reason: 'must be empty when it did not happen' }]);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { activity, access } = await loadActivityAccess(tx, activityId, { lock: true });
    check(access);
    const candidate = await loadCandidate(tx, activity);
    const [already] = await tx.select({ id: debriefs.id }).from(debriefs).where(and(eq(debriefs.activityId, activity.id), eq(debriefs.side, 'requester')));
    if (already) throw conflict('The requester side of this use is already debriefed.');
    const transition = transitionFor(candidate, input.happened, now);
    if (transition) {
      await transitionCandidate(tx, now, await getProgramPolicy(tx), {
        candidateId: candidate.id,
        requestId: activity.requestId!,
        transition,
        parties: partiesFor(actor, { requesterUserId: access.requesterUserId ?? '' }),
        actor,
        actorKind: 'user',
        eventData: { activityId: activity.id, via: 'debrief' },
      });
    }
    const [debrief] = await tx
      .insert(debriefs)
      .values({
        activityId: activity.id,
        side: 'requester',
        happened: input.happened,
        metNeeds: input.metNeeds,
        buyerIntent: input.buyerIntent,
        concerns: input.concerns,
        submittedByUserId: actor.userId,
        submittedAt: now,
      })
      .returning();
    await recordRequestEvent(tx, {
      requestId: activity.requestId!,
      candidateId: candidate.id,
      actor,
      kind: 'debriefed',
      data: { side: 'requester', activityId: activity.id, happened: input.happened, metNeeds: input.metNeeds },
      at: now,
    });
    const [after] = await tx.select().from(activities).where(eq(activities.id, activity.id));
    const requestClosed = await closeRequestIfDone(tx, now, activity.requestId!);
    return { debrief: debrief!, activity: after!, redoOffered: redoOffered(after!, debrief!), requestClosed };
  });
}
