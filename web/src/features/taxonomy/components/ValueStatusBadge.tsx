import { Badge } from '@mantine/core';
import type { TaxonomyValue } from '../api/types';

export function ValueStatusBadge({ value, mergedIntoLabel }: { value: TaxonomyValue; mergedIntoLabel?: string }) {
  if (value.status === 'live') return <Badge color="teal">Live</Badge>;
  if (value.status === 'retired') return <Badge color="gray">Retired</Badge>;
  return (
    <Badge color="grape" tt="none" title={`Merged into ${mergedIntoLabel ?? value.mergedIntoKey ?? ''}`}>
      Merged → {mergedIntoLabel ?? value.mergedIntoKey}
    </Badge>
  );
}
