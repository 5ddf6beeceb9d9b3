import { toKey, type Facet } from '@domain/taxonomy/types';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { useAddTaxonomyValue } from '../api/taxonomy';
import type { NewTaxonomyValue, TaxonomyValue } from '../api/types';
import { FACET_LABELS } from '../lib/facets';
import { isTwoLevel } from '../lib/valueRows';
import { ActivityTypeFields, ATTRIBUTE_FIELDS, validateLabel, validateWeight } from './ActivityTypeFields';

interface AddValueModalProps {
  facet: Facet;
  opened: boolean;
  onClose: () => void;
  /** The facet's values, for the parent picker. */
  values: readonly TaxonomyValue[];
}

interface AddValues {
  label: string;
  key: string;
  parentKey: string;
  weight: number | string;
  teams: string[];
}

const KEY_HELP: Partial<Record<Facet, string>> = {
  country: 'The ISO 3166-1 alpha-2 code, such as FR.',
  language: 'Preferably the ISO 639-1 code, such as fr.',
};

interface AddValueFormProps {
  facet: Facet;
  values: readonly TaxonomyValue[];
  onDone: () => void;
}

function AddValueForm({ facet, values, onDone }: AddValueFormProps) {
  const add = useAddTaxonomyValue(facet);
  const form = useForm<AddValues>({
    ...liveValidation,
    initialValues: { label: '', key: '', parentKey: '', weight: 1, teams: [] },
    validate: {
      label: validateLabel,
      key: (value) => {
        if (facet === 'country') return /^[A-Z]{2}$/.test(value.trim()) ? null : 'Enter the two-letter ISO code, such as FR';
        return value.trim() === '' || /^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(value.trim())
          ? null
          : 'Use lower-case letters and digits joined by underscores';
      },
      weight: (value) => (facet === 'activity_type' ? validateWeight(value) : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form, ATTRIBUTE_FIELDS);
  const { label, key } = form.getValues();
  const derived = toKey(label);
  const keyHint = facet !== 'country' && !key && derived ? ` Leave empty to use “${derived}”.` : '';
  const keyDescription = `${KEY_HELP[facet] ?? 'Stored on records; it never changes.'}${keyHint}`;
  const sectors = values.filter((value) => !value.parentKey && value.status === 'live');

  const submit = form.onSubmit((formValues) => {
    clearProblem();
    const input: NewTaxonomyValue = { label: formValues.label.trim() };
    if (formValues.key.trim()) input.key = formValues.key.trim();
    if (formValues.parentKey) input.parentKey = formValues.parentKey;
    if (facet === 'activity_type') input.attributes = { weight: Number(formValues.weight), teams: formValues.teams };
    add.mutate(input, {
      onSuccess: (saved) => {
        notifySuccess(`“${saved.label}” can now be picked.`, `${FACET_LABELS[facet]} added`);
        onDone();
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput label="Label" autoComplete="off" data-autofocus {...form.getInputProps('label')} />
        <TextInput
          label="Key"
         
          autoComplete="off"
          ff="monospace"
          description={keyDescription}
          {...form.getInputProps('key')}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            form.setFieldValue('key', facet === 'country' ? typed.toUpperCase() : typed);
          }}
        />
        {isTwoLevel(facet) && (
          <Select
            label="Sector"
            description="Leave empty to add a new sector."
            placeholder="None: this is a sector"
            data={sectors.map((sector) => ({ value: sector.key, label: sector.label }))}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Sector' }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('parentKey')}
            onChange={(value) => form.setFieldValue('parentKey', value ?? '')}
          />
        )}
        {facet === 'activity_type' && (
          <ActivityTypeFields weightProps={form.getInputProps('weight')} teamsProps={form.getInputProps('teams')} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add value
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddValueModal({ facet, opened, onClose, values }: AddValueModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Add a ${FACET_LABELS[facet].toLowerCase()} value`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <AddValueForm facet={facet} values={values} onDone={onClose} />}
    </Modal>
  );
}
