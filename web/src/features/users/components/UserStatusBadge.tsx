import { Badge } from '@mantine/core';
import type { InvitationStatus, UserStatus } from '@/shared/api/types';

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return status === 'active' ? <Badge color="teal">Active</Badge> : <Badge color="gray">Deactivated</Badge>;
}

const invitationColors: Record<InvitationStatus, string> = {
  pending: 'indigo',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'orange',
};

const invitationLabels: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <Badge color={invitationColors[status]}>{invitationLabels[status]}</Badge>;
}
