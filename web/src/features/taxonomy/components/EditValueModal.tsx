import { Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { NumberField } from '@/shared/forms/NumberField';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { useUpdateTaxonomyValue } from '../api/taxonomy';
import type { TaxonomyValue, TaxonomyValueChanges } from '../api/types';
import { isTwoLevel, teamsOf, weightOf } from '../lib/valueRows';
import { ActivityTypeFields, ATTRIBUTE_FIELDS, validateLabel, validateWeight } from './ActivityTypeFields';

interface EditValues {
  label: string;
  parentKey: string;
  sortOrder: number | string;
  weight: number | string;
  teams: string[];
}

interface EditValueModalProps {
  value: TaxonomyValue | null;
  onClose: () => void;
  values: readonly TaxonomyValue[];
}

interface EditValueFormProps {
  value: TaxonomyValue;
  values: readonly TaxonomyValue[];
  onDone: () => void;
}

function EditValueForm({ value, values, onDone }: EditValueFormProps) {
  const update = useUpdateTaxonomyValue(value.id);
  const isActivity = value.facet === 'activity_type';
  const form = useForm<EditValues>({
    ...liveValidation,
    initialValues: {
      label: value.label,
      parentKey: value.parentKey ?? '',
      sortOrder: value.sortOrder,
      weight: weightOf(value) ?? 1,
      teams: teamsOf(value),
    },
    validate: {
      label: validateLabel,
      sortOrder: (order) => (Number.isInteger(Number(order)) && order !== '' ? null : 'Enter a whole number'),
      weight: (weight) => (isActivity ? validateWeight(weight) : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form, ATTRIBUTE_FIELDS);
  const sectors = values.filter((other) => !other.parentKey && other.status === 'live' && other.key !== value.key);

  const submit = form.onSubmit((formValues) => {
    clearProblem();
    const changes: TaxonomyValueChanges = {};
    if (formValues.label.trim() !== value.label) changes.label = formValues.label.trim();
    if ((formValues.parentKey || null) !== value.parentKey) changes.parentKey = formValues.parentKey || null;
    if (Number(formValues.sortOrder) !== value.sortOrder) changes.sortOrder = Number(formValues.sortOrder);
    if (isActivity) {
      const weight = Number(formValues.weight);
      const teams = formValues.teams;
      if (weight !== weightOf(value) || JSON.stringify(teams) !== JSON.stringify(teamsOf(value))) {
        changes.attributes = { ...value.attributes, weight, teams };
      }
    }
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        notifySuccess(`“${saved.label}” was saved. Records keep the key, so nothing else changes.`, 'Saved');
        onDone();
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Key <Code>{value.key}</Code> stays the same: every record holding it shows the new label at once.
        </Text>
        <FormAlert problem={problem} />
        <TextInput label="Label" autoComplete="off" data-autofocus {...form.getInputProps('label')} />
        {isTwoLevel(value.facet) && (
          <Select
            label="Sector"
            description="Empty makes it a sector itself. A sector with industries under it cannot move."
            placeholder="None: this is a sector"
            data={sectors.map((sector) => ({ value: sector.key, label: sector.label }))}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Sector' }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentKey')}
            onChange={(parent) => form.setFieldValue('parentKey', parent ?? '')}
          />
        )}
        <NumberField
          label="Sort order"
          description="Lower comes first in pickers and lists."
          step={1}
          w={200}
          {...form.getInputProps('sortOrder')}
        />
        {isActivity && (
          <ActivityTypeFields weightProps={form.getInputProps('weight')} teamsProps={form.getInputProps('teams')} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Rename a value, move it under another sector, reorder it, or change an activity's weight. */
export function EditValueModal({ value, onClose, values }: EditValueModalProps) {
  return (
    <Modal
      opened={value !== null}
      onClose={onClose}
      title={value ? `Edit “${value.label}”` : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {value && <EditValueForm key={value.id} value={value} values={values} onDone={onClose} />}
    </Modal>
  );
}
