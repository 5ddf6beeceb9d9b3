import { MultiSelect, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { renderCountryOption } from '@/features/taxonomy/components/renderCountryOption';
import { countryOptions, industryOptions, taxonomyOptions } from '@/features/taxonomy/lib/options';
import { NumberField } from '@/shared/forms/NumberField';
import { followContact, type RequestFormValues } from '../../lib/requestForm';

const portal = { withinPortal: true } as const;

interface ProspectFieldsProps {
  form: UseFormReturnType<RequestFormValues>;
  /** From an opportunity: the prospect's facts are prefilled and the name is the deal's. */
  fromOpportunity: boolean;
}

/** The prospect company and the person who will talk to the reference. */
export function ProspectFields({ form, fromOpportunity }: ProspectFieldsProps) {
  const industries = useTaxonomyLabels('industry');
  const countries = useTaxonomyLabels('country');
  const products = useTaxonomyLabels('product');
  const seniority = useTaxonomyLabels('seniority');
  const functions = useTaxonomyLabels('function');
  const values = form.getValues();
  const keep = (key: string) => (key ? [key] : []);

  const setContact = (field: 'contactSeniorityKey' | 'contactFunctionKey', kind: 'seniority' | 'function') => (value: string | null) => {
    const next = value ?? '';
    const previous = form.getValues()[field];
    form.setFieldValue(field, next);
    form.setFieldValue('criteria', followContact(form.getValues().criteria, kind, previous, next));
  };

  return (
    <>
      {fromOpportunity && (
        <Text size="sm" c="dimmed">
          Filled in from the opportunity; change anything that is not right for this conversation.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="Prospect" placeholder="Company name" readOnly={fromOpportunity} {...form.getInputProps('prospectName')} />
        <Select
          label="Industry"
          placeholder="Prospect's industry"
          data={industryOptions(industries, keep(values.industryKey))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Industry' }}
          comboboxProps={portal}
          nothingFoundMessage="No such industry"
          {...form.getInputProps('industryKey')}
          value={values.industryKey || null}
          onChange={(value) => form.setFieldValue('industryKey', value ?? '')}
        />
        <NumberField label="Employees" min={1} step={1} inputMode="numeric" {...form.getInputProps('employeeCount')} />
        <Select
          label="Country"
          placeholder="Prospect's country"
          data={countryOptions(countries, keep(values.country))}
          renderOption={renderCountryOption}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Country' }}
          comboboxProps={portal}
          nothingFoundMessage="No such country"
          {...form.getInputProps('country')}
          value={values.country || null}
          onChange={(value) => form.setFieldValue('country', value ?? '')}
        />
        <MultiSelect
          label="Products of interest"
          placeholder={values.productKeys.length === 0 ? 'Any product' : undefined}
          data={taxonomyOptions(products, values.productKeys)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear Products of interest' }}
          comboboxProps={portal}
          {...form.getInputProps('productKeys')}
        />
        <Select
          label="Prospect contact's seniority"
          description="Who will talk to the reference: a VP wants a peer"
          placeholder="Choose a level"
          data={taxonomyOptions(seniority, keep(values.contactSeniorityKey))}
          clearable
          clearButtonProps={{ 'aria-label': "Clear Prospect contact's seniority" }}
          comboboxProps={portal}
          {...form.getInputProps('contactSeniorityKey')}
          value={values.contactSeniorityKey || null}
          onChange={setContact('contactSeniorityKey', 'seniority')}
        />
        <Select
          label="Prospect contact's function"
          description="IT, finance, a business line…"
          placeholder="Choose a function"
          data={taxonomyOptions(functions, keep(values.contactFunctionKey))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': "Clear Prospect contact's function" }}
          comboboxProps={portal}
          {...form.getInputProps('contactFunctionKey')}
          value={values.contactFunctionKey || null}
          onChange={setContact('contactFunctionKey', 'function')}
        />
      </SimpleGrid>
    </>
  );
}
