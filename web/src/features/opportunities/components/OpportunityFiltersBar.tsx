import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { usePipelineStages } from '@/features/settings/api/settings';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import type { OpportunityFilters } from '../api/types';
import { OUTCOME_LABELS, SORT_OPTIONS } from '../lib/labels';

interface OpportunityFiltersBarProps {
  filters: OpportunityFilters;
  onChange: (changes: Partial<Record<keyof OpportunityFilters, string | null>>) => void;
  /** Sellers only ever see their own deals: no "mine" switch for them. */
  showMine: boolean;
}

const OUTCOME_OPTIONS = (Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((value) => ({ value, label: OUTCOME_LABELS[value] }));

export function OpportunityFiltersBar({ filters, onChange, showMine }: OpportunityFiltersBarProps) {
  const [query, setQuery] = useState(filters.q);
  const pushQuery = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  const stages = usePipelineStages();
  const anyFilter = filters.q !== '' || filters.stage !== '' || filters.outcome !== '' || filters.mine;

  useEffect(() => {
    setQuery(filters.q);
  }, [filters.q]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter opportunities">
      <TextInput
        label="Search opportunities"
        placeholder="Deal, prospect or CRM id"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <Select
        label="Stage"
        placeholder="Any stage"
        data={(stages.data ?? []).map((s) => ({ value: s.key, label: s.retired ? `${s.label} (retired)` : s.label }))}
        value={filters.stage || null}
        onChange={(value) => onChange({ stage: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Stage filter' }}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Outcome"
        placeholder="Any outcome"
        data={OUTCOME_OPTIONS}
        value={filters.outcome || null}
        onChange={(value) => onChange({ outcome: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Outcome filter' }}
        w={{ base: '100%', xs: 160 }}
      />
      <Select
        label="Sort by"
        data={SORT_OPTIONS}
        value={filters.sort}
        onChange={(value) => onChange({ sort: value === 'updated' ? null : value })}
        allowDeselect={false}
        w={{ base: '100%', xs: 190 }}
      />
      {showMine && (
        <Checkbox label="Only my opportunities" checked={filters.mine} onChange={(event) => onChange({ mine: event.currentTarget.checked ? '1' : null })} mb={8} />
      )}
      {anyFilter && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onChange({ q: null, stage: null, outcome: null, mine: null })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
