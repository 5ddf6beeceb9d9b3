import type { CriterionKind } from '@domain/requests/criteria';
import type { Facet } from '@domain/taxonomy/types';
import { Button, Checkbox, Group, MultiSelect, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { renderCountryOption } from '@/features/taxonomy/components/renderCountryOption';
import { industryOptions, taxonomyOptions } from '@/features/taxonomy/lib/options';
import { CRITERION_LABELS } from '../../lib/labels';
import type { CriterionRow, RequestFormValues } from '../../lib/requestForm';

const portal = { withinPortal: true } as const;

const FACET_OF: Partial<Record<CriterionKind, Facet>> = {
  industry: 'industry',
  company_size: 'company_size',
  country: 'country',
  product: 'product',
  use_case: 'use_case',
  seniority: 'seniority',
  function: 'function',
  language: 'language',
  topic: 'topic',
};

function CriterionField({ form, row, index }: { form: UseFormReturnType<RequestFormValues>; row: CriterionRow; index: number }) {
  const labeler = useTaxonomyLabels(FACET_OF[row.kind] ?? 'industry');
  const label = CRITERION_LABELS[row.kind];
  const data = row.kind === 'industry' ? industryOptions(labeler, row.values) : taxonomyOptions(labeler, row.values);
  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="group" aria-label={`${label} criterion`}>
      <MultiSelect
        label={label}
        placeholder={row.values.length === 0 ? 'Any' : undefined}
        data={data}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': `Clear ${label}` }}
        comboboxProps={portal}
        renderOption={row.kind === 'country' ? renderCountryOption : undefined}
        style={{ flex: 1 }}
        miw={220}
        {...form.getInputProps(`criteria.${index}.values`)}
      />
      <Checkbox
        label="Must-have"
        aria-label={`${label} is a must-have`}
        disabled={row.values.length === 0}
        mb={10}
        {...form.getInputProps(`criteria.${index}.mustHave`, { type: 'checkbox' })}
      />
    </Group>
  );
}

/** The ideal reference: each criterion a must-have (a hard rule) or nice-to-have (adds to the score). */
export function CriteriaFields({ form }: { form: UseFormReturnType<RequestFormValues> }) {
  const { criteria } = form.getValues();
  const error = form.errors['criteria'];
  // Only the criteria in use are shown at first: the form stays short for the usual request.
  const [showAll, setShowAll] = useState(() => criteria.every((row) => row.values.length === 0));
  // A row once shown stays, even emptied (it must not vanish under the cursor).
  const [shown] = useState(() => new Set(criteria.filter((row) => row.values.length > 0).map((row) => row.kind)));
  const visible = (row: CriterionRow) => showAll || shown.has(row.kind) || row.values.length > 0;
  for (const row of criteria) if (row.values.length > 0) shown.add(row.kind);
  const hidden = criteria.filter((row) => !visible(row));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Leave a criterion empty for “any”. A must-have rules out everyone who lacks it; the others only rank the matches.
      </Text>
      {criteria.map((row, index) =>
        visible(row) ? <CriterionField key={row.kind} form={form} row={row} index={index} /> : null,
      )}
      {!showAll && hidden.length > 0 && (
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setShowAll(true)}
        >
          More criteria: {hidden.map((row) => CRITERION_LABELS[row.kind].toLowerCase()).join(', ')}
        </Button>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
