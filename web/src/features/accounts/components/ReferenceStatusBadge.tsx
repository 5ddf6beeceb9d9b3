import { Badge } from '@mantine/core';
import type { ReferenceStatus } from '../api/types';
import { REFERENCE_STATUS_COLORS, REFERENCE_STATUS_HELP, REFERENCE_STATUS_LABELS } from '../lib/referenceStatus';

export function ReferenceStatusBadge({ status }: { status: ReferenceStatus }) {
  return (
    <Badge color={REFERENCE_STATUS_COLORS[status]} title={REFERENCE_STATUS_HELP[status]} miw="max-content">
      {REFERENCE_STATUS_LABELS[status]}
    </Badge>
  );
}
