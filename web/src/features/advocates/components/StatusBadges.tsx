import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import type { Freshness } from '@domain/advocate-freshness';
import { Badge } from '@mantine/core';
import {
  ADVOCATE_STATUS_COLORS,
  ADVOCATE_STATUS_HELP,
  ADVOCATE_STATUS_LABELS,
  FRESHNESS_COLORS,
  FRESHNESS_HELP,
  FRESHNESS_LABELS,
} from '../lib/labels';

export function AdvocateStatusBadge({ status }: { status: AdvocateStatus }) {
  return (
    <Badge color={ADVOCATE_STATUS_COLORS[status]} title={ADVOCATE_STATUS_HELP[status]}>
      {ADVOCATE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  return (
    <Badge color={FRESHNESS_COLORS[freshness]} variant="dot" title={FRESHNESS_HELP[freshness]}>
      {FRESHNESS_LABELS[freshness]}
    </Badge>
  );
}
