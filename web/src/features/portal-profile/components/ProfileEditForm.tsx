import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import type { PortalProfile, ProfileOption, ProfileOptions, ProposalResult } from '../api/types';
import { useProposeProfileChange } from '../api/portalProfile';
import { initialFormValues, toProfileChanges, type ProfileFormValues } from '../lib/profileForm';

const portal = { withinPortal: true } as const;
const ALIASES = {
  'changes.title': 'title',
  'changes.email': 'email',
  'changes.phone': 'phone',
  'changes.country': 'country',
  'changes.timeZone': 'timeZone',
  'changes.languageKeys': 'languageKeys',
  'changes.topicKeys': 'topicKeys',
  'changes.useCaseKeys': 'useCaseKeys',
  'changes.productKeys': 'productKeys',
  'changes.storySituation': 'storySituation',
  'changes.storySolution': 'storySolution',
  'changes.storyOutcomes': 'storyOutcomes',
};

const toData = (options: readonly ProfileOption[] | undefined) =>
  (options ?? []).map((o) => ({ value: o.key, label: o.retired ? `${o.label} (no longer offered)` : o.label }));

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

interface ProfileEditFormProps {
  profile: PortalProfile;
  options?: ProfileOptions;
  onDone: (result: ProposalResult) => void;
  onCancel: () => void;
}

/** The advocate's proposal: every change waits for the program team's review. */
export function ProfileEditForm({ profile, options, onDone, onCancel }: ProfileEditFormProps) {
  const form = useForm<ProfileFormValues>({ initialValues: initialFormValues(profile) });
  const { problem, handleError, clearProblem } = useFormProblem(form, ALIASES);
  const propose = useProposeProfileChange();
  const zones = useMemo(() => timeZones(form.values.timeZone), [form.values.timeZone]);
  const single = (field: 'country' | 'timeZone') => ({
    ...form.getInputProps(field),
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
  });

  return (
    <form
      noValidate
      aria-label="Update your profile"
      onSubmit={form.onSubmit((values) => {
        clearProblem();
        propose.mutate(toProfileChanges(values), { onSuccess: onDone, onError: handleError });
      })}
    >
      <Stack gap="md">
        <FormAlert problem={problem} title="Your changes were not sent" onClose={clearProblem} />
        <TextInput label="Job title" autoComplete="organization-title" {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="E-mail" type="email" autoComplete="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <Select
            label="Country"
            data={toData(options?.countries)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Country' }}
            comboboxProps={portal}
            nothingFoundMessage="No such country"
            {...single('country')}
          />
          <Select
            label="Time zone"
            description="So we write to you at a sensible hour"
            data={zones}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Time zone' }}
            comboboxProps={portal}
            limit={50}
            nothingFoundMessage="No such time zone"
            {...single('timeZone')}
          />
        </SimpleGrid>
        <MultiSelect label="Languages you can speak in" data={toData(options?.languages)} searchable comboboxProps={portal} limit={60} {...form.getInputProps('languageKeys')} />
        <MultiSelect label="Topics you can speak to" data={toData(options?.topics)} searchable comboboxProps={portal} {...form.getInputProps('topicKeys')} />
        <MultiSelect label="Use cases" data={toData(options?.useCases)} searchable comboboxProps={portal} {...form.getInputProps('useCaseKeys')} />
        <MultiSelect label="Products you use" data={toData(options?.products)} searchable comboboxProps={portal} {...form.getInputProps('productKeys')} />
        <Textarea label="Your story: the situation" description="Where you started, and why you looked for a solution" autosize minRows={2} {...form.getInputProps('storySituation')} />
        <Textarea label="Your story: the solution" description="What you did, and how it went" autosize minRows={2} {...form.getInputProps('storySolution')} />
        <Textarea label="Your story: the outcomes" description="What changed: numbers help" autosize minRows={2} {...form.getInputProps('storyOutcomes')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={propose.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending}>
            Send for review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
