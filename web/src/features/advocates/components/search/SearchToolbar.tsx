import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import { isSearchSort, type SearchSort } from '../../lib/searchFilters';

interface SearchToolbarProps {
  q: string;
  sort: SearchSort | '';
  onQueryChange: (q: string) => void;
  onSortChange: (sort: SearchSort | null) => void;
  /** Small screens: opens the filters drawer (absent when filtering is off). */
  onOpenFilters?: () => void;
  filterCount: number;
}

/** The search box and sort order above the results. */
export function SearchToolbar({ q, sort, onQueryChange, onSortChange, onOpenFilters, filterCount }: SearchToolbarProps) {
  const [text, setText] = useState(q);
  const push = useDebouncedCallback(onQueryChange, 300);

  // Follow the URL when it changes from elsewhere (back button, "Clear all").
  useEffect(() => {
    setText(q);
  }, [q]);

  const hasWords = q.trim() !== '';
  const effectiveSort = sort || (hasWords ? 'relevance' : 'name');
  const sortOptions = [
    { value: 'relevance', label: hasWords ? 'Best match' : 'Best match (type words first)', disabled: !hasWords },
    { value: 'name', label: 'Name' },
    { value: 'freshness', label: 'Recently verified' },
    { value: 'last_used', label: 'Least recently used' },
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Advocate search">
      <TextInput
        label="Search advocates"
        placeholder="Name, title, company, story…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          push(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onQueryChange(event.currentTarget.value);
        }}
        style={{ flex: 1 }}
        miw={220}
      />
      <Select
        label="Sort by"
        data={sortOptions}
        value={effectiveSort}
        allowDeselect={false}
        onChange={(value) => onSortChange(isSearchSort(value) ? value : null)}
        w={{ base: '100%', xs: 210 }}
      />
      {onOpenFilters && (
        <Button
          hiddenFrom="md"
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={onOpenFilters}
        >
          {filterCount > 0 ? `Filters (${filterCount})` : 'Filters'}
        </Button>
      )}
    </Group>
  );
}
