import type { Facet } from '@domain/taxonomy/types';
import { TEAM_LABELS, type Team } from '@domain/roles';
import { Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { formatCount } from '@/shared/format/numbers';
import type { TaxonomyValue } from '../api/types';
import { flagEmoji } from '../lib/flags';
import { teamsOf, weightOf, type ValueRow } from '../lib/valueRows';
import { ValueActions, type ValueAction } from './ValueActions';
import { ValueStatusBadge } from './ValueStatusBadge';

interface TaxonomyValuesTableProps {
  facet: Facet;
  rows: ValueRow[];
  /** Labels of every value by key, for "merged into". */
  labelOf: (key: string) => string;
  /** Records holding a value under each parent (industries of a sector). */
  usageBelow: ReadonlyMap<string, number>;
  onAction: (action: ValueAction, value: TaxonomyValue) => void;
}

const teamLabel = (team: string) => TEAM_LABELS[team as Team] ?? team;

export function TaxonomyValuesTable({ facet, rows, labelOf, usageBelow, onAction }: TaxonomyValuesTableProps) {
  const isCountry = facet === 'country';
  const isActivity = facet === 'activity_type';
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Values">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Value</Table.Th>
            {isCountry && <Table.Th scope="col">Region</Table.Th>}
            {isActivity && <Table.Th scope="col">Weight</Table.Th>}
            {isActivity && <Table.Th scope="col">Asked for by</Table.Th>}
            <Table.Th scope="col" ta="right">
              Used by
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" w={60}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ value, depth }) => {
            const isParent = facet === 'industry' && !value.parentKey;
            const region = value.attributes['region'];
            return (
              <Table.Tr key={value.id} bg={isParent ? 'var(--mantine-color-default-hover)' : undefined}>
                <Table.Td pl={depth === 1 ? 'xl' : undefined}>
                  <Group gap={6} wrap="nowrap">
                    {isCountry && <span aria-hidden>{flagEmoji(value.key)}</span>}
                    <Text size="sm" fw={isParent ? 700 : 500} c={value.status === 'live' ? undefined : 'dimmed'}>
                      {value.label}
                    </Text>
                  </Group>
                  <Code fz="xs">{value.key}</Code>
                  {isParent && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      sector
                    </Text>
                  )}
                </Table.Td>
                {isCountry && (
                  <Table.Td>
                    <Text size="sm">{typeof region === 'string' ? region : '—'}</Text>
                  </Table.Td>
                )}
                {isActivity && (
                  <Table.Td>
                    <Text size="sm">{weightOf(value) ?? '—'}</Text>
                  </Table.Td>
                )}
                {isActivity && (
                  <Table.Td>
                    <Text size="sm">{teamsOf(value).map(teamLabel).join(', ') || '—'}</Text>
                  </Table.Td>
                )}
                <Table.Td ta="right">
                  <Text size="sm" c={value.usage ? undefined : 'dimmed'}>
                    {value.usage === undefined ? '—' : value.usage === 0 ? 'Not used' : formatCount(value.usage)}
                  </Text>
                  {isParent && (usageBelow.get(value.key) ?? 0) > 0 && (
                    <Text size="xs" c="dimmed">
                      {formatCount(usageBelow.get(value.key))} under it
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ValueStatusBadge value={value} mergedIntoLabel={value.mergedIntoKey ? labelOf(value.mergedIntoKey) : undefined} />
                </Table.Td>
                <Table.Td>
                  <ValueActions value={value} onAction={onAction} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
