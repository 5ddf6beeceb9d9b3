import type { ProfileChangeStatus } from '../api/types';

export const STATUS_LABELS: Record<ProfileChangeStatus, string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Rejected',
  superseded: 'Replaced by a newer proposal',
};

export const STATUS_COLORS: Record<ProfileChangeStatus, string> = {
  pending: 'indigo',
  approved: 'teal',
  rejected: 'orange',
  superseded: 'gray',
};
