import { Button, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { FacetCount } from '../../api/types';
import { filterChoices } from '../../lib/filterOptions';
import { labelFunction, useFilterLabelers } from '../../lib/filterLabels';
import { DEFAULT_STATUS, FILTERS, OPEN_BY_DEFAULT, type FilterParam } from '../../lib/searchFilters';
import type { SearchState } from '../../lib/searchState';
import { FacetFilterGroup } from './FacetFilterGroup';

interface SearchFiltersPanelProps {
  state: SearchState;
  /** Counts from the last answer; absent while loading or when the search is unavailable. */
  facets: Partial<Record<string, FacetCount[]>> | undefined;
  onFilterChange: (param: FilterParam, values: string[]) => void;
  onClearAll: () => void;
}

/** The left column of the search page: one group of checkboxes per filter, with counts. */
export function SearchFiltersPanel({ state, facets, onFilterChange, onClearAll }: SearchFiltersPanelProps) {
  const labelers = useFilterLabelers();
  const headingId = useId();
  const [open, setOpen] = useState<ReadonlySet<FilterParam>>(
    () => new Set(FILTERS.filter((f) => OPEN_BY_DEFAULT.has(f.param) || state.filters[f.param].length > 0).map((f) => f.param)),
  );
  const toggleOpen = (param: FilterParam) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(param)) next.delete(param);
      else next.add(param);
      return next;
    });
  const anySelected = FILTERS.some((definition) => state.filters[definition.param].length > 0) || state.q !== '';

  return (
    <Stack gap={0} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Text component="h2" fw={700} size="md" id={headingId} m={0}>
          Filters
        </Text>
        {anySelected && (
          <Button variant="subtle" size="compact-sm" onClick={onClearAll}>
            Clear all
          </Button>
        )}
      </Group>
      {FILTERS.map((definition) => {
        const labelOf = labelFunction(definition, labelers);
        const isStatus = definition.param === 'status';
        const chosen = state.filters[definition.param];
        const isDefault = isStatus && chosen.length === 0;
        const selected = isDefault ? [...DEFAULT_STATUS] : chosen;
        const facetKeys = definition.facet ? (labelers[definition.facet]?.live.map((value) => value.key) ?? []) : [];
        const choices = filterChoices(definition, facets?.[definition.param], labelOf, facetKeys, selected);
        if (choices.length === 0 && definition.param === 'region') return null;
        return (
          <FacetFilterGroup
            key={definition.param}
            definition={definition}
            choices={choices}
            selected={selected}
            isDefault={isDefault}
            expanded={open.has(definition.param)}
            onToggle={() => toggleOpen(definition.param)}
            onChange={(values) => {
              // Unticking every status means "any status", which the server needs spelled out.
              if (isStatus && values.length === 0) onFilterChange('status', choices.map((choice) => choice.value));
              else onFilterChange(definition.param, values);
            }}
          />
        );
      })}
    </Stack>
  );
}
