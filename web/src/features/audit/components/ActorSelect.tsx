import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsersPage, useUser } from '@/features/users/api/users';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';

interface ActorSelectProps {
  value: string;
  onChange: (actorId: string | null) => void;
}

/** Pick a person by name or e-mail; searches on the server as you type. */
export function ActorSelect({ value, onChange }: ActorSelectProps) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const pushQuery = useDebouncedCallback(setQuery, 250);
  const selected = useUser(value || null);
  const results = useQuery({
    queryKey: ['users', 'actor-options', query],
    queryFn: ({ signal }) => fetchUsersPage({ q: query, limit: 20 }, signal),
    staleTime: 60_000,
  });

  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, `${selected.data.name} (${selected.data.email})`);
  for (const user of results.data?.items ?? []) options.set(user.id, `${user.name} (${user.email})`);

  return (
    <Select
      label="Actor"
      placeholder="Anyone"
      searchable
      clearable
      clearButtonProps={{ 'aria-label': 'Clear the Actor filter' }}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value || null}
      onChange={(next) => {
        onChange(next);
        setSearch('');
      }}
      searchValue={search}
      onSearchChange={(next) => {
        setSearch(next);
        pushQuery(next);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'Nobody found'}
      w={{ base: '100%', sm: 220 }}
    />
  );
}
