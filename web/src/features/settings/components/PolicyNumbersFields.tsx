import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { NumberField } from '@/shared/forms/NumberField';
import type { PolicyFormValues } from '../lib/policyForm';
import { MATCHING_FACTOR_LABELS, MATCHING_FACTORS_IN_ORDER } from '../lib/policyLabels';

type Form = UseFormReturnType<PolicyFormValues>;

/** Caps over a rolling window, the rest period, and how long approvals and asks stay open. */
export function CapsFields({ form }: { form: Form }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="h5">
        Caps and rest
      </Title>
      <Text size="sm" c="dimmed">
        Uses are counted in weighted units (a site visit weighs more than a call) over a rolling window. An advocate's or account's own cap
        overrides these.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <NumberField label="Rolling window (days)" min={7} max={730} step={1} {...form.getInputProps('caps.windowDays')} />
        <NumberField label="Units per advocate" min={0.5} max={1000} {...form.getInputProps('caps.advocateUnits')} />
        <NumberField label="Units per account" min={0.5} max={10000} {...form.getInputProps('caps.accountUnits')} />
        <NumberField label="Rest after each use (days)" min={0} max={365} step={1} {...form.getInputProps('caps.restDays')} />
      </SimpleGrid>
      <Title order={3} fz="h5" mt="sm">
        Answers
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberField
          label="Owner approval due within (business days)"
          description="Approvals still open after this show as overdue."
          min={1}
          max={30}
          step={1}
          {...form.getInputProps('approvalDueBusinessDays')}
        />
        <NumberField
          label="Advocate's answer expected within (business days)"
          description="After this, the ask counts as no answer and matching goes on."
          min={1}
          max={60}
          step={1}
          {...form.getInputProps('askExpiryBusinessDays')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The relative weight of each matching factor; the score scales them to 0–100. */
export function MatchingWeightsFields({ form }: { form: Form }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="h5">
        Matching weights
      </Title>
      <Text size="sm" c="dimmed">
        How much each factor counts in a candidate's 0–100 score, relative to the others (0 turns a factor off).
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {MATCHING_FACTORS_IN_ORDER.map((factor) => (
          <NumberField
            key={factor}
            label={MATCHING_FACTOR_LABELS[factor].label}
            description={MATCHING_FACTOR_LABELS[factor].description}
            min={0}
            max={100}
            {...form.getInputProps(`matchingWeights.${factor}`)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
