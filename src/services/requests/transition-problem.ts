import type { TransitionCheck } from '../../domain/requests/request-states.js';
import { type AppError, conflict, forbidden, invalidInput } from '../errors.js';

type Problem = Extract<TransitionCheck<string>, { ok: false }>['problem'];

/** The HTTP problem for a refused transition: 403 not yours, 409 not now, 400 reason missing. */
export function transitionProblem(problem: Problem, what: string): AppError {
  if (problem === 'not_allowed') return forbidden(`You may not ${what}.`);
  if (problem === 'reason_required') return invalidInput([{ field: 'reason', reason: 'is required' }]);
  return conflict(`Cannot ${what}: it is not in a state that allows it (already done, or not yet possible).`);
}
