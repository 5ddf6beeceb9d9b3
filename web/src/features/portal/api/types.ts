import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import type { ActivityStatus, CandidateStatus } from '@domain/requests/request-states';

/** `GET /api/portal/me`: the signed-in advocate, their organisation and the CSRF token. */
export interface PortalMe {
  advocate: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    status: AdvocateStatus;
    accountName: string;
    points: number;
    withdrawnAt: string | null;
  };
  organization: { name: string; color: string };
  csrfToken: string;
}

/** `GET /api/portal/asks`: one of my asks (what the ask page shows, nothing internal). */
export interface PortalAsk {
  candidateId: string;
  status: CandidateStatus;
  accountName: string;
  requester: { name: string; team: string };
  approverName: string | null;
  activityTypeKey: string;
  activityLabel: string;
  prospect: { name: string | null; industry: string | null; country: string | null };
  purpose: string | null;
  context: string;
  neededBy: string;
  topics: string[];
  askedAt: string | null;
  answerBy: string | null;
  answeredAt: string | null;
  proposedDates: { startsAt: string; note?: string }[];
  scheduledAt: string | null;
  durationMinutes: number | null;
}

/** `GET /api/portal/impact`. */
export interface PortalImpact {
  activities: { id: string; activityTypeKey: string; activityLabel: string; occursOn: string; status: ActivityStatus; prospectName: string | null }[];
  wins: { prospectName: string | null; wonOn: string; activityCount: number }[];
  thankYous: { id: string; kind: 'note' | 'gift' | 'donation' | 'points'; points: number; note: string | null; givenAt: string; givenByName: string }[];
  totals: { happened: number; upcoming: number; dealsWon: number; thankYous: number; points: number };
}

export type PortalAnswer =
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'propose'; dates: { startsAt: string }[]; note: string | null };
