import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useOpportunityChoices } from '../api/opportunity';

/** "Which deal is this for?": a searchable list of open opportunities. */
export function OpportunityPicker({ onPick }: { onPick: (opportunityId: string) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const choices = useOpportunityChoices(q, true);
  const data = (choices.data ?? []).map((opportunity) => ({
    value: opportunity.id,
    label: `${opportunity.name} (${opportunity.prospectName})`,
  }));
  return (
    <Stack gap={4}>
      <Select
        label="Which deal is this for?"
        description="The request is prefilled from the opportunity and judged against its stage."
        placeholder="Search your open opportunities"
        data={data}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        nothingFoundMessage={choices.isFetching ? 'Searching…' : 'No open opportunity by that name'}
        onChange={(value) => value && onPick(value)}
        comboboxProps={{ withinPortal: true }}
        maw={520}
      />
      {choices.isSuccess && choices.data.length === 0 && q === '' && (
        <Text size="sm" c="dimmed">
          You have no open opportunities yet: add the deal under Opportunities first, then ask for references from its page.
        </Text>
      )}
    </Stack>
  );
}
