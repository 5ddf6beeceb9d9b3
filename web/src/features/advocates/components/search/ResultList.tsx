import { Stack } from '@mantine/core';
import type { Advocate, SearchHitAccount } from '../../api/types';
import { AdvocateResultCard } from './AdvocateResultCard';

export interface ResultItem {
  advocate: Advocate;
  account?: SearchHitAccount;
}

/** Result cards as a list, so screen readers announce how many there are. */
export function ResultList({ items }: { items: ResultItem[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Advocates found">
      {items.map((item) => (
        <li key={item.advocate.id}>
          <AdvocateResultCard advocate={item.advocate} account={item.account} />
        </li>
      ))}
    </Stack>
  );
}
