import type { Executor } from '../../db/client.js';
import { selectionModeFor, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import type { CandidateTransitionResult } from './transition-candidate.js';
import { recordRequestEvent } from './record-request-event.js';

/** What the timeline says when a request goes back to matching. */
export const PLAN_B_MESSAGES = {
  seller_picks: 'Plan B: pick another advocate from the matches.',
  program_proposes: 'Plan B: the program team proposes another advocate.',
} as const;

/**
 * After a candidate transition: when a decline, no answer or withdrawal sent the request back
 * to matching, the timeline says what happens next (plan B). Where sellers pick, the seller
 * picks another; admins see the request in the program queue either way.
 */
export async function notePlanB(db: Executor, result: CandidateTransitionResult, policy: ProgramPolicy, now: Date): Promise<void> {
  if (!result.requestStatusChanged || result.request.status !== 'matching') return;
  const mode = selectionModeFor(policy, result.request.activityTypeKey);
  await recordRequestEvent(db, {
    requestId: result.request.id,
    candidateId: result.candidate.id,
    actor: 'system',
    kind: 'plan_b',
    reason: PLAN_B_MESSAGES[mode],
    data: { selectionMode: mode, after: result.candidate.status },
    at: now,
  });
}
