import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import { ROLE_OPTIONS, TEAM_OPTIONS } from '@/shared/ui/roleOptions';
import type { UserFilters } from '../api/users';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

interface UserFiltersBarProps {
  filters: UserFilters;
  onChange: (changes: Partial<Record<keyof UserFilters, string | null>>) => void;
}

/** Search and filters for the people list; the page keeps them in the URL. */
export function UserFiltersBar({ filters, onChange }: UserFiltersBarProps) {
  const [query, setQuery] = useState(filters.q);
  const pushQuery = useDebouncedCallback((value: string) => onChange({ q: value }), 300);

  // Follow the URL when it changes from elsewhere (back button, "clear filters").
  useEffect(() => {
    setQuery(filters.q);
  }, [filters.q]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter people">
      <TextInput
        label="Search people"
        placeholder="Name or e-mail"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <Select
        label="Has role"
        placeholder="Any role"
        data={ROLE_OPTIONS}
        value={filters.role || null}
        onChange={(value) => onChange({ role: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Has role filter' }}
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label="Works in"
        placeholder="Any team"
        data={TEAM_OPTIONS}
        value={filters.team || null}
        onChange={(value) => onChange({ team: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Works in filter' }}
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status || null}
        onChange={(value) => onChange({ status: value })}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Status filter' }}
        w={{ base: '100%', xs: 170 }}
      />
    </Group>
  );
}
