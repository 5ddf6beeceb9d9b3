export interface Load {
  /** Weighted uses counted in the busiest window around the needed-by date. */
  used: number;
  cap: number;
  windowDays: number;
}

/** `GET /api/approvals`: one use of an owner's account waiting for (or given) their decision. */
export interface Approval {
  candidateId: string;
  status: string;
  approvalDueAt: string | null;
  overdue: boolean;
  ownerDecidedAt: string | null;
  ownerReason: string | null;
  score: number | null;
  advocate: { id: string; name: string; title: string | null };
  account: { id: string; name: string };
  request: {
    id: string;
    number: number;
    activityTypeKey: string;
    neededBy: string;
    purpose: string | null;
    referencesNeeded: number;
    note: string | null;
    rush: boolean;
  };
  requester: { id: string; name: string; team: string };
  opportunity: { id: string; name: string; prospectName: string; stageLabel: string | null; amountUsd: number | null } | null;
  accountLoad: Load;
  advocateLoad: Load;
}

export interface ApprovalFilters {
  status: 'pending' | 'decided';
  scope: 'mine' | 'all';
}
