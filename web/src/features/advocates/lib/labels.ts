import { ADVOCATE_STATUS_LABELS, ADVOCATE_STATUSES, type AdvocateStatus } from '@domain/advocate-lifecycle';
import type { Freshness } from '@domain/advocate-freshness';
import type { Orientation, Willingness } from '../api/types';

export { ADVOCATE_STATUS_LABELS };

export const ADVOCATE_STATUS_COLORS: Record<AdvocateStatus, string> = {
  nominated: 'blue',
  in_review: 'cyan',
  interviewed: 'indigo',
  active: 'teal',
  paused: 'yellow',
  retired: 'gray',
  left_company: 'gray',
  withdrawn: 'red',
};

export const ADVOCATE_STATUS_HELP: Record<AdvocateStatus, string> = {
  nominated: 'Proposed; the program team has not looked yet.',
  in_review: 'The program team is checking the profile.',
  interviewed: 'Interviewed; waiting for consent before becoming active.',
  active: 'Can be asked to help.',
  paused: 'Temporarily not asked.',
  retired: 'No longer asked; can be recruited again.',
  left_company: 'Left the company; the profile is kept for history.',
  withdrawn: 'Withdrew from the program; never asked again unless recruited anew with fresh consent.',
};

export const ADVOCATE_STATUS_OPTIONS = ADVOCATE_STATUSES.map((value) => ({ value, label: ADVOCATE_STATUS_LABELS[value] }));

export function isAdvocateStatus(value: string): value is AdvocateStatus {
  return (ADVOCATE_STATUSES as readonly string[]).includes(value);
}

export const FRESHNESS_LABELS: Record<Freshness, string> = {
  fresh: 'Verified',
  due: 'Due for re-check',
  stale: 'Stale',
  never_verified: 'Never verified',
};

export const FRESHNESS_HELP: Record<Freshness, string> = {
  fresh: 'The profile was checked with the advocate recently.',
  due: 'The profile should be checked with the advocate this month.',
  stale: 'The profile has not been checked for too long: confirm the facts before relying on them.',
  never_verified: 'Nobody has confirmed this profile with the advocate yet.',
};

export const FRESHNESS_COLORS: Record<Freshness, string> = {
  fresh: 'teal',
  due: 'yellow',
  stale: 'red',
  never_verified: 'gray',
};

export const FRESHNESS_OPTIONS = (Object.keys(FRESHNESS_LABELS) as Freshness[]).map((value) => ({
  value,
  label: FRESHNESS_LABELS[value],
}));

export const ORIENTATION_LABELS: Record<Orientation, string> = {
  technical: 'Technical',
  business: 'Business',
};

export const WILLINGNESS_LABELS: Record<Willingness, string> = {
  yes: 'Willing',
  ask_first: 'Ask first',
  no: 'Not willing',
};

export const WILLINGNESS_COLORS: Record<Willingness, string> = {
  yes: 'teal',
  ask_first: 'yellow',
  no: 'gray',
};
