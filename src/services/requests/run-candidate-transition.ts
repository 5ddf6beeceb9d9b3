import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { selectionModeFor, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import type { CandidateTransition } from '../../domain/requests/request-states.js';
import { partiesFor } from '../../policies/requests.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { notePlanB, PLAN_B_MESSAGES } from './note-plan-b.js';
import { notifyRequester } from './notify-requester.js';
import { transitionCandidate, type CandidateTransitionInput, type CandidateTransitionResult } from './transition-candidate.js';

export interface CandidateStep {
  transition: CandidateTransition;
  reason?: string | null;
  set?: CandidateTransitionInput['set'];
  eventData?: Record<string, unknown>;
}

/**
 * A signed-in person's step on one candidate of a request, in one transaction: the parties
 * they play are resolved here, the move itself is the shared transitionCandidate, a return
 * to matching is noted as plan B, and `after` adds what the step brings (links, e-mails).
 */
export async function runCandidateTransition(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  candidateId: string,
  step: CandidateStep | ((policy: ProgramPolicy, now: Date) => CandidateStep),
  after?: (tx: Tx, result: CandidateTransitionResult, policy: ProgramPolicy, now: Date) => Promise<void>,
): Promise<CandidateTransitionResult> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ approverUserId: requestCandidates.approverUserId, requesterUserId: referenceRequests.requesterUserId })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .where(eq(requestCandidates.id, candidateId))
      .limit(1);
    if (!row) throw notFound('The candidate');
    const policy = await getProgramPolicy(tx);
    const now = deps.now();
    const resolved = typeof step === 'function' ? step(policy, now) : step;
    const result = await transitionCandidate(tx, now, policy, {
      candidateId,
      requestId,
      transition: resolved.transition,
      parties: partiesFor(actor, row, row),
      actor,
      actorKind: 'user',
      reason: resolved.reason,
      set: resolved.set,
      eventData: resolved.eventData,
    });
    await notePlanB(tx, result, policy, now);
    if (result.requestStatusChanged && result.request.status === 'matching' && result.request.requesterUserId !== actor.userId) {
      const mode = selectionModeFor(policy, result.request.activityTypeKey);
      await notifyRequester(deps, tx, result.request, {
        kind: 'request.plan_b',
        headline: 'back to matching',
        paragraphs: [
          `A candidate for your request is no longer available (${result.candidate.status.replace(/_/g, ' ')}${resolved.reason ? `: “${resolved.reason}”` : ''}).`,
          PLAN_B_MESSAGES[mode],
        ],
        candidateId,
      });
    }
    if (after) await after(tx, result, policy, now);
    return result;
  });
}
