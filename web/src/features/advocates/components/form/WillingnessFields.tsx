import { SegmentedControl, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import type { Willingness } from '../../api/types';
import type { AdvocateFormValues } from '../../lib/advocateForm';
import { WILLINGNESS_LABELS } from '../../lib/labels';

const CHOICES = (['yes', 'ask_first', 'no'] as const).map((value) => ({ value, label: WILLINGNESS_LABELS[value] }));

const isWillingness = (value: string): value is Willingness => value === 'yes' || value === 'ask_first' || value === 'no';

/** One row per activity type: willing, ask first, or not willing. */
export function WillingnessFields({ form }: { form: UseFormReturnType<AdvocateFormValues> }) {
  const activities = useTaxonomyLabels('activity_type');
  const { willingness } = form.getValues();
  const keys = [
    ...activities.live.map((value) => value.key),
    ...Object.keys(willingness).filter((key) => !activities.live.some((value) => value.key === key)),
  ];
  const error = form.errors['willingness'];

  return (
    <>
      <Text size="sm" c="dimmed">
        Activities left on “Ask first” mean the program team checks with the advocate each time.
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} aria-label="Willingness per activity type">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Activity</Table.Th>
              <Table.Th scope="col">Willingness</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => (
              <Table.Tr key={key}>
                <Table.Th scope="row" fw={500}>
                  {activities.label(key)}
                </Table.Th>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={`Willingness for ${activities.label(key)}`}
                    data={CHOICES}
                    value={willingness[key] ?? 'ask_first'}
                    onChange={(value) => {
                      if (isWillingness(value)) form.setFieldValue('willingness', { ...willingness, [key]: value });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
