import { addBusinessDaysTo } from '../../domain/requests/business-days.js';
import type { Actor, ServiceDeps } from '../context.js';
import { issueAskToken } from './ask-tokens.js';
import { runCandidateTransition } from './run-candidate-transition.js';
import { sendAskEmail } from './send-ask-email.js';
import type { CandidateTransitionResult } from './transition-candidate.js';

/**
 * The relationship owner approves one use of their account. In the same transaction the
 * advocate's capacity is booked (a held activity; 409 when caps or the rest period refuse),
 * a signed link is issued and the ask e-mail is written to the outbox.
 */
export async function approveCandidate(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  candidateId: string,
  reason: string | null,
): Promise<CandidateTransitionResult> {
  let askExpiresAt = new Date(0);
  return runCandidateTransition(
    deps,
    actor,
    requestId,
    candidateId,
    (policy, now) => {
      askExpiresAt = addBusinessDaysTo(now, policy.askExpiryBusinessDays);
      return { transition: 'owner_approve', reason, set: { askedAt: now, askExpiresAt } };
    },
    async (tx, result, _policy, now) => {
      const token = await issueAskToken(tx, candidateId, askExpiresAt, now);
      await sendAskEmail(deps, tx, result.candidate, result.request, token, askExpiresAt);
    },
  );
}
