import type { Team } from '@domain/roles';
import { Select, SimpleGrid, Stack, Textarea, TextInput, type ComboboxData } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import type { TaxonomyLabeler } from '@/features/taxonomy/lib/labeler';
import { NumberField } from '@/shared/forms/NumberField';
import { todayDay } from '@/shared/format/dates';
import { MARKETING_PURPOSES } from '../../lib/labels';
import type { RequestFormValues } from '../../lib/requestForm';

const portal = { withinPortal: true } as const;

/** Activity types, the requester's team's usual ones first. */
function activityTypeOptions(labeler: TaxonomyLabeler, team: Team): ComboboxData {
  const usual = (teams: unknown) => Array.isArray(teams) && teams.includes(team);
  const mine = labeler.live.filter((value) => usual(value.attributes['teams']));
  const others = labeler.live.filter((value) => !usual(value.attributes['teams']));
  const toItem = (value: { key: string; label: string }) => ({ value: value.key, label: value.label });
  if (mine.length === 0) return others.map(toItem);
  return [
    { group: 'Usual for your team', items: mine.map(toItem) },
    { group: 'Other activities', items: others.map(toItem) },
  ];
}

interface NeedFieldsProps {
  form: UseFormReturnType<RequestFormValues>;
  team: Team;
  /** Marketing requests state a purpose instead of an opportunity. */
  withPurpose: boolean;
  /** The deadline is inside the lead time: a justification is required. */
  rush: boolean;
  leadTimeMessage: string | null;
}

/** What is needed, by when, and how many. */
export function NeedFields({ form, team, withPurpose, rush, leadTimeMessage }: NeedFieldsProps) {
  const activityTypes = useTaxonomyLabels('activity_type');

  const choosePurpose = (purpose: string | null) => {
    form.setFieldValue('purpose', purpose ?? '');
    const match = MARKETING_PURPOSES.find((option) => option.value === purpose);
    if (match && activityTypes.get(match.activityTypeKey)) form.setFieldValue('activityTypeKey', match.activityTypeKey);
  };

  return (
    <Stack gap="md">
      {withPurpose && (
        <Select
          label="Purpose"
          description="What your team needs an advocate for"
          placeholder="Choose a purpose"
          data={MARKETING_PURPOSES.map(({ value, label }) => ({ value, label }))}
          comboboxProps={portal}
          withAsterisk
          {...form.getInputProps('purpose')}
          value={form.getValues().purpose || null}
          onChange={choosePurpose}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label="Activity"
          placeholder="Choose an activity"
          data={activityTypeOptions(activityTypes, team)}
          searchable
          comboboxProps={portal}
          withAsterisk
          nothingFoundMessage="No such activity"
          {...form.getInputProps('activityTypeKey')}
          value={form.getValues().activityTypeKey || null}
          onChange={(value) => form.setFieldValue('activityTypeKey', value ?? '')}
        />
        <TextInput
          type="date"
          label="Needed by"
          min={todayDay()}
          withAsterisk
          description={leadTimeMessage ?? undefined}
          {...form.getInputProps('neededBy')}
        />
        <NumberField
          label="How many references"
          min={1}
          max={10}
          step={1}
          inputMode="numeric"
          {...form.getInputProps('referencesNeeded')}
          onChange={(event) => {
            const next = Math.round(Number(event.currentTarget.value));
            form.setFieldValue('referencesNeeded', Number.isFinite(next) && next > 0 ? Math.min(next, 10) : 1);
          }}
        />
      </SimpleGrid>
      {rush && (
        <Textarea
          label="Why so soon?"
          description="The date is inside this activity's lead time, so the request counts as a rush. Say why it cannot wait."
          placeholder="The prospect's board decides on the 14th and wants a peer call first."
          autosize
          minRows={2}
          withAsterisk
          {...form.getInputProps('rushJustification')}
        />
      )}
    </Stack>
  );
}
