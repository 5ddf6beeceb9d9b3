import { MultiSelect, Select, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReadinessFact, SelectionMode } from '@domain/requests/program-policy';
import type { TaxonomyLabeler } from '@/features/taxonomy/lib/labeler';
import { NumberField } from '@/shared/forms/NumberField';
import type { PipelineStage } from '../api/types';
import type { PolicyFormValues } from '../lib/policyForm';
import { READINESS_FACT_OPTIONS, SELECTION_MODE_OPTIONS } from '../lib/policyLabels';

interface ActivityPoliciesTableProps {
  form: UseFormReturnType<PolicyFormValues>;
  activityKeys: string[];
  activities: TaxonomyLabeler;
  stages: PipelineStage[];
}

const portal = { withinPortal: true } as const;
const NO_MINIMUM = '__none__';

function stageOptions(stages: PipelineStage[], current: string) {
  return [
    { value: NO_MINIMUM, label: 'Any stage' },
    ...stages.filter((s) => !s.retired || s.key === current).map((s) => ({ value: s.key, label: s.retired ? `${s.label} (retired)` : s.label })),
  ];
}

/** One row of settings: the gate (stage, facts), lead time, who picks, and the weight. */
function PolicyRow({ form, path, label, stages, weightPlaceholder }: {
  form: UseFormReturnType<PolicyFormValues>;
  path: string;
  label: string;
  stages: PipelineStage[];
  /** Absent: the row has no weight (the defaults row). */
  weightPlaceholder?: string;
}) {
  const minStage = form.getInputProps(`${path}.minStageKey`);
  const current = String(minStage.value ?? '');
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
      </Table.Th>
      <Table.Td>
        <Select
          aria-label={`Minimum stage for ${label}`}
          data={stageOptions(stages, current)}
          comboboxProps={portal}
          allowDeselect={false}
          error={minStage.error}
          value={current || NO_MINIMUM}
          onChange={(value) => form.setFieldValue(`${path}.minStageKey`, value === NO_MINIMUM || !value ? '' : value)}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        <MultiSelect
          aria-label={`Facts required for ${label}`}
          placeholder="None"
          data={READINESS_FACT_OPTIONS}
          comboboxProps={portal}
          {...form.getInputProps(`${path}.requiredFacts`)}
          onChange={(value) => form.setFieldValue(`${path}.requiredFacts`, value as ReadinessFact[])}
          miw={220}
        />
      </Table.Td>
      <Table.Td>
        <NumberField aria-label={`Lead time for ${label}, in business days`} min={0} max={180} step={1} w={90} {...form.getInputProps(`${path}.leadTime`)} />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Who picks candidates for ${label}`}
          data={SELECTION_MODE_OPTIONS}
          comboboxProps={portal}
          allowDeselect={false}
          {...form.getInputProps(`${path}.selectionMode`)}
          onChange={(value) => value && form.setFieldValue(`${path}.selectionMode`, value as SelectionMode)}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        {weightPlaceholder !== undefined ? (
          <NumberField
            aria-label={`Weight of ${label} against caps`}
            placeholder={weightPlaceholder}
            min={0}
            max={100}
            w={90}
            {...form.getInputProps(`${path}.weight`)}
          />
        ) : (
          <Text size="xs" c="dimmed">
            Per type
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Readiness gate, lead time, selection mode and weight for every activity type, then the defaults for types added later. */
export function ActivityPoliciesTable({ form, activityKeys, activities, stages }: ActivityPoliciesTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" aria-label="Policies per activity type">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Activity type</Table.Th>
            <Table.Th scope="col">Deal at least at</Table.Th>
            <Table.Th scope="col">Facts required</Table.Th>
            <Table.Th scope="col">Lead time (business days)</Table.Th>
            <Table.Th scope="col">Who picks candidates</Table.Th>
            <Table.Th scope="col">Weight</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activityKeys.map((key) => {
            const weight = activities.get(key)?.attributes['weight'];
            return (
              <PolicyRow
                key={key}
                form={form}
                path={`activities.${key}`}
                label={activities.label(key)}
                stages={stages}
                weightPlaceholder={typeof weight === 'number' ? String(weight) : '1'}
              />
            );
          })}
          <PolicyRow form={form} path="fallback" label="Any other type (default)" stages={stages} />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
