import type { CriterionKind, EndReason } from '@domain/requests/criteria';
import type { CandidateStatus, RequestStatus } from '@domain/requests/request-states';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  draft: 'Draft',
  blocked: 'Blocked: not ready',
  matching: 'Finding references',
  in_progress: 'In progress',
  fulfilled: 'Reference secured',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const REQUEST_STATUS_HELP: Record<RequestStatus, string> = {
  draft: 'Not submitted yet.',
  blocked: 'The deal is not ready for this kind of reference yet; see what is missing.',
  matching: 'Candidates are being picked or proposed.',
  in_progress: 'Waiting on relationship owners or advocates.',
  fulfilled: 'Enough advocates said yes: schedule the conversation.',
  closed: 'Done, debriefed.',
  cancelled: 'Ended without a reference.',
};

export const REQUEST_STATUS_COLORS: Record<RequestStatus, string> = {
  draft: 'gray',
  blocked: 'orange',
  matching: 'blue',
  in_progress: 'indigo',
  fulfilled: 'teal',
  closed: 'dark',
  cancelled: 'gray',
};

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  owner_pending: 'Waiting for the owner',
  owner_declined: 'Owner declined',
  advocate_pending: 'Waiting for the advocate',
  advocate_declined: 'Advocate declined',
  no_answer: 'No answer',
  dates_proposed: 'Other dates proposed',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  happened: 'Happened',
  did_not_happen: 'Did not happen',
  withdrawn: 'Withdrawn',
};

export const CANDIDATE_STATUS_COLORS: Record<CandidateStatus, string> = {
  owner_pending: 'yellow',
  owner_declined: 'red',
  advocate_pending: 'blue',
  advocate_declined: 'red',
  no_answer: 'gray',
  dates_proposed: 'grape',
  accepted: 'teal',
  scheduled: 'teal',
  happened: 'green',
  did_not_happen: 'orange',
  withdrawn: 'gray',
};

export const END_REASON_LABELS: Record<EndReason, string> = {
  no_longer_needed: 'No longer needed',
  on_hold: 'Deal on hold',
  owner_declined: 'Relationship owner would not approve',
  legal_declined: 'Legal would not approve',
  service_issues: 'Service issues at the account',
  contact_left: 'The contact left the company',
  contact_unresponsive: 'The contact did not respond',
  no_match: 'No suitable advocate',
  other: 'Other',
};

export const CRITERION_LABELS: Record<CriterionKind, string> = {
  industry: 'Industry',
  sector: 'Sector',
  country: 'Country',
  region: 'Region',
  language: 'Language',
  product: 'Products',
  use_case: 'Use cases',
  seniority: 'Seniority',
  function: 'Function',
  orientation: 'Technical or business',
  company_size: 'Company size',
  topic: 'Topics',
};

/** Marketing's purposes (DESIGN §1), each with the activity type it usually means. */
export const MARKETING_PURPOSES: ReadonlyArray<{ value: string; label: string; activityTypeKey: string }> = [
  { value: 'press', label: 'Press (quote or interview)', activityTypeKey: 'press_quote' },
  { value: 'analyst', label: 'Analyst briefing', activityTypeKey: 'analyst_briefing' },
  { value: 'case_study', label: 'Case study', activityTypeKey: 'case_study' },
  { value: 'video', label: 'Video testimonial', activityTypeKey: 'video_testimonial' },
  { value: 'speaking', label: 'Speaking at an event', activityTypeKey: 'speaking_engagement' },
  { value: 'webinar', label: 'Webinar', activityTypeKey: 'webinar' },
  { value: 'peer_review', label: 'Peer review', activityTypeKey: 'peer_review' },
  { value: 'logo', label: 'Quote or logo use', activityTypeKey: 'quote_or_logo_use' },
  { value: 'investor', label: 'Investor reference', activityTypeKey: 'investor_reference' },
  { value: 'advisory_board', label: 'Advisory board', activityTypeKey: 'advisory_board' },
];

export function purposeLabel(value: string | null): string | null {
  if (!value) return null;
  return MARKETING_PURPOSES.find((purpose) => purpose.value === value)?.label ?? value;
}

export function requestReference(number: number): string {
  return `R-${number}`;
}

const TIMELINE_LABELS: Record<string, string> = {
  created: 'Request written',
  updated: 'Request changed',
  submitted: 'Submitted',
  blocked: 'Blocked by the readiness check',
  readiness_overridden: 'Readiness overridden',
  cancelled: 'Cancelled',
  candidate_proposed: 'Candidate proposed',
  rematched: 'Matching run again',
  plan_b: 'Plan B: looking for someone else',
  back_to_matching: 'Back to matching',
  // Candidate transitions (the state machine's names).
  owner_approve: 'Owner approved',
  owner_decline: 'Owner declined',
  advocate_accept: 'Advocate accepted',
  advocate_decline: 'Advocate declined',
  advocate_propose_dates: 'Advocate proposed other dates',
  accept_proposed_date: 'Proposed date accepted',
  mark_no_answer: 'No answer from the advocate',
  schedule: 'Scheduled',
  record_happened: 'Took place',
  record_did_not_happen: 'Did not take place',
  withdraw: 'Candidate withdrawn',
  // The advocate's answers by link.
  accept: 'Advocate accepted',
  decline: 'Advocate declined',
  propose_dates: 'Advocate proposed other dates',
  contact_revealed: 'Contact details shown',
  debriefed: 'Debrief received',
  redo: 'Redo opened',
  thank_you: 'Thank-you logged',
  closed: 'Closed',
  opportunity_won: 'Deal won',
  opportunity_lost: 'Deal lost',
};

/** A timeline event's kind in words; unknown kinds are made readable ("owner_reminded" → "Owner reminded"). */
export function timelineLabel(kind: string, toStatus?: string | null): string {
  if (kind === 'status_changed' && toStatus && toStatus in REQUEST_STATUS_LABELS) {
    return `Now: ${REQUEST_STATUS_LABELS[toStatus as RequestStatus].toLowerCase()}`;
  }
  const known = TIMELINE_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TIME_ZONE_FALLBACK = 'UTC';

/** The browser's own time zone (the default for scheduling). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || TIME_ZONE_FALLBACK;
  } catch {
    return TIME_ZONE_FALLBACK;
  }
}
