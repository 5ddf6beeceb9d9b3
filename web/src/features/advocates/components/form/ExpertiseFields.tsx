import { Input, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useId, useMemo } from 'react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { renderCountryOption } from '@/features/taxonomy/components/renderCountryOption';
import { countryOptions, taxonomyOptions } from '@/features/taxonomy/lib/options';
import type { AdvocateFormValues } from '../../lib/advocateForm';

const portal = { withinPortal: true } as const;

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** Seniority, function, where they are, and what they can speak to. */
export function ExpertiseFields({ form }: { form: UseFormReturnType<AdvocateFormValues> }) {
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const countries = useTaxonomyLabels('country');
  const languages = useTaxonomyLabels('language');
  const topics = useTaxonomyLabels('topic');
  const useCases = useTaxonomyLabels('use_case');
  const products = useTaxonomyLabels('product');
  const values = form.getValues();
  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const orientationId = useId();
  const keep = (key: string) => (key ? [key] : []);
  const single = (field: 'seniorityKey' | 'functionKey' | 'country' | 'timeZone') => ({
    ...form.getInputProps(field),
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
  });

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Seniority"
          placeholder="Not recorded"
          data={taxonomyOptions(seniority, keep(values.seniorityKey))}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Seniority' }}
          comboboxProps={portal}
          {...single('seniorityKey')}
        />
        <Select
          label="Function"
          placeholder="Not recorded"
          data={taxonomyOptions(functions, keep(values.functionKey))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Function' }}
          comboboxProps={portal}
          {...single('functionKey')}
        />
        <Select
          label="Country"
          placeholder="Where they work"
          data={countryOptions(countries, keep(values.country))}
          renderOption={renderCountryOption}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Country' }}
          comboboxProps={portal}
          nothingFoundMessage="No such country"
          {...single('country')}
        />
        <Select
          label="Time zone"
          placeholder="Europe/Paris"
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
      <Stack gap={4}>
        <Input.Label labelElement="div" id={orientationId}>
          Technical or business
        </Input.Label>
        <SegmentedControl
          aria-labelledby={orientationId}
          data={[
            { value: '', label: 'Not recorded' },
            { value: 'technical', label: 'Technical' },
            { value: 'business', label: 'Business' },
          ]}
          {...form.getInputProps('orientation')}
          w="fit-content"
        />
      </Stack>
      <MultiSelect
        label="Topics they can speak to"
        data={taxonomyOptions(topics, values.topicKeys)}
        searchable
        comboboxProps={portal}
        {...form.getInputProps('topicKeys')}
      />
      <MultiSelect
        label="Use cases"
        data={taxonomyOptions(useCases, values.useCaseKeys)}
        searchable
        comboboxProps={portal}
        {...form.getInputProps('useCaseKeys')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiSelect
          label="Products used"
          data={taxonomyOptions(products, values.productKeys)}
          searchable
          comboboxProps={portal}
          {...form.getInputProps('productKeys')}
        />
        <MultiSelect
          label="Languages"
          data={taxonomyOptions(languages, values.languageKeys)}
          searchable
          comboboxProps={portal}
          limit={60}
          {...form.getInputProps('languageKeys')}
        />
      </SimpleGrid>
    </>
  );
}
