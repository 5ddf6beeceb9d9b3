import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import type { TaxonomyLabeler } from '@/features/taxonomy/lib/labeler';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { formatDateTime } from '@/shared/format/dates';
import { notifySuccess } from '@/shared/ui/notify';
import { useSaveProgramPolicies } from '../api/settings';
import type { PipelineStage, ProgramPolicies } from '../api/types';
import { numberBetween, policyErrorAliases, policyFormValues, policyFromForm, type PolicyFormValues } from '../lib/policyForm';
import { MATCHING_FACTORS_IN_ORDER } from '../lib/policyLabels';
import { ActivityPoliciesTable } from './ActivityPoliciesTable';
import { CapsFields, MatchingWeightsFields } from './PolicyNumbersFields';

interface ProgramPoliciesFormProps {
  data: ProgramPolicies;
  activities: TaxonomyLabeler;
  stages: PipelineStage[];
}

function validation(activityKeys: string[]) {
  const leadTime = numberBetween(0, 180, true);
  const weight = numberBetween(0, 100, false, true);
  return (values: PolicyFormValues) => {
    const errors: Record<string, string | null> = {
      'fallback.leadTime': leadTime(values.fallback.leadTime),
      'caps.windowDays': numberBetween(7, 730, true)(values.caps.windowDays),
      'caps.advocateUnits': numberBetween(0.5, 1000, false)(values.caps.advocateUnits),
      'caps.accountUnits': numberBetween(0.5, 10000, false)(values.caps.accountUnits),
      'caps.restDays': numberBetween(0, 365, true)(values.caps.restDays),
      approvalDueBusinessDays: numberBetween(1, 30, true)(values.approvalDueBusinessDays),
      askExpiryBusinessDays: numberBetween(1, 60, true)(values.askExpiryBusinessDays),
    };
    for (const key of activityKeys) {
      const row = values.activities[key];
      if (!row) continue;
      errors[`activities.${key}.leadTime`] = leadTime(row.leadTime);
      errors[`activities.${key}.weight`] = weight(row.weight);
    }
    for (const factor of MATCHING_FACTORS_IN_ORDER) errors[`matchingWeights.${factor}`] = numberBetween(0, 100, false)(values.matchingWeights[factor] ?? '');
    return Object.fromEntries(Object.entries(errors).filter(([, e]) => e !== null));
  };
}

/** The admin's program settings: gates, lead times, who picks, weights, caps and answer times. Saved together, audited. */
export function ProgramPoliciesForm({ data, activities, stages }: ProgramPoliciesFormProps) {
  const save = useSaveProgramPolicies();
  const activityKeys = useMemo(() => {
    const live = activities.live.map((v) => v.key);
    const fromPolicy = Object.keys(policyFormValues(data.policy, live).activities);
    return [...new Set([...live, ...fromPolicy])];
  }, [activities.live, data.policy]);
  const [initial] = useState(() => policyFormValues(data.policy, activityKeys));
  const form = useForm<PolicyFormValues>({ ...liveValidation, initialValues: initial, validate: validation(activityKeys) });
  const aliases = useMemo(() => policyErrorAliases(activityKeys), [activityKeys]);
  const { problem, handleError, clearProblem } = useFormProblem(form, aliases);

  const submit = form.onSubmit((values) => {
    clearProblem();
    save.mutate(policyFromForm(values), {
      onSuccess: (saved) => {
        const next = policyFormValues(saved.policy, activityKeys);
        form.setInitialValues(next);
        form.setValues(next);
        form.resetDirty(next);
        notifySuccess('New requests follow the changed policies from now on.', 'Policies saved');
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Program policies">
      <Stack gap="lg">
        <FormAlert problem={problem} />
        <Text size="sm" c="dimmed">
          {data.updatedAt
            ? `Last changed ${formatDateTime(data.updatedAt)}${data.updatedBy ? ` by ${data.updatedBy.name}` : ''}.`
            : 'These are the built-in defaults: nobody has changed them yet.'}
        </Text>
        <Stack gap="sm">
          <Title order={3} fz="h5">
            Readiness, lead time and who picks, per activity type
          </Title>
          <Text size="sm" c="dimmed">
            A request for a deal is held back until the opportunity is at least at the stage shown with every fact ticked; the seller is told
            what is missing and what to do meanwhile. A needed-by date inside the lead time needs a justification and counts as a rush. Weights
            count against caps; leave one empty to use the activity type's own.
          </Text>
          <ActivityPoliciesTable form={form} activityKeys={activityKeys} activities={activities} stages={stages} />
        </Stack>
        <Divider />
        <CapsFields form={form} />
        <Divider />
        <MatchingWeightsFields form={form} />
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            onClick={() => {
              form.setValues(policyFormValues(data.defaults, activityKeys));
              notifySuccess('The form now holds the built-in defaults. Save to apply them.');
            }}
          >
            Fill in the defaults
          </Button>
          <Group gap="sm">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save policies
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
