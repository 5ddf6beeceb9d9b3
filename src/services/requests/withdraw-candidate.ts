import type { Actor, ServiceDeps } from '../context.js';
import { runCandidateTransition } from './run-candidate-transition.js';
import type { CandidateTransitionResult } from './transition-candidate.js';

/** The requester or an admin withdraws a candidate, with the reason; any capacity held is released. */
export function withdrawCandidate(deps: ServiceDeps, actor: Actor, requestId: string, candidateId: string, reason: string): Promise<CandidateTransitionResult> {
  return runCandidateTransition(deps, actor, requestId, candidateId, { transition: 'withdraw', reason });
}
