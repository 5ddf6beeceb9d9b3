import type { ProspectProfile, RequestCriteria, EndReason } from '@domain/requests/criteria';
import type { MatchingFactor, ReadinessFact, SelectionMode } from '@domain/requests/program-policy';
import type { FulfilmentEstimate } from '@domain/requests/fulfilment-estimate';
import type { LeadTimeResult } from '@domain/requests/lead-time';
import type { ReadinessGap, ReadinessResult } from '@domain/requests/readiness';
import type { ActivityStatus, CandidateStatus, RequestStatus } from '@domain/requests/request-states';

/**
 * The request loop as the API sends it: one place for the web app's request, candidate,
 * timeline, preview and matching shapes (C1's, C2's and B's routes).
 */
export type {
  ActivityStatus,
  CandidateStatus,
  EndReason,
  FulfilmentEstimate,
  LeadTimeResult,
  MatchingFactor,
  ProspectProfile,
  ReadinessFact,
  ReadinessGap,
  ReadinessResult,
  RequestCriteria,
  RequestStatus,
  SelectionMode,
};

export interface PersonRef {
  id: string;
  name: string;
}

export interface OpportunityRef {
  id: string;
  name: string;
  prospectName: string;
}

export interface OpportunityDetailRef extends OpportunityRef {
  stageKey: string;
  stageLabel: string | null;
  amountUsd: number | null;
  closeDate: string | null;
}

/** `POST /api/requests/preview`: the live judgement of the form. */
export interface RequestPreview {
  readiness: ReadinessResult;
  leadTime: LeadTimeResult;
  estimate: FulfilmentEstimate | null;
  /** "Similar requests took a median of N business days", or why there is no estimate. */
  estimateMessage: string;
  selectionMode: SelectionMode;
  minimumLeadTimeBusinessDays: number;
  rushJustificationRequired: boolean;
}

export interface RequestPreviewInput {
  opportunityId: string | null;
  activityTypeKey: string;
  neededBy: string;
  prospect: ProspectProfile;
}

export interface MatchFactor {
  factor: MatchingFactor;
  label: string;
  /** Points this factor added to the 0–100 score. */
  contribution: number;
  /** The most it could add for this request (when the explanation carries it). */
  maximum?: number;
  detail: string;
}

/** A ranked candidate: profile facts only, never an e-mail address or a phone number. */
export interface CandidateMatch {
  advocateId: string;
  accountId: string;
  score: number;
  factors: MatchFactor[];
  lastUsedOn: string | null;
  name: string;
  title: string | null;
  accountName: string;
  seniorityKey: string | null;
  functionKey: string | null;
  country: string | null;
  industryKey: string | null;
  /** ask_first: the advocate wants to be asked before each use of this kind. */
  willingness: 'yes' | 'ask_first';
  /** Every hard rule, with why it passed. */
  rules: { rule: string; label: string; detail: string }[];
  /** Weighted uses in the window around the date, against the caps. */
  capacity: { advocateUsed: number; advocateCap: number; accountUsed: number; accountCap: number };
}

export interface Relaxation {
  kind: string;
  label: string;
  extraCandidates: number;
  suggestion: string;
}

export interface MatchResult {
  candidates: CandidateMatch[];
  passingCount: number;
  /** False when the pool was too large to check everyone's capacity (the count is then an estimate). */
  passingCountExact?: boolean;
  relaxations: Relaxation[];
}

export interface MatchPreviewInput {
  activityTypeKey: string;
  neededBy: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  topicKeys: string[];
  opportunityId?: string | null;
  needed: number;
}

/** What `POST /api/requests` and `PATCH /api/requests/:id` accept. */
export interface RequestInput {
  opportunityId?: string | null;
  purpose?: string | null;
  activityTypeKey: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  topicKeys: string[];
  neededBy: string;
  referencesNeeded: number;
  note?: string | null;
  rushJustification?: string | null;
  /** Submit at once (readiness gate) instead of keeping a draft. */
  submit?: boolean;
  /** Where sellers pick: the advocates picked from the matches, proposed with the submission. */
  pickedAdvocateIds?: string[];
}

/** A request in a list. */
export interface RequestSummary {
  id: string;
  number: number;
  status: RequestStatus;
  activityTypeKey: string;
  purpose: string | null;
  team: string;
  requester: PersonRef;
  opportunity: OpportunityRef | null;
  prospect: ProspectProfile;
  neededBy: string;
  referencesNeeded: number;
  rush: boolean;
  createdAt: string;
  submittedAt: string | null;
  /** Candidates by status. */
  candidateCounts: Partial<Record<CandidateStatus, number>>;
}

export type CandidateAction =
  | 'approve'
  | 'decline'
  | 'withdraw'
  | 'no_answer'
  | 'schedule'
  | 'accept_proposed_date'
  | 'reveal_contact'
  | 'download_ics'
  | 'debrief'
  | 'redo'
  | 'thank_you';

export type RequestAction = 'edit' | 'submit' | 'cancel' | 'override_readiness' | 'pick_candidates' | 'propose_candidates' | 'rematch';

export interface ProposedDate {
  startsAt: string;
  note?: string;
}

export interface CandidateActivity {
  id: string;
  status: ActivityStatus;
  occursOn: string;
  debriefs: { side: 'requester' | 'advocate'; happened: boolean; metNeeds: number | null; submittedAt: string }[];
}

/** A candidate on the request page: the advocate's profile facts, never their contact details. */
export interface RequestCandidate {
  id: string;
  status: CandidateStatus;
  score: number | null;
  factors: MatchFactor[];
  lastUsedOn: string | null;
  advocate: {
    id: string;
    name: string;
    title: string | null;
    seniorityKey: string | null;
    functionKey: string | null;
    country: string | null;
    timeZone: string | null;
  };
  account: { id: string; name: string };
  approver: PersonRef | null;
  approvalDueAt: string | null;
  overdue: boolean;
  ownerDecidedAt: string | null;
  ownerReason: string | null;
  askedAt: string | null;
  askExpiresAt: string | null;
  advocateRespondedAt: string | null;
  advocateReason: string | null;
  proposedDates: ProposedDate[];
  scheduledAt: string | null;
  durationMinutes: number | null;
  meetingDetails: string | null;
  activity: CandidateActivity | null;
  /** What the viewer may do with this candidate now. */
  allowedActions: CandidateAction[];
}

export interface TimelineEvent {
  id: string;
  kind: string;
  at: string;
  actor: { kind: 'user' | 'advocate' | 'system'; name: string | null };
  candidateId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

/** `GET /api/requests/:id`. */
export interface RequestDetail extends Omit<RequestSummary, 'opportunity'> {
  opportunity: OpportunityDetailRef | null;
  criteria: RequestCriteria;
  topicKeys: string[];
  note: string | null;
  rushJustification: string | null;
  readinessGaps: ReadinessGap[];
  readinessOverrideReason: string | null;
  estimatedBusinessDays: number | null;
  endReason: EndReason | null;
  endNote: string | null;
  fulfilledAt: string | null;
  closedAt: string | null;
  redoOfRequestId: string | null;
  selectionMode: SelectionMode;
  candidates: RequestCandidate[];
  timeline: TimelineEvent[];
  /** What the viewer may do with the request now. */
  allowedActions: RequestAction[];
}

export interface RequestListFilters {
  scope: 'mine' | 'all';
  status: RequestStatus | '';
  activityTypeKey: string;
  q: string;
}

/** `POST /api/requests/:id/rematch`: the request and the fresh matches. */
export interface RematchResult {
  request: RequestDetail;
  matches: MatchResult;
}

export * from './closing-types';
