import type { ActivityStatus, CandidateStatus, RequestStatus } from '@domain/requests/request-states';
import type { PersonRef } from './types';

/** Closing the loop as the API sends it: scheduling, contact reveal, debriefs, redo, thank-yous, uses. */
/** What scheduling answers (the candidate, its request and activity as they now stand). */
export interface ScheduledCandidate {
  candidate: { id: string; requestId: string; status: CandidateStatus; scheduledAt: string | null; durationMinutes: number | null; meetingDetails: string | null };
  request: { id: string; number: number; status: RequestStatus };
  activity: { id: string; status: ActivityStatus; occursOn: string } | null;
  requestStatusChanged: boolean;
}

export interface RevealedCandidateContact {
  email: string | null;
  phone: string | null;
}

export interface ScheduleInput {
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  meetingDetails: string | null;
}

export interface RequesterDebriefInput {
  happened: boolean;
  metNeeds: number | null;
  buyerIntent: string | null;
  concerns: string | null;
}

export interface DebriefResult {
  activity: { id: string; status: string; occursOn: string };
  /** It did not happen or did not meet the needs: a redo is offered. */
  redoOffered: boolean;
  requestClosed: boolean;
}

export interface RedoInput {
  /** Required when the original date has passed. */
  neededBy?: string;
  note?: string | null;
  rushJustification?: string | null;
}

export interface RedoResult {
  request: { id: string; number: number; status: RequestStatus; neededBy: string; rush: boolean; redoOfRequestId: string };
  originalCancelled: boolean;
}

export const THANK_YOU_KIND_VALUES = ['note', 'gift', 'donation', 'points'] as const;
export type ThankYouKind = (typeof THANK_YOU_KIND_VALUES)[number];

export interface ThankYouInput {
  kind: ThankYouKind;
  note: string | null;
  points?: number;
}

/** A use of an advocate (`GET /api/activities`): details are null when the viewer may not see them. */
export interface ActivityItem {
  id: string;
  status: ActivityStatus;
  activityTypeKey: string;
  occursOn: string;
  weight: number;
  outsideFlow: boolean;
  advocate: PersonRef;
  account: PersonRef;
  requestingTeam: string | null;
  details: boolean;
  request: { id: string; number: number } | null;
  candidateId: string | null;
  opportunity: PersonRef | null;
  requester: PersonRef | null;
  title: string | null;
  notes: string | null;
  debriefedBy: ('requester' | 'advocate')[];
  createdAt: string;
}
