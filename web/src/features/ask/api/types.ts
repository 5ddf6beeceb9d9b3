import type { CandidateStatus } from '@domain/requests/request-states';

/** `GET /api/ask/:token`: the ask behind an advocate's link (public; the token is the credential). */
export interface AdvocateAsk {
  /** open: waiting for the answer; answered: this link was used; closed: no answer needed any more. */
  state: 'open' | 'answered' | 'closed';
  orgName: string;
  advocateFirstName: string;
  accountName: string;
  requester: { name: string; team: string };
  approverName: string | null;
  activityTypeKey: string;
  activityLabel: string;
  prospect: { name: string | null; industry: string | null; country: string | null };
  purpose: string | null;
  neededBy: string;
  topics: string[];
  /** A sentence or two of context from the requester. */
  context: string;
  status: CandidateStatus;
  answeredAt: string | null;
  reason: string | null;
  proposedDates: { startsAt: string; note?: string }[];
  scheduledAt: string | null;
  durationMinutes: number | null;
  expiresAt: string;
}

export interface ProposeDatesInput {
  dates: { startsAt: string; note?: string }[];
  note: string | null;
}

/** `GET /api/ask/:token/debrief`: whether the link takes the advocate's debrief now. */
export interface AdvocateDebriefState {
  open: boolean;
  reason: string | null;
  alreadyDebriefed: boolean;
  scheduledAt: string | null;
  activityTypeLabel: string;
  prospectName: string | null;
}

export interface AdvocateDebriefInput {
  happened: boolean;
  howItWent: string | null;
  wouldDoAgain: boolean | null;
}
