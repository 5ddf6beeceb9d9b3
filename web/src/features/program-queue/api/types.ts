import type { CandidateStatus, RequestStatus } from '@domain/requests/request-states';
import type { SelectionMode } from '@domain/requests/program-policy';

/** Most urgent first (the server's order). */
export const QUEUE_KINDS = ['overdue_approval', 'approval_due_soon', 'no_answer', 'needs_candidates', 'blocked', 'debrief_missing'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

interface Ref {
  id: string;
  name: string;
}

/** `GET /api/program-queue`: one thing that needs the program team. */
export interface QueueItem {
  kind: QueueKind;
  dueAt: string;
  request: {
    id: string;
    number: number;
    status: RequestStatus;
    activityTypeKey: string;
    neededBy: string;
    rush: boolean;
    purpose: string | null;
    requester: Ref;
    opportunity: { id: string; name: string; prospectName: string } | null;
    selectionMode: SelectionMode;
    candidatesTried: number;
  };
  candidate: {
    id: string;
    status: CandidateStatus;
    advocate: Ref;
    account: Ref;
    approver: Ref | null;
    approvalDueAt: string | null;
    askExpiresAt: string | null;
  } | null;
  activityId: string | null;
}
