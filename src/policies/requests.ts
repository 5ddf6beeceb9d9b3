import type { CandidateStatus, Party, RequestStatus } from '../domain/requests/request-states.js';
import { checkCandidateTransition, checkRequestTransition, SECURED_CANDIDATE_STATUSES, type CandidateTransition } from '../domain/requests/request-states.js';
import type { SelectionMode } from '../domain/requests/program-policy.js';
import { hasAnyRole, hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** What access decisions need about a request, read before anything else happens. */
export interface RequestAccess {
  requesterUserId: string;
  /** Relationship owners asked to approve one of its candidates. */
  approverUserIds: readonly string[];
}

/** What access decisions need about one candidate of a request. */
export interface CandidateAccess {
  status: CandidateStatus;
  approverUserId: string | null;
}

const isAdmin = (actor: Actor) => hasRole(actor.roles, 'admin');
const isRequester = (actor: Actor, access: Pick<RequestAccess, 'requesterUserId'>) => access.requesterUserId === actor.userId;

/**
 * Who may do what with reference requests (DESIGN §3). Sellers and marketing see their own
 * requests; relationship owners see the requests that ask for one of their accounts; admins
 * see everything. Nobody signed in answers for an advocate: that only happens by signed link.
 */
export const requestPolicy = {
  create: (actor: Actor) => hasAnyRole(actor.roles, ['sales', 'marketing', 'admin']),
  /** Marketing requests serve a team purpose; sellers request for an opportunity. */
  createWithoutOpportunity: (actor: Actor) => hasAnyRole(actor.roles, ['marketing', 'admin']),
  /** Sellers request references for their own deals (admins for any). */
  useOpportunity: (actor: Actor, opportunity: { ownerUserId: string }) => isAdmin(actor) || opportunity.ownerUserId === actor.userId,
  listMine: (actor: Actor) => hasAnyRole(actor.roles, ['sales', 'marketing', 'admin']),
  listAll: (actor: Actor) => isAdmin(actor),
  view: (actor: Actor, access: RequestAccess) => isAdmin(actor) || isRequester(actor, access) || access.approverUserIds.includes(actor.userId),
  edit: (actor: Actor, access: RequestAccess) => isAdmin(actor) || isRequester(actor, access),
  /** Only the requester submits (the readiness gate then decides). */
  submit: (actor: Actor, access: RequestAccess) => isRequester(actor, access),
  overrideReadiness: (actor: Actor) => isAdmin(actor),
  cancel: (actor: Actor, access: RequestAccess) => isAdmin(actor) || isRequester(actor, access),
  /** Admins propose candidates; the requester picks them only where sellers pick. */
  proposeCandidates: (actor: Actor, access: RequestAccess, mode: SelectionMode) =>
    isAdmin(actor) || (isRequester(actor, access) && mode === 'seller_picks'),
  rematch: (actor: Actor) => isAdmin(actor),
  /** The program queue is the program team's. */
  queue: (actor: Actor) => isAdmin(actor),
  /** Owners see their pending approvals; admins see everyone's. */
  approvals: (actor: Actor) => hasAnyRole(actor.roles, ['owner', 'admin']),
  /** Contact details go to the requester (and admins), once owner and advocate said yes. */
  revealContact: (actor: Actor, access: RequestAccess, candidate: CandidateAccess) =>
    (isAdmin(actor) || isRequester(actor, access)) && SECURED_CANDIDATE_STATUSES.includes(candidate.status),
};

/**
 * The parties the actor plays on a request (and one of its candidates). An account without a
 * relationship owner is approved by the program admins.
 */
export function partiesFor(actor: Actor, access: Pick<RequestAccess, 'requesterUserId'>, candidate?: Pick<CandidateAccess, 'approverUserId'>): Party[] {
  const parties: Party[] = [];
  if (isRequester(actor, access)) parties.push('requester');
  if (isAdmin(actor)) parties.push('admin');
  if (candidate) {
    if (candidate.approverUserId === actor.userId) parties.push('owner');
    else if (candidate.approverUserId === null && isAdmin(actor)) parties.push('owner');
  }
  return parties;
}

export const REQUEST_ACTIONS = ['edit', 'submit', 'override_readiness', 'cancel', 'pick_candidates', 'propose_candidates', 'rematch'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const CANDIDATE_ACTIONS = [
  'approve',
  'decline',
  'withdraw',
  'no_answer',
  'schedule',
  'accept_proposed_date',
  'reveal_contact',
  'download_ics',
  'debrief',
  'redo',
  'thank_you',
] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

const CANDIDATE_ACTION_TRANSITIONS = {
  approve: 'owner_approve',
  decline: 'owner_decline',
  withdraw: 'withdraw',
  no_answer: 'mark_no_answer',
  schedule: 'schedule',
  accept_proposed_date: 'accept_proposed_date',
} as const satisfies Partial<Record<CandidateAction, CandidateTransition>>;

/** What the viewer may do next on the request itself: the state machine and the policy together. */
export function allowedRequestActions(
  actor: Actor,
  access: RequestAccess,
  request: { status: RequestStatus },
  mode: SelectionMode,
): RequestAction[] {
  const parties = partiesFor(actor, access);
  const can = (transition: Parameters<typeof checkRequestTransition>[1]) => checkRequestTransition(request.status, transition, parties, 'reason').ok;
  const actions: RequestAction[] = [];
  if ((request.status === 'draft' || request.status === 'blocked') && requestPolicy.edit(actor, access)) actions.push('edit');
  if (can('submit') && requestPolicy.submit(actor, access)) actions.push('submit');
  if (can('override_readiness') && requestPolicy.overrideReadiness(actor)) actions.push('override_readiness');
  if (can('cancel') && requestPolicy.cancel(actor, access)) actions.push('cancel');
  const open = request.status === 'matching' || request.status === 'in_progress';
  if (open && isAdmin(actor)) actions.push('propose_candidates');
  else if (open && requestPolicy.proposeCandidates(actor, access, mode)) actions.push('pick_candidates');
  if (open && requestPolicy.rematch(actor)) actions.push('rematch');
  return actions;
}

/**
 * What the viewer may do next on one candidate. Nobody signed in may answer for the advocate:
 * accepting, declining and proposing dates are never among these.
 */
/** What the candidate's use looks like, for the actions that close the loop. */
export interface CandidateUseFacts {
  requesterDebriefed: boolean;
  /** The use fell through or missed the prospect's needs (src/services/debriefs/redo-rules.ts). */
  redoOffered: boolean;
  /** A redo was already opened for it. */
  redone: boolean;
}

const NO_USE_FACTS: CandidateUseFacts = { requesterDebriefed: false, redoOffered: false, redone: false };

export function allowedCandidateActions(
  actor: Actor,
  access: RequestAccess,
  candidate: CandidateAccess,
  requestStatus: RequestStatus,
  facts: CandidateUseFacts = NO_USE_FACTS,
): CandidateAction[] {
  if (requestStatus === 'cancelled') return [];
  const parties = partiesFor(actor, access, candidate);
  const requesterSide = parties.includes('requester') || parties.includes('admin');
  const actions: CandidateAction[] = [];
  // A closed request has no moves left, but its uses can still be thanked and redone.
  if (requestStatus !== 'closed') {
    for (const [action, transition] of Object.entries(CANDIDATE_ACTION_TRANSITIONS) as [CandidateAction, CandidateTransition][]) {
      if (checkCandidateTransition(candidate.status, transition, parties, 'reason').ok) actions.push(action);
    }
    if (requestPolicy.revealContact(actor, access, candidate)) actions.push('reveal_contact');
    if (requesterSide && candidate.status === 'scheduled') actions.push('download_ics');
  }
  if (requesterSide && ['scheduled', 'happened', 'did_not_happen'].includes(candidate.status) && !facts.requesterDebriefed) actions.push('debrief');
  if (requesterSide && facts.redoOffered && !facts.redone) actions.push('redo');
  // The requester, the account's relationship owner and the program team thank advocates (activityPolicy.thank).
  const owner = hasRole(actor.roles, 'owner') && candidate.approverUserId === actor.userId;
  if (candidate.status === 'happened' && (requesterSide || owner)) actions.push('thank_you');
  return actions;
}
