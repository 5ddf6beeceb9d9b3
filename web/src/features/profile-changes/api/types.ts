import type { ProfileValue, ProposableField } from '@/features/portal-profile/api/types';

export type ProfileChangeStatus = 'pending' | 'approved' | 'rejected' | 'superseded';
export type ProfileChangeFilter = 'pending' | 'decided' | 'all';

/** `GET /api/profile-changes` item: which fields, never their values. */
export interface ProfileChangeSummary {
  id: string;
  status: ProfileChangeStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  decisionNote: string | null;
  advocate: { id: string; name: string; title: string | null };
  account: { id: string; name: string };
  fields: ProposableField[];
}

export interface FieldDiff {
  field: ProposableField;
  label: string;
  before: ProfileValue;
  proposed: ProfileValue;
  current: ProfileValue;
  changedSinceProposal: boolean;
  alreadyApplied: boolean;
  applied: boolean | null;
}

export interface ProfileChangeDetail extends ProfileChangeSummary {
  canDecide: boolean;
  diff: FieldDiff[];
}

export interface ProfileChangePage {
  items: ProfileChangeSummary[];
  nextCursor: string | null;
  pendingCount: number;
}
