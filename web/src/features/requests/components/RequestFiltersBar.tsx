import { REQUEST_STATUSES } from '@domain/requests/request-states';
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { taxonomyOptions } from '@/features/taxonomy/lib/options';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import type { RequestListFilters } from '../api/types';
import { REQUEST_STATUS_LABELS } from '../lib/labels';

interface RequestFiltersBarProps {
  filters: RequestListFilters;
  onChange: (changes: Partial<Record<keyof RequestListFilters, string | null>>) => void;
  /** Admins can see everyone's requests. */
  canSeeAll: boolean;
}

const STATUS_OPTIONS = REQUEST_STATUSES.map((status) => ({ value: status, label: REQUEST_STATUS_LABELS[status] }));

export function RequestFiltersBar({ filters, onChange, canSeeAll }: RequestFiltersBarProps) {
  const [query, setQuery] = useState(filters.q);
  const pushQuery = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  const activityTypes = useTaxonomyLabels('activity_type');
  const scopeId = useId();
  const filtered = filters.q !== '' || filters.status !== '' || filters.activityTypeKey !== '';

  useEffect(() => {
    setQuery(filters.q);
  }, [filters.q]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter requests">
      {canSeeAll && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={scopeId}>
            Whose
          </Text>
          <div role="radiogroup" aria-labelledby={scopeId}>
            <SegmentedControl
              value={filters.scope}
              onChange={(value) => onChange({ scope: value === 'mine' ? null : value })}
              data={[
                { value: 'mine', label: 'Mine' },
                { value: 'all', label: 'Everyone' },
              ]}
            />
          </div>
        </Stack>
      )}
      <TextInput
        label="Search"
        placeholder="Prospect, opportunity or R-number"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status || null}
        onChange={(value) => onChange({ status: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Status filter' }}
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Activity"
        placeholder="Any activity"
        data={taxonomyOptions(activityTypes, filters.activityTypeKey ? [filters.activityTypeKey] : [])}
        value={filters.activityTypeKey || null}
        onChange={(value) => onChange({ activityTypeKey: value })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Activity filter' }}
        w={{ base: '100%', sm: 220 }}
      />
      {filtered && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setQuery('');
            onChange({ q: null, status: null, activityTypeKey: null });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
