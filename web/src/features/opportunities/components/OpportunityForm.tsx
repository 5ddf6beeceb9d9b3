import { Button, Divider, Drawer, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { usePipelineStages } from '@/features/settings/api/settings';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { countryOptions, industryOptions, taxonomyOptions } from '@/features/taxonomy/lib/options';
import { FormAlert } from '@/shared/forms/FormAlert';
import { NumberField } from '@/shared/forms/NumberField';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { formatCount, formatUsdCompact } from '@/shared/format/numbers';
import { notifySuccess } from '@/shared/ui/notify';
import { useCreateOpportunity, useUpdateOpportunity } from '../api/opportunities';
import type { Opportunity } from '../api/types';
import { changedOpportunityInput, opportunityFormValues, opportunityInputFrom, opportunityValidation, toNumber } from '../lib/opportunityForm';
import { AccountsMultiSelect, SellerSelect } from './PeoplePickers';

const portal = { withinPortal: true } as const;

interface OpportunityFormProps {
  /** Absent: a new opportunity. */
  opportunity?: Opportunity;
  /** Admins choose the owning seller; sellers own what they create. */
  canChooseOwner: boolean;
  onSaved: (opportunity: Opportunity) => void;
  onCancel: () => void;
}

/** The deal and the prospect behind it. Readiness facts are ticked on the opportunity's page. */
export function OpportunityForm({ opportunity, canChooseOwner, onSaved, onCancel }: OpportunityFormProps) {
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity(opportunity?.id ?? '');
  const stages = usePipelineStages();
  const industries = useTaxonomyLabels('industry');
  const countries = useTaxonomyLabels('country');
  const products = useTaxonomyLabels('product');
  const firstStage = stages.data?.find((s) => !s.retired)?.key;
  const [initial] = useState(() => opportunityFormValues(opportunity, { stageKey: firstStage }));
  const form = useForm({ ...liveValidation, initialValues: initial, validate: opportunityValidation });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const values = form.getValues();
  const employees = toNumber(values.prospectEmployeeCount);
  const revenue = toNumber(values.prospectAnnualRevenueUsd);
  const stageOptions = (stages.data ?? [])
    .filter((s) => !s.retired || s.key === initial.stageKey)
    .map((s) => ({ value: s.key, label: s.retired ? `${s.label} (retired: pick the current stage)` : s.label }));

  const submit = form.onSubmit((formValues) => {
    clearProblem();
    if (!opportunity) {
      create.mutate(opportunityInputFrom(formValues), {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} was added.`, 'Opportunity created');
          onSaved(saved);
        },
        onError: handleError,
      });
      return;
    }
    const changes = changedOpportunityInput(initial, formValues);
    if (Object.keys(changes).length === 0) {
      notifySuccess('Nothing to save: no changes were made.');
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        notifySuccess(`${saved.name} was updated.`, 'Saved');
        onSaved(saved);
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput label="Opportunity name" placeholder="Globex – analytics platform" autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Stage"
            description="Where the deal stands in your pipeline."
            placeholder={stages.isPending ? 'Loading stages…' : 'Pick a stage'}
            data={stageOptions}
            comboboxProps={portal}
            allowDeselect={false}
            {...form.getInputProps('stageKey')}
            onChange={(value) => form.setFieldValue('stageKey', value ?? '')}
          />
          <TextInput type="date" label="Expected close date" {...form.getInputProps('closeDate')} />
          <NumberField
            label="Amount (USD)"
            description={toNumber(values.amountUsd) === null ? undefined : formatUsdCompact(toNumber(values.amountUsd))}
            min={0}
            step={1}
            {...form.getInputProps('amountUsd')}
          />
          {canChooseOwner ? (
            <SellerSelect
              label="Owner"
              description="The seller working the deal; empty means you."
              placeholder="You"
              current={opportunity?.owner}
              comboboxProps={portal}
              clearable
              clearButtonProps={{ 'aria-label': 'Clear Owner' }}
              error={form.errors['ownerUserId']}
              value={values.ownerUserId}
              onChange={(userId) => form.setFieldValue('ownerUserId', userId ?? '')}
            />
          ) : (
            <TextInput label="CRM id" autoComplete="off" {...form.getInputProps('crmId')} />
          )}
        </SimpleGrid>

        <Divider />
        <Title order={3} fz="h5">
          The prospect
        </Title>
        <TextInput label="Prospect company" autoComplete="off" {...form.getInputProps('prospectName')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Industry"
            placeholder="Pick an industry"
            data={industryOptions(industries, values.prospectIndustryKey ? [values.prospectIndustryKey] : [])}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Industry' }}
            comboboxProps={portal}
            nothingFoundMessage="No such industry"
            {...form.getInputProps('prospectIndustryKey')}
            onChange={(value) => form.setFieldValue('prospectIndustryKey', value ?? '')}
          />
          <Select
            label="Country"
            placeholder="Pick a country"
            data={countryOptions(countries, values.prospectCountry ? [values.prospectCountry] : [])}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear Country' }}
            comboboxProps={portal}
            nothingFoundMessage="No such country"
            {...form.getInputProps('prospectCountry')}
            onChange={(value) => form.setFieldValue('prospectCountry', value ?? '')}
          />
          <NumberField
            label="Employees"
            description={employees === null ? 'Used to find references of a similar size.' : `${formatCount(employees)} employees`}
            min={1}
            step={1}
            {...form.getInputProps('prospectEmployeeCount')}
          />
          <NumberField
            label="Annual revenue (USD)"
            description={revenue === null ? undefined : formatUsdCompact(revenue)}
            min={0}
            step={1}
            {...form.getInputProps('prospectAnnualRevenueUsd')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Products of interest"
          placeholder={values.productKeys.length === 0 ? 'Pick products' : undefined}
          data={taxonomyOptions(products, values.productKeys)}
          searchable
          comboboxProps={portal}
          {...form.getInputProps('productKeys')}
        />
        <TagsInput
          label="Competitors in the deal"
          description="Rival vendors the prospect is also evaluating. Press Enter after each."
          placeholder={values.competitors.length === 0 ? 'e.g. Tableau' : undefined}
          comboboxProps={portal}
          {...form.getInputProps('competitors')}
        />
        <AccountsMultiSelect
          label="Customers who compete with the prospect"
          description="Their advocates are never suggested for this deal."
          placeholder={values.excludedAccountIds.length === 0 ? 'Search your customers' : undefined}
          known={opportunity?.excludedAccounts ?? []}
          comboboxProps={portal}
          error={form.errors['excludedAccountIds']}
          value={values.excludedAccountIds}
          onChange={(ids) => form.setFieldValue('excludedAccountIds', ids)}
        />
        {canChooseOwner && <TextInput label="CRM id" autoComplete="off" {...form.getInputProps('crmId')} />}
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {opportunity ? 'Save changes' : 'Create opportunity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface OpportunityFormDrawerProps {
  opened: boolean;
  onClose: () => void;
  opportunity?: Opportunity;
  canChooseOwner: boolean;
  onSaved?: (opportunity: Opportunity) => void;
}

export function OpportunityFormDrawer({ opened, onClose, opportunity, canChooseOwner, onSaved }: OpportunityFormDrawerProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={opportunity ? `Edit ${opportunity.name}` : 'New opportunity'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && (
        <OpportunityForm
          opportunity={opportunity}
          canChooseOwner={canChooseOwner}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Drawer>
  );
}
