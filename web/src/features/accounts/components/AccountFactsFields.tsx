import { Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { countryOptions, industryOptions, taxonomyOptions } from '@/features/taxonomy/lib/options';
import { toNumber, type AccountFormValues } from '../lib/accountForm';
import { DEPLOYMENT_OPTIONS } from '../lib/referenceStatus';
import { NumberField } from '@/shared/forms/NumberField';
import { formatCount, formatUsdCompact } from '@/shared/format/numbers';

const portal = { withinPortal: true } as const;

/** The company facts of the account form: industry, HQ, size, products, deployment. */
export function AccountFactsFields({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const industries = useTaxonomyLabels('industry');
  const countries = useTaxonomyLabels('country');
  const products = useTaxonomyLabels('product');
  const useCases = useTaxonomyLabels('use_case');
  const values = form.getValues();
  const employees = toNumber(values.employeeCount);
  const revenue = toNumber(values.annualRevenueUsd);

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Industry"
          placeholder="Pick an industry"
          data={industryOptions(industries, values.industryKey ? [values.industryKey] : [])}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Industry' }}
          comboboxProps={portal}
          nothingFoundMessage="No such industry"
          {...form.getInputProps('industryKey')}
          onChange={(value) => form.setFieldValue('industryKey', value ?? '')}
        />
        <Select
          label="HQ country"
          placeholder="Pick a country"
          data={countryOptions(countries, values.hqCountry ? [values.hqCountry] : [])}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear HQ country' }}
          comboboxProps={portal}
          nothingFoundMessage="No such country"
          {...form.getInputProps('hqCountry')}
          onChange={(value) => form.setFieldValue('hqCountry', value ?? '')}
        />
        <NumberField
          label="Employees"
          description={employees === null ? 'Sets the company size band.' : `${formatCount(employees)} employees; sets the size band.`}
          min={1}
          step={1}
          {...form.getInputProps('employeeCount')}
        />
        <NumberField
          label="Annual revenue (USD)"
          description={revenue === null ? 'Sets the revenue band.' : `${formatUsdCompact(revenue)}; sets the revenue band.`}
          min={0}
          step={1}
          {...form.getInputProps('annualRevenueUsd')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Products in use"
        placeholder={values.productKeys.length === 0 ? 'Pick products' : undefined}
        data={taxonomyOptions(products, values.productKeys)}
        searchable
        comboboxProps={portal}
        {...form.getInputProps('productKeys')}
      />
      <MultiSelect
        label="Use cases"
        placeholder={values.useCaseKeys.length === 0 ? 'Pick use cases' : undefined}
        data={taxonomyOptions(useCases, values.useCaseKeys)}
        searchable
        comboboxProps={portal}
        {...form.getInputProps('useCaseKeys')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Deployment"
          placeholder="Not recorded"
          data={DEPLOYMENT_OPTIONS}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Deployment' }}
          comboboxProps={portal}
          {...form.getInputProps('deployment')}
          onChange={(value) => form.setFieldValue('deployment', value ?? '')}
        />
        <NumberField
          label="Seats"
          min={0}
          step={1}
          {...form.getInputProps('seats')}
        />
      </SimpleGrid>
      <Group grow align="flex-start" gap="md">
        <TextInput type="date" label="Customer since" {...form.getInputProps('customerSince')} />
        <TextInput type="date" label="Go-live date" {...form.getInputProps('goLiveDate')} />
      </Group>
    </>
  );
}
