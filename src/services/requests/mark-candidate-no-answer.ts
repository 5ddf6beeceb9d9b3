import type { Actor, ServiceDeps } from '../context.js';
import { runCandidateTransition } from './run-candidate-transition.js';
import type { CandidateTransitionResult } from './transition-candidate.js';

/** An admin records that the advocate did not answer the ask: the held capacity is released, plan B follows. */
export function markCandidateNoAnswer(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  candidateId: string,
  reason: string | null,
): Promise<CandidateTransitionResult> {
  return runCandidateTransition(deps, actor, requestId, candidateId, { transition: 'mark_no_answer', reason: reason ?? 'No answer to the ask.' });
}
