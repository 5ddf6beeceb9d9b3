import { Button, Group } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { labelFunction, useFilterLabelers } from '../../lib/filterLabels';
import { FILTERS, type FilterParam } from '../../lib/searchFilters';
import type { SearchState } from '../../lib/searchState';

interface ActiveFiltersProps {
  state: SearchState;
  onRemove: (param: FilterParam, value: string) => void;
}

/** The chosen filters as removable chips above the results (each a button, so the keyboard reaches it). */
export function ActiveFilters({ state, onRemove }: ActiveFiltersProps) {
  const labelers = useFilterLabelers();
  const chips = FILTERS.flatMap((definition) => {
    const labelOf = labelFunction(definition, labelers);
    return state.filters[definition.param].map((value) => ({
      param: definition.param,
      value,
      text: `${definition.label}: ${labelOf(value)}`,
    }));
  });
  if (chips.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" aria-label="Chosen filters" role="group">
      {chips.map((chip) => (
        <Button
          key={`${chip.param}:${chip.value}`}
          variant="light"
          color="gray"
          radius="xl"
          size="compact-sm"
          fw={500}
          rightSection={<IconX size={12} aria-hidden />}
          aria-label={`Remove ${chip.text}`}
          onClick={() => onRemove(chip.param, chip.value)}
        >
          {chip.text}
        </Button>
      ))}
    </Group>
  );
}
