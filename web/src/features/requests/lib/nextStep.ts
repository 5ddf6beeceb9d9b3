import type { CandidateAction, RequestDetail } from '../api/types';

const CANDIDATE_STEPS: ReadonlyArray<[CandidateAction, (name: string) => string]> = [
  ['approve', (name) => `Approve or decline asking ${name}.`],
  ['accept_proposed_date', (name) => `${name} proposed other dates: accept one.`],
  ['schedule', (name) => `${name} said yes: agree a time and record it, then send the invitation.`],
  ['debrief', (name) => `Tell us how the conversation with ${name} went.`],
  ['thank_you', (name) => `Thank ${name} for their time.`],
  ['no_answer', (name) => `${name} has not answered: mark no answer to move on to plan B.`],
];

/** The one thing the viewer should do now, in a sentence; null when it is someone else's turn. */
export function nextStepFor(request: RequestDetail): string | null {
  for (const [action, sentence] of CANDIDATE_STEPS) {
    const candidate = request.candidates.find((c) => c.allowedActions.includes(action));
    if (candidate) return sentence(candidate.advocate.name);
  }
  const allowed = new Set(request.allowedActions);
  if (allowed.has('override_readiness')) return 'The deal is not ready by the rules: override with a reason if it should go ahead.';
  if (allowed.has('submit')) return request.status === 'blocked' ? 'Submit again once the deal is ready.' : 'Submit the request when you are ready.';
  if (allowed.has('pick_candidates')) return 'Pick whom to ask from the matches.';
  if (allowed.has('propose_candidates')) return 'Propose candidates: the owners are asked first.';
  return null;
}

/** Whose turn it is when the viewer has nothing to do. */
export function waitingOn(request: RequestDetail): string | null {
  if (request.status === 'cancelled' || request.status === 'closed') return null;
  if (request.candidates.some((c) => c.status === 'owner_pending')) return 'Waiting on the relationship owner’s approval.';
  if (request.candidates.some((c) => c.status === 'advocate_pending')) return 'Waiting on the advocate’s answer. Their contact details appear here once they say yes.';
  if (request.status === 'matching') return 'The program team is finding candidates.';
  return null;
}
