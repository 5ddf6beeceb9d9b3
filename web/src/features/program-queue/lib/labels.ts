import type { QueueKind } from '../api/types';

export const QUEUE_KIND_LABELS: Record<QueueKind, string> = {
  overdue_approval: 'Overdue approval',
  approval_due_soon: 'Approval due soon',
  no_answer: 'No answer',
  needs_candidates: 'Needs candidates',
  blocked: 'Blocked',
  debrief_missing: 'Debrief missing',
};

export const QUEUE_KIND_COLORS: Record<QueueKind, string> = {
  overdue_approval: 'red',
  approval_due_soon: 'orange',
  no_answer: 'grape',
  needs_candidates: 'blue',
  blocked: 'yellow',
  debrief_missing: 'gray',
};

/** What to do about each kind, said once above the table when filtered to it. */
export const QUEUE_KIND_HELP: Record<QueueKind, string> = {
  overdue_approval: 'The relationship owner has not answered in time: nudge them, or withdraw and propose someone else.',
  approval_due_soon: 'Due within a business day.',
  no_answer: 'The advocate has not answered the ask: mark no answer to move on to plan B.',
  needs_candidates: 'Waiting for candidates: propose some or re-match.',
  blocked: 'Not ready by the rules: override with a reason if it should go ahead.',
  debrief_missing: 'The conversation is past and the requester has not debriefed yet.',
};
