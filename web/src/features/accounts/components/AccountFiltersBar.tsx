import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { countryOptions, industryOptions } from '@/features/taxonomy/lib/options';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import type { AccountFilters } from '../api/types';
import { REFERENCE_STATUS_OPTIONS } from '../lib/referenceStatus';
import { OwnerSelect } from './OwnerSelect';

interface AccountFiltersBarProps {
  filters: AccountFilters;
  onChange: (changes: Partial<Record<keyof AccountFilters, string | null>>) => void;
  /** Admins pick any owner; relationship owners can narrow to their own accounts. */
  ownerFilter: 'any' | 'mine' | 'none';
  currentUserId: string;
}

export function AccountFiltersBar({ filters, onChange, ownerFilter, currentUserId }: AccountFiltersBarProps) {
  const [query, setQuery] = useState(filters.q);
  const pushQuery = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  const industries = useTaxonomyLabels('industry');
  const countries = useTaxonomyLabels('country');
  const anyFilter = Object.values(filters).some((value) => value !== '');

  useEffect(() => {
    setQuery(filters.q);
  }, [filters.q]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter accounts">
      <TextInput
        label="Search accounts"
        placeholder="Company name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label="Industry"
        placeholder="Any industry"
        data={industryOptions(industries, filters.industry ? [filters.industry] : [])}
        value={filters.industry || null}
        onChange={(value) => onChange({ industry: value })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Industry filter' }}
        nothingFoundMessage="No such industry"
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label="HQ country"
        placeholder="Any country"
        data={countryOptions(countries, filters.country ? [filters.country] : [])}
        value={filters.country || null}
        onChange={(value) => onChange({ country: value })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the HQ country filter' }}
        nothingFoundMessage="No such country"
        w={{ base: '100%', sm: 200 }}
      />
      {ownerFilter === 'any' && (
        <OwnerSelect
          label="Relationship owner"
          placeholder="Anyone"
          value={filters.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          clearButtonProps={{ 'aria-label': 'Clear the Relationship owner filter' }}
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Select
        label="Reference status"
        placeholder="Any status"
        data={REFERENCE_STATUS_OPTIONS}
        value={filters.referenceStatus || null}
        onChange={(value) => onChange({ referenceStatus: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Reference status filter' }}
        w={{ base: '100%', xs: 190 }}
      />
      {ownerFilter === 'mine' && (
        <Checkbox
          label="Only my accounts"
          checked={filters.ownerId === currentUserId}
          onChange={(event) => onChange({ ownerId: event.currentTarget.checked ? currentUserId : null })}
          mb={8}
        />
      )}
      {anyFilter && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange({ q: null, industry: null, country: null, ownerId: null, referenceStatus: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
