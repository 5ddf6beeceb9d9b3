import type { CandidateStatus, RequestStatus } from '@domain/requests/request-states';
import { Badge } from '@mantine/core';
import {
  CANDIDATE_STATUS_COLORS,
  CANDIDATE_STATUS_LABELS,
  REQUEST_STATUS_COLORS,
  REQUEST_STATUS_HELP,
  REQUEST_STATUS_LABELS,
} from '../lib/labels';

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={REQUEST_STATUS_COLORS[status]} variant="light" title={REQUEST_STATUS_HELP[status]}>
      {REQUEST_STATUS_LABELS[status]}
    </Badge>
  );
}

export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  return (
    <Badge color={CANDIDATE_STATUS_COLORS[status]} variant="dot">
      {CANDIDATE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function RushBadge() {
  return (
    <Badge color="orange" variant="outline" size="sm" title="Needed inside the activity's lead time">
      Rush
    </Badge>
  );
}

export function OverdueBadge({ label = 'Overdue' }: { label?: string }) {
  return (
    <Badge color="red" variant="filled" size="sm">
      {label}
    </Badge>
  );
}
