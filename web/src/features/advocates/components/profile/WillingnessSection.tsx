import { Badge, Table, Text } from '@mantine/core';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate, Willingness } from '../../api/types';
import { WILLINGNESS_COLORS, WILLINGNESS_LABELS } from '../../lib/labels';

function weightOf(attributes: Record<string, unknown> | undefined): string {
  const weight = attributes?.['weight'];
  return typeof weight === 'number' ? String(weight) : '—';
}

/** What the advocate agreed to do, per activity type ("ask first" when nothing was recorded). */
export function WillingnessSection({ advocate }: { advocate: Advocate }) {
  const activities = useTaxonomyLabels('activity_type');
  const keys = [
    ...activities.live.map((value) => value.key),
    ...Object.keys(advocate.willingness).filter((key) => !activities.live.some((value) => value.key === key)),
  ];

  return (
    <SectionCard title="Willingness">
      <Text size="sm" c="dimmed">
        Weight is how much one use counts against the advocate&apos;s and the account&apos;s caps.
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={6} aria-label="Willingness per activity type">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Activity</Table.Th>
              <Table.Th scope="col">Willingness</Table.Th>
              <Table.Th scope="col" ta="right">
                Weight
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => {
              const recorded: Willingness | undefined = advocate.willingness[key];
              const answer: Willingness = recorded ?? 'ask_first';
              return (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={500}>
                    {activities.label(key)}
                  </Table.Th>
                  <Table.Td>
                    <Badge color={WILLINGNESS_COLORS[answer]} variant="light" radius="sm" tt="none">
                      {WILLINGNESS_LABELS[answer]}
                    </Badge>
                    {!recorded && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        not recorded
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{weightOf(activities.get(key)?.attributes)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}
