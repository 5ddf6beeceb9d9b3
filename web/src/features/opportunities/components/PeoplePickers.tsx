import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsersPage } from '@/features/users/api/users';
import { api } from '@/shared/api/client';
import { useDebouncedCallback } from '@/shared/hooks/useDebouncedCallback';

interface SellerSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string;
  onChange: (userId: string | null) => void;
  current?: { id: string; name: string } | null;
}

/** Pick the seller who owns a deal; searches active people with the sales role as you type (admins). */
export function SellerSelect({ value, onChange, current, ...props }: SellerSelectProps) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const pushQuery = useDebouncedCallback(setQuery, 250);
  const results = useQuery({
    queryKey: ['users', 'seller-options', query],
    queryFn: ({ signal }) => fetchUsersPage({ q: query, role: 'sales', status: 'active', limit: 50 }, signal),
    staleTime: 60_000,
  });
  const options = new Map<string, string>();
  if (current) options.set(current.id, current.name);
  if (picked) options.set(picked.id, picked.label);
  for (const user of results.data?.items ?? []) options.set(user.id, `${user.name} (${user.email})`);
  return (
    <Select
      searchable
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
        if (next !== options.get(value)) pushQuery(next);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : results.isError ? "Couldn't load sellers" : 'No active seller found'}
    />
  );
}

interface AccountsMultiSelectProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string[];
  onChange: (accountIds: string[]) => void;
  /** Accounts already chosen, so their names show before any search. */
  known: { id: string; name: string }[];
}

/** Pick customer accounts by name (the prospect's competitors among your customers). */
export function AccountsMultiSelect({ value, onChange, known, ...props }: AccountsMultiSelectProps) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [names, setNames] = useState(() => new Map(known.map((a) => [a.id, a.name])));
  const pushQuery = useDebouncedCallback(setQuery, 250);
  const results = useQuery({
    queryKey: ['accounts', 'options', query],
    queryFn: ({ signal }) => api.get<{ items: { id: string; name: string }[] }>('/api/accounts', { q: query.trim(), limit: 30 }, signal),
    enabled: query.trim().length > 0,
    staleTime: 60_000,
  });
  const options = new Map(names);
  for (const account of results.data?.items ?? []) options.set(account.id, account.name);
  return (
    <MultiSelect
      searchable
      {...props}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={(next) => {
        setNames((all) => {
          const copy = new Map(all);
          for (const id of next) {
            const name = options.get(id);
            if (name) copy.set(id, name);
          }
          return copy;
        });
        onChange(next);
      }}
      searchValue={search}
      onSearchChange={(next) => {
        setSearch(next);
        pushQuery(next);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={query.trim() === '' ? 'Type part of a customer’s name' : results.isFetching ? 'Searching…' : 'No customer account with that name'}
    />
  );
}
