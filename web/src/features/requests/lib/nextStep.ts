import type { RequestCandidate, RequestDetail } from '../api/types';
import { formatInZone } from './timeZones';

/** What one candidate asks of the viewer now, in a sentence (null: nothing). */
function candidateStep(candidate: RequestCandidate, now: number): string | null {
  const name = candidate.advocate.name;
  const can = (action: RequestCandidate['allowedActions'][number]) => candidate.allowedActions.includes(action);
  if (can('approve')) return `Approve or decline asking ${name}.`;
  if (can('accept_proposed_date')) return `${name} proposed other dates: accept one.`;
  if (candidate.status === 'accepted' && can('schedule')) return `${name} said yes: agree a time with them and record it here, then send the invitation.`;
  if (candidate.status === 'scheduled') {
    const at = candidate.scheduledAt ? Date.parse(candidate.scheduledAt) : Number.NaN;
    if (can('debrief') && at <= now) return `Tell us how the conversation with ${name} went.`;
    if (!Number.isNaN(at) && at > now) return `The conversation with ${name} is on ${formatInZone(candidate.scheduledAt, null)}. Send the invitation if you have not; debrief afterwards.`;
  }
  if (can('debrief')) return `Tell us how the conversation with ${name} went.`;
  if (can('redo')) return `The conversation with ${name} did not meet the need: redo opens matching again with the same criteria.`;
  if (can('thank_you')) return `Thank ${name} for their time.`;
  if (can('no_answer')) return `${name} has not answered: mark no answer to move on to plan B.`;
  return null;
}

/** The one thing the viewer should do now, in a sentence; null when it is someone else's turn. */
export function nextStepFor(request: RequestDetail, now: number = Date.now()): string | null {
  for (const candidate of request.candidates) {
    const step = candidateStep(candidate, now);
    if (step) return step;
  }
  const allowed = new Set(request.allowedActions);
  if (allowed.has('override_readiness')) return 'The deal is not ready by the rules: override with a reason if it should go ahead.';
  if (allowed.has('submit')) return request.status === 'blocked' ? 'Submit again once the deal is ready.' : 'Submit the request when you are ready.';
  if (allowed.has('pick_candidates') && request.candidates.length === 0) return 'Pick whom to ask from the matches.';
  if (allowed.has('propose_candidates') && request.candidates.length === 0) return 'Propose candidates: the owners are asked first.';
  return null;
}

/** Whose turn it is when the viewer has nothing to do. */
export function waitingOn(request: RequestDetail): string | null {
  if (request.status === 'cancelled' || request.status === 'closed') return null;
  if (request.candidates.some((c) => c.status === 'owner_pending')) return 'Waiting on the relationship owner’s approval.';
  if (request.candidates.some((c) => c.status === 'advocate_pending')) {
    return 'Waiting on the advocate’s answer. Their contact details appear here once they say yes.';
  }
  if (request.status === 'matching') return 'The program team is finding candidates.';
  return null;
}
