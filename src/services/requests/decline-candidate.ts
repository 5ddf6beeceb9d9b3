import type { Actor, ServiceDeps } from '../context.js';
import { runCandidateTransition } from './run-candidate-transition.js';
import type { CandidateTransitionResult } from './transition-candidate.js';

/** The relationship owner declines one use of their account, with the reason (plan B follows). */
export function declineCandidate(deps: ServiceDeps, actor: Actor, requestId: string, candidateId: string, reason: string): Promise<CandidateTransitionResult> {
  return runCandidateTransition(deps, actor, requestId, candidateId, { transition: 'owner_decline', reason });
}
