/**
 * The reference request state machine (DESIGN §3). Pure: which transitions exist, from which
 * states, and which parties may take them. Services resolve the actor's parties (requester,
 * the account's relationship owner, admin, the advocate through a signed link) and ask here.
 */
export const REQUEST_STATUSES = ['draft', 'blocked', 'matching', 'in_progress', 'fulfilled', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CANDIDATE_STATUSES = [
  'owner_pending',
  'owner_declined',
  'advocate_pending',
  'advocate_declined',
  'no_answer',
  'dates_proposed',
  'accepted',
  'scheduled',
  'happened',
  'did_not_happen',
  'withdrawn',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const ACTIVITY_STATUSES = ['held', 'planned', 'happened', 'did_not_happen', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
/** Activities that count against caps and rest periods. */
export const CAP_COUNTED_ACTIVITY_STATUSES: readonly ActivityStatus[] = ['held', 'planned', 'happened'];

export type Party = 'requester' | 'owner' | 'admin' | 'advocate' | 'system';

interface TransitionRule<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Party[];
  /** A reason must be given (declines, withdrawals, overrides). */
  needsReason?: boolean;
}

export const CANDIDATE_TRANSITIONS = {
  owner_approve: { from: ['owner_pending'], to: 'advocate_pending', by: ['owner'] },
  owner_decline: { from: ['owner_pending'], to: 'owner_declined', by: ['owner'], needsReason: true },
  advocate_accept: { from: ['advocate_pending'], to: 'accepted', by: ['advocate'] },
  advocate_decline: { from: ['advocate_pending'], to: 'advocate_declined', by: ['advocate'], needsReason: true },
  advocate_propose_dates: { from: ['advocate_pending'], to: 'dates_proposed', by: ['advocate'] },
  accept_proposed_date: { from: ['dates_proposed'], to: 'scheduled', by: ['requester', 'admin'] },
  mark_no_answer: { from: ['advocate_pending'], to: 'no_answer', by: ['admin', 'system'] },
  schedule: { from: ['accepted', 'scheduled'], to: 'scheduled', by: ['requester', 'admin'] },
  record_happened: { from: ['scheduled'], to: 'happened', by: ['requester', 'admin'] },
  record_did_not_happen: { from: ['accepted', 'scheduled'], to: 'did_not_happen', by: ['requester', 'admin'] },
  withdraw: {
    from: ['owner_pending', 'advocate_pending', 'dates_proposed', 'accepted', 'scheduled'],
    to: 'withdrawn',
    // The advocate withdraws their candidacies by withdrawing from the program (portal).
    by: ['requester', 'admin', 'advocate'],
    needsReason: true,
  },
} as const satisfies Record<string, TransitionRule<CandidateStatus>>;
export type CandidateTransition = keyof typeof CANDIDATE_TRANSITIONS;

export const REQUEST_TRANSITIONS = {
  /** Submitting runs the readiness gate: the target is `blocked` or `matching`. */
  submit: { from: ['draft', 'blocked'], to: 'matching', by: ['requester'] },
  block: { from: ['draft', 'blocked'], to: 'blocked', by: ['requester', 'system'] },
  override_readiness: { from: ['blocked'], to: 'matching', by: ['admin'], needsReason: true },
  cancel: { from: ['draft', 'blocked', 'matching', 'in_progress', 'fulfilled'], to: 'cancelled', by: ['requester', 'admin'], needsReason: true },
  close: { from: ['fulfilled'], to: 'closed', by: ['requester', 'admin', 'system'] },
} as const satisfies Record<string, TransitionRule<RequestStatus>>;
export type RequestTransition = keyof typeof REQUEST_TRANSITIONS;

export type TransitionCheck<S> = { ok: true; to: S } | { ok: false; problem: 'wrong_state' | 'not_allowed' | 'reason_required' };

function check<S extends string>(rule: TransitionRule<S>, from: S, parties: readonly Party[], reason: string | null | undefined): TransitionCheck<S> {
  if (!rule.by.some((party) => parties.includes(party))) return { ok: false, problem: 'not_allowed' };
  if (!rule.from.includes(from)) return { ok: false, problem: 'wrong_state' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, problem: 'reason_required' };
  return { ok: true, to: rule.to };
}

/** May these parties take this transition from this candidate status? `not_allowed` wins over `wrong_state`. */
export function checkCandidateTransition(
  from: CandidateStatus,
  transition: CandidateTransition,
  parties: readonly Party[],
  reason?: string | null,
): TransitionCheck<CandidateStatus> {
  return check<CandidateStatus>(CANDIDATE_TRANSITIONS[transition], from, parties, reason);
}

export function checkRequestTransition(
  from: RequestStatus,
  transition: RequestTransition,
  parties: readonly Party[],
  reason?: string | null,
): TransitionCheck<RequestStatus> {
  return check<RequestStatus>(REQUEST_TRANSITIONS[transition], from, parties, reason);
}

/** Candidates still waiting on someone (they may yet become a reference). */
export const LIVE_CANDIDATE_STATUSES: readonly CandidateStatus[] = ['owner_pending', 'advocate_pending', 'dates_proposed'];
/** Candidates who said yes (the reference is secured). */
export const SECURED_CANDIDATE_STATUSES: readonly CandidateStatus[] = ['accepted', 'scheduled', 'happened'];

/** What a candidate transition does to the activity that books the advocate's capacity. */
export const ACTIVITY_EFFECT: Partial<Record<CandidateTransition, ActivityStatus | 'create_held'>> = {
  owner_approve: 'create_held',
  advocate_accept: 'planned',
  accept_proposed_date: 'planned',
  advocate_decline: 'cancelled',
  mark_no_answer: 'cancelled',
  withdraw: 'cancelled',
  record_happened: 'happened',
  record_did_not_happen: 'did_not_happen',
};

/**
 * The request status implied by its candidates once it is past the readiness gate: enough
 * secured → fulfilled; enough secured or in flight → in_progress; otherwise back to matching
 * (plan B). Draft, blocked, closed and cancelled requests are left as they are.
 */
export function deriveRequestStatus(current: RequestStatus, candidateStatuses: readonly CandidateStatus[], referencesNeeded: number): RequestStatus {
  if (current === 'draft' || current === 'blocked' || current === 'closed' || current === 'cancelled') return current;
  const secured = candidateStatuses.filter((s) => SECURED_CANDIDATE_STATUSES.includes(s)).length;
  const live = candidateStatuses.filter((s) => LIVE_CANDIDATE_STATUSES.includes(s)).length;
  if (secured >= referencesNeeded) return 'fulfilled';
  if (secured + live >= referencesNeeded) return 'in_progress';
  return 'matching';
}
