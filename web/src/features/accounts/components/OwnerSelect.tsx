import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsersPage } from '@/features/users/api/users';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';
import type { AccountOwner } from '../api/types';

interface OwnerSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string;
  onChange: (ownerId: string | null) => void;
  /** The owner currently set, so the field shows a name before any search. */
  current?: AccountOwner | null;
}

/** Pick an active relationship owner; searches people with the owner role as you type (admins). */
export function OwnerSelect({ value, onChange, current, ...props }: OwnerSelectProps) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const pushQuery = useDebouncedCallback(setQuery, 250);
  const results = useQuery({
    queryKey: ['users', 'owner-options', query],
    queryFn: ({ signal }) => fetchUsersPage({ q: query, role: 'owner', status: 'active', limit: 50 }, signal),
    staleTime: 60_000,
  });

  const options = new Map<string, string>();
  if (current) options.set(current.id, current.name);
  if (picked) options.set(picked.id, picked.label);
  for (const user of results.data?.items ?? []) options.set(user.id, `${user.name} (${user.email})`);

  return (
    <Select
      searchable
      clearable
      {...props}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value || null}
      onChange={(next, option) => {
        setPicked(next && option ? { id: next, label: option.label } : null);
        onChange(next);
      }}
      searchValue={search}
      onSearchChange={(next) => {
        setSearch(next);
        // Showing the chosen name is not a search.
        if (next !== options.get(value)) pushQuery(next);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : results.isError ? "Couldn't load owners" : 'No active owner found'}
    />
  );
}
