import { and, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import { referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { selectionModeFor } from '../../domain/requests/program-policy.js';
import type { ServiceDeps } from '../../services/context.js';
import { getProgramPolicy } from '../../services/program-policies/get-program-policy.js';
import { notePlanB, PLAN_B_MESSAGES } from '../../services/requests/note-plan-b.js';
import { notifyRequester } from '../../services/requests/notify-requester.js';
import { transitionCandidate } from '../../services/requests/transition-candidate.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/** What the timeline and the requester are told. */
export const EXPIRED_ASK_REASON = 'No answer before the ask expired.';

/**
 * (f) Asks that expired without an answer: the candidate goes through the no-answer path
 * (`mark_no_answer`, by the system), which releases the held capacity; a request left without
 * anyone in flight goes back to matching (plan B) and its requester is told.
 */
export function sweepExpiredAsks(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'expired_asks', async ({ tx, now, each }) => {
    const expired = await tx
      .select({ id: requestCandidates.id })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .where(
        and(
          eq(requestCandidates.status, 'advocate_pending'),
          isNotNull(requestCandidates.askExpiresAt),
          lte(requestCandidates.askExpiresAt, now),
          notInArray(referenceRequests.status, ['cancelled', 'closed']),
        ),
      );
    if (expired.length === 0) return;
    const policy = await getProgramPolicy(tx);
    await each(expired, async (sp, { id }) => {
      const result = await transitionCandidate(sp, now, policy, {
        candidateId: id,
        transition: 'mark_no_answer',
        parties: ['system'],
        actor: null,
        actorKind: 'system',
        reason: EXPIRED_ASK_REASON,
        eventData: { expired: true },
      });
      await notePlanB(sp, result, policy, now);
      if (result.requestStatusChanged && result.request.status === 'matching') {
        await notifyRequester(deps, sp, result.request, {
          kind: 'request.plan_b',
          headline: 'back to matching',
          paragraphs: ['An advocate did not answer the ask before it expired.', PLAN_B_MESSAGES[selectionModeFor(policy, result.request.activityTypeKey)]],
          candidateId: id,
        });
      }
      return true;
    });
  });
}
