import type { Deployment, ReferenceStatus } from '../api/types';

export const REFERENCE_STATUS_LABELS: Record<ReferenceStatus, string> = {
  referenceable: 'Referenceable',
  restricted: 'Restricted',
  not_referenceable: 'Not referenceable',
};

export const REFERENCE_STATUS_HELP: Record<ReferenceStatus, string> = {
  referenceable: 'Its advocates can be asked to help.',
  restricted: 'Only with care: read the restriction before asking.',
  not_referenceable: 'Do not ask anyone at this account.',
};

export const REFERENCE_STATUS_COLORS: Record<ReferenceStatus, string> = {
  referenceable: 'teal',
  restricted: 'orange',
  not_referenceable: 'red',
};

export const REFERENCE_STATUS_OPTIONS = (Object.keys(REFERENCE_STATUS_LABELS) as ReferenceStatus[]).map((value) => ({
  value,
  label: REFERENCE_STATUS_LABELS[value],
}));

export function isReferenceStatus(value: string): value is ReferenceStatus {
  return value in REFERENCE_STATUS_LABELS;
}

export const DEPLOYMENT_LABELS: Record<Deployment, string> = {
  cloud: 'Cloud',
  on_premises: 'On premises',
  hybrid: 'Hybrid',
};

export const DEPLOYMENT_OPTIONS = (Object.keys(DEPLOYMENT_LABELS) as Deployment[]).map((value) => ({
  value,
  label: DEPLOYMENT_LABELS[value],
}));
