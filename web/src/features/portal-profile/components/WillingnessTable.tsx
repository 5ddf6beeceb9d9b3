import { SegmentedControl, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { PortalPreferences, Willingness } from '../api/types';

const CHOICES = [
  { value: 'yes', label: 'Yes' },
  { value: 'ask_first', label: 'Ask me first' },
  { value: 'no', label: 'No' },
];

function WillingnessRow({ type, value, onChange }: { type: PortalPreferences['activityTypes'][number]; value: Willingness; onChange: (value: Willingness) => void }) {
  const labelId = useId();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} id={labelId}>
          {type.label}
        </Text>
        <Text size="xs" c="dimmed">
          Counts {type.weight} {type.weight === 1 ? 'unit' : 'units'}
        </Text>
      </Table.Td>
      <Table.Td>
        <div role="radiogroup" aria-labelledby={labelId}>
          <SegmentedControl size="xs" data={CHOICES} value={value} onChange={(next) => onChange(next as Willingness)} />
        </div>
      </Table.Td>
    </Table.Tr>
  );
}

/** One yes / ask first / no per kind of activity. */
export function WillingnessTable({ types, values, onChange }: { types: PortalPreferences['activityTypes']; values: Record<string, Willingness>; onChange: (key: string, value: Willingness) => void }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" aria-label="What you are willing to do">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Activity</Table.Th>
            <Table.Th>Willing?</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <WillingnessRow key={type.key} type={type} value={values[type.key] ?? 'ask_first'} onChange={(value) => onChange(type.key, value)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
