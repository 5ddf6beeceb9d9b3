import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useAdvocatesList } from '@/features/advocates/api/advocates';
import { AdvocateStatusBadge, FreshnessBadge } from '@/features/advocates/components/StatusBadges';
import { ADVOCATE_STATUS_LABELS, ADVOCATE_STATUS_OPTIONS } from '@/features/advocates/lib/labels';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { flattenPages } from '@/shared/api/pagination';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { AccountDetail } from '../api/types';

interface AccountAdvocatesSectionProps {
  account: AccountDetail;
  status: AdvocateStatus | '';
  onStatusChange: (status: string | null) => void;
  /** Admins and the account's owner can add (owners: nominate). */
  onAdd?: () => void;
  addLabel: string;
}

function countsLine(account: AccountDetail): string {
  const parts = (Object.entries(account.advocatesByStatus) as [AdvocateStatus, number][])
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${ADVOCATE_STATUS_LABELS[status].toLowerCase()}`);
  return parts.join(' · ');
}

/** The account's people, in name order, with their status and freshness. */
export function AccountAdvocatesSection({ account, status, onStatusChange, onAdd, addLabel }: AccountAdvocatesSectionProps) {
  const query = useAdvocatesList({ accountId: account.id, status });
  const advocates = flattenPages(query.data);
  const seniority = useTaxonomyLabels('seniority');
  const addButton = onAdd && (
    <Button size="xs" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onAdd}>
      {addLabel}
    </Button>
  );

  return (
    <SectionCard title={`Advocates (${account.advocateCount})`} actions={addButton}>
      {account.advocateCount > 0 && (
        <Group justify="space-between" align="flex-end" gap="sm">
          <Text size="sm" c="dimmed">
            {countsLine(account)}
          </Text>
          <Select
            label="Status"
            placeholder="Any status"
            data={ADVOCATE_STATUS_OPTIONS}
            value={status || null}
            onChange={onStatusChange}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the Status filter' }}
            w={180}
            size="xs"
          />
        </Group>
      )}
      {query.isPending && <CenteredLoader label="Loading advocates" />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && advocates.length === 0 && (
        <EmptyHint
          icon={<IconUsersGroup aria-hidden />}
          title={status ? `No ${ADVOCATE_STATUS_LABELS[status].toLowerCase()} advocates here` : `No advocates at ${account.name} yet`}
          description={
            status
              ? 'Pick another status, or clear the filter to see everyone.'
              : onAdd
                ? 'Add the customer contacts who could speak for this account: the program team takes it from there.'
                : 'The relationship owner nominates people here; ask them if you know someone who would vouch for you.'
          }
          action={status ? <Button variant="default" onClick={() => onStatusChange(null)}>Show every status</Button> : addButton}
        />
      )}
      {advocates.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover aria-label={`Advocates at ${account.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Seniority</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Profile</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {advocates.map((advocate) => (
                  <Table.Tr key={advocate.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/advocates/${advocate.id}`} fw={600} size="sm">
                        {advocate.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {advocate.title ?? 'No title recorded'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{seniority.label(advocate.seniorityKey)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <AdvocateStatusBadge status={advocate.status} />
                    </Table.Td>
                    <Table.Td>
                      <FreshnessBadge freshness={advocate.freshness} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            shown={advocates.length}
            noun={advocates.length === 1 ? 'advocate' : 'advocates'}
          />
        </>
      )}
    </SectionCard>
  );
}
