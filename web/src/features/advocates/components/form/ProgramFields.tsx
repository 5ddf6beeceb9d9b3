import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { NumberField } from '@/shared/forms/NumberField';
import { isoToLocalInput } from '@/shared/format/dates';
import type { AdvocateFormValues } from '../../lib/advocateForm';
import { ADVOCATE_STATUS_OPTIONS, isAdvocateStatus } from '../../lib/labels';

const portal = { withinPortal: true } as const;
/** Consent can cover more than activities. */
const EXTRA_SCOPES = [{ value: 'name_and_logo', label: 'Use of name and logo' }];

interface ProgramFieldsProps {
  form: UseFormReturnType<AdvocateFormValues>;
  /** A new advocate may start beyond "nominated". */
  creating: boolean;
}

/** What only program admins record: status at creation, points, cap, verification and consent. */
export function ProgramFields({ form, creating }: ProgramFieldsProps) {
  const activities = useTaxonomyLabels('activity_type');
  const values = form.getValues();
  const scopeOptions = [
    ...activities.live.map((value) => ({ value: value.key, label: value.label })),
    ...EXTRA_SCOPES,
  ];
  for (const key of values.consent.scope) {
    if (!scopeOptions.some((option) => option.value === key)) scopeOptions.push({ value: key, label: activities.label(key) });
  }

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {creating && (
          <Select
            label="Starting status"
            data={ADVOCATE_STATUS_OPTIONS.filter((option) => option.value !== 'left_company')}
            allowDeselect={false}
            comboboxProps={portal}
            value={values.status}
            onChange={(value) => {
              if (value && isAdvocateStatus(value)) form.setFieldValue('status', value);
            }}
            error={form.errors['status']}
          />
        )}
        <NumberField label="Points" min={0} step={1} {...form.getInputProps('points')} />
        <NumberField
          label="Personal cap"
          description="Weighted uses per window; empty uses the program default."
          min={0}
          max={1000}
          {...form.getInputProps('personalCap')}
        />
        <Stack gap={4}>
          <TextInput type="datetime-local" label="Last verified" {...form.getInputProps('lastVerifiedAt')} />
          <Button
            variant="subtle"
            size="compact-xs"
            w="fit-content"
            onClick={() => form.setFieldValue('lastVerifiedAt', isoToLocalInput(new Date().toISOString()))}
          >
            Verified just now
          </Button>
        </Stack>
      </SimpleGrid>
      <Checkbox
        label="Consent recorded"
        description="Needed before the advocate can become active."
        {...form.getInputProps('consentRecorded', { type: 'checkbox' })}
      />
      {values.consentRecorded && (
        <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          <Group grow align="flex-start" gap="md" wrap="wrap">
            <TextInput type="datetime-local" label="Agreed on" miw={200} {...form.getInputProps('consent.at')} />
            <TextInput
              label="How"
              placeholder="Signed reference agreement"
              miw={200}
              {...form.getInputProps('consent.method')}
            />
          </Group>
          <MultiSelect
            label="Agreed to"
            data={scopeOptions}
            searchable
            comboboxProps={portal}
            {...form.getInputProps('consent.scope')}
          />
          <Textarea label="Consent notes" autosize minRows={1} maxRows={4} {...form.getInputProps('consent.notes')} />
        </Stack>
      )}
    </>
  );
}
