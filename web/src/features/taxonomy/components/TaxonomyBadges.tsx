import type { Facet } from '@domain/taxonomy/types';
import { Badge, Group, Text } from '@mantine/core';
import { useTaxonomyLabels } from '../api/taxonomyLabels';

interface TaxonomyBadgesProps {
  facet: Facet;
  keys: readonly string[];
  /** Show at most this many, then "+N more". */
  max?: number;
  empty?: string;
  color?: string;
}

/** A record's values of one facet as small badges; retired values are greyed and say so. */
export function TaxonomyBadges({ facet, keys, max, empty = 'None recorded', color = 'indigo' }: TaxonomyBadgesProps) {
  const labels = useTaxonomyLabels(facet);
  if (keys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  const shown = max === undefined ? keys : keys.slice(0, max);
  const hidden = keys.length - shown.length;
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((key) => (
        <Badge
          key={key}
          color={labels.isRetired(key) ? 'gray' : color}
          variant="light"
          radius="sm"
          tt="none"
          fw={500}
        >
          {labels.label(key)}
        </Badge>
      ))}
      {hidden > 0 && (
        <Text size="xs" c="dimmed">
          +{hidden} more
        </Text>
      )}
    </Group>
  );
}
